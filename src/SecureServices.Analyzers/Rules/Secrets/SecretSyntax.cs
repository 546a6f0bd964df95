using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureServices.Analyzers.Internals;

namespace SecureServices.Analyzers.Rules.Secrets
{
    /// <summary>Syntax helpers shared by the secrets rules: constant string values, the name a value is given to, options.</summary>
    internal static class SecretSyntax
    {
        public const string SecretWordsOption = "secret_words";
        public const string ExcludedSecretWordsOption = "secret_words_excluded";
        public const string IgnoredSecretValuesOption = "secret_values_ignored";
        public const string TestProjectsOption = "secrets_in_test_projects";
        public const string EntropyThresholdOption = "secret_entropy_threshold";

        /// <summary>Bits per character a value given to a vague name (key, token) needs to be reported; random base64 is about 5.</summary>
        public const double DefaultEntropyThreshold = 4.0;

        /// <summary>
        /// The text of a compile-time string built only from literals: regular, verbatim, raw and UTF-8 literals,
        /// interpolated strings without holes, '+' concatenations of those, parentheses. Purely syntactic.
        /// </summary>
        public static bool TryGetLiteralText(ExpressionSyntax? expression, out string text)
        {
            text = string.Empty;
            switch (expression)
            {
                case LiteralExpressionSyntax literal
                    when literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                    // The common case, without a builder.
                    text = literal.Token.ValueText;
                    return true;
                case InterpolatedStringExpressionSyntax:
                case ParenthesizedExpressionSyntax:
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression }:
                    break;
                default:
                    // Not a literal form at all (calls, names, other literals, null): no builder for the common case.
                    return false;
            }

            // Concatenations are left-deep and can chain thousands of operands: walk them with an explicit stack,
            // in source order, into one builder (recursion could overflow the stack, and joining partial strings at
            // every level is quadratic).
            var sb = new StringBuilder();
            var pending = new System.Collections.Generic.Stack<ExpressionSyntax>();
            pending.Push(expression);
            while (pending.Count > 0)
            {
                switch (pending.Pop())
                {
                    case LiteralExpressionSyntax literal
                        when literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                        sb.Append(literal.Token.ValueText);
                        break;
                    case InterpolatedStringExpressionSyntax interpolated:
                        foreach (var content in interpolated.Contents)
                        {
                            if (content is not InterpolatedStringTextSyntax part)
                            {
                                return false;
                            }

                            sb.Append(part.TextToken.ValueText);
                        }

                        break;
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                        pending.Push(binary.Right);
                        pending.Push(binary.Left);
                        break;
                    case ParenthesizedExpressionSyntax parenthesized:
                        pending.Push(parenthesized.Expression);
                        break;
                    default:
                        return false;
                }
            }

            text = sb.ToString();
            return true;
        }

        /// <summary>
        /// The source text of a string literal token without its delimiters (<c>@"</c>, <c>"""</c>, <c>"u8</c>…), and the
        /// offset of that content in the token: detectors run on source text so that reported spans are exact.
        /// </summary>
        public static string LiteralContent(SyntaxToken token, out int offset)
        {
            var text = token.Text;
            LiteralContentBounds(token, out offset, out var end);
            return offset == 0 && end == text.Length ? text : text.Substring(offset, end - offset);
        }

        /// <summary>Where the content of a string literal token lies in its <see cref="SyntaxToken.Text"/>: [start, end).</summary>
        public static void LiteralContentBounds(SyntaxToken token, out int start, out int end)
        {
            var text = token.Text;
            start = 0;
            end = text.Length;
            if (!token.IsKind(SyntaxKind.StringLiteralToken) && !token.IsKind(SyntaxKind.Utf8StringLiteralToken)
                && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
                && !token.IsKind(SyntaxKind.Utf8SingleLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.Utf8MultiLineRawStringLiteralToken))
            {
                return; // interpolated text: already the content
            }

            while (start < text.Length && text[start] == '@')
            {
                start++;
            }

            var quotes = 0;
            while (start < text.Length && text[start] == '"')
            {
                start++;
                quotes++;
            }

            if (end - start >= 2 && (text.EndsWith("u8", System.StringComparison.Ordinal) || text.EndsWith("U8", System.StringComparison.Ordinal)))
            {
                end -= 2;
            }

            var closing = 0;
            while (end > start && closing < quotes && text[end - 1] == '"')
            {
                end--;
                closing++;
            }
        }

        /// <summary>Could <paramref name="expression"/> be a reference to a string constant (checked later with the semantic model)?</summary>
        public static bool IsPossibleConstantReference(ExpressionSyntax? expression)
            => expression is IdentifierNameSyntax || (expression is MemberAccessExpressionSyntax m && m.IsKind(SyntaxKind.SimpleMemberAccessExpression));

        /// <summary>
        /// The string value of a reference to a <c>const</c> field or local whose own name does not look secret (a secret-named
        /// constant is reported at its declaration). Used where a constant declared elsewhere reaches a secret.
        /// </summary>
        public static bool TryGetConstantReference(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken, out string text)
        {
            text = string.Empty;
            var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
            if (!(symbol is IFieldSymbol { IsConst: true } || symbol is ILocalSymbol { IsConst: true }) || SecretNames.IsSecretLike(symbol.Name))
            {
                return false;
            }

            var constant = model.GetConstantValue(expression, cancellationToken);
            if (!constant.HasValue || constant.Value is not string value)
            {
                return false;
            }

            text = value;
            return true;
        }

        /// <summary>The name a member access, identifier or element access (<c>["Password"]</c>) designates, or null.</summary>
        public static string? TargetName(ExpressionSyntax target) => target switch
        {
            IdentifierNameSyntax id => id.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            ImplicitElementAccessSyntax implicitAccess => StringKey(implicitAccess.ArgumentList),
            ElementAccessExpressionSyntax elementAccess => StringKey(elementAccess.ArgumentList),
            _ => null,
        };

        private static string? StringKey(BracketedArgumentListSyntax arguments)
            => arguments.Arguments.Count == 1
               && arguments.Arguments[0].Expression is LiteralExpressionSyntax literal
               && literal.IsKind(SyntaxKind.StringLiteralExpression)
                ? literal.Token.ValueText
                : null;

        /// <summary>Per-file secret-word options.</summary>
        public static SecretWordOptions WordOptions(AnalyzerOptions options, SyntaxTree tree)
            => new SecretWordOptions(
                SecureServicesOptions.GetList(options, tree, SecretWordsOption),
                SecureServicesOptions.GetList(options, tree, ExcludedSecretWordsOption),
                SecureServicesOptions.GetList(options, tree, IgnoredSecretValuesOption),
                EntropyThreshold(SecureServicesOptions.Get(options, tree, EntropyThresholdOption)));

        /// <summary>The entropy threshold option: a number of bits per character, or <c>off</c> (no entropy-based findings).</summary>
        public static double EntropyThreshold(string? raw)
        {
            if (raw == null)
            {
                return DefaultEntropyThreshold;
            }

            raw = raw.Trim();
            if (string.Equals(raw, "off", System.StringComparison.OrdinalIgnoreCase) || string.Equals(raw, "none", System.StringComparison.OrdinalIgnoreCase))
            {
                return double.PositiveInfinity;
            }

            return double.TryParse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : DefaultEntropyThreshold;
        }

        /// <summary>
        /// Test projects (<c>IsTestProject=true</c>) hold throwaway fixture credentials: by default their findings are
        /// suggestions; <c>secureservices.secrets_in_test_projects = report</c> keeps the rule's severity, <c>ignore</c> drops them.
        /// </summary>
        public static bool TryCreate(DiagnosticDescriptor rule, Location location, AnalyzerOptions options, SyntaxTree? tree, out Diagnostic diagnostic, params object[] args)
            => TryCreate(rule, location, options, tree, null, out diagnostic, args);

        public static bool TryCreate(DiagnosticDescriptor rule, Location location, AnalyzerOptions options, SyntaxTree? tree, ImmutableDictionary<string, string?>? properties, out Diagnostic diagnostic, params object[] args)
        {
            diagnostic = null!;
            var isTest = string.Equals(SecureServicesOptions.GetBuildProperty(options, "IsTestProject")?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
            if (!isTest)
            {
                diagnostic = Diagnostic.Create(rule, location, properties, args);
                return true;
            }

            switch (SecureServicesOptions.Get(options, tree, TestProjectsOption)?.Trim().ToLowerInvariant())
            {
                case "ignore":
                    return false;
                case "report":
                    diagnostic = Diagnostic.Create(rule, location, properties, args);
                    return true;
                default:
                    diagnostic = Diagnostic.Create(rule, location, DiagnosticSeverity.Info, additionalLocations: null, properties, args);
                    return true;
            }
        }
    }

    /// <summary>
    /// Per-compilation cache of <see cref="SecretWordOptions"/> by syntax tree, so options are parsed once per file rather
    /// than once per candidate (created in a compilation-start action; no static state).
    /// </summary>
    internal sealed class SecretWordOptionsCache
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, SecretWordOptions> cache =
            new System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, SecretWordOptions>();

        private readonly AnalyzerOptions options;

        // Trees whose option texts are equal share one SecretWordOptions, hence one per-name decision cache.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SecretWordOptions> byValue =
            new System.Collections.Concurrent.ConcurrentDictionary<string, SecretWordOptions>(System.StringComparer.Ordinal);

        // SecretNames.IsSecretLike with the built-in words only, by name.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> defaultSecretNames =
            new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(System.StringComparer.Ordinal);

        public SecretWordOptionsCache(AnalyzerOptions options) => this.options = options;

        public SecretWordOptions Get(SyntaxTree tree)
        {
            if (cache.TryGetValue(tree, out var words))
            {
                return words;
            }

            // Most files share the same options: key on the raw option texts and build (parse, allocate the decision
            // caches) only once per distinct set, not once per file.
            var extra = SecureServicesOptions.Get(options, tree, SecretSyntax.SecretWordsOption);
            var excluded = SecureServicesOptions.Get(options, tree, SecretSyntax.ExcludedSecretWordsOption);
            var ignored = SecureServicesOptions.Get(options, tree, SecretSyntax.IgnoredSecretValuesOption);
            var entropy = SecureServicesOptions.Get(options, tree, SecretSyntax.EntropyThresholdOption);
            var key = new StringBuilder();
            foreach (var raw in new[] { extra, excluded, ignored, entropy })
            {
                key.Append(raw == null ? -1 : raw.Length).Append(':').Append(raw).Append('|');
            }

            var keyText = key.ToString();
            if (!byValue.TryGetValue(keyText, out words))
            {
                words = byValue.GetOrAdd(keyText, SecretSyntax.WordOptions(options, tree));
            }

            return cache.GetOrAdd(tree, words);
        }

        /// <summary><see cref="SecretNames.IsSecretLike"/> without option words, decided once per distinct name.</summary>
        public bool IsDefaultSecretName(string name)
        {
            if (defaultSecretNames.TryGetValue(name, out var result))
            {
                return result;
            }

            result = SecretNames.IsSecretLike(name);
            defaultSecretNames.TryAdd(name, result);
            return result;
        }
    }

    internal sealed class SecretWordOptions
    {
        private static readonly ImmutableHashSet<string> VagueWords = ImmutableHashSet.Create(System.StringComparer.Ordinal, "key", "token", "credential", "credentials");

        // Per-name decisions (identifiers repeat across a code base): filled lazily, per instance (never static).
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> secretNames =
            new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(System.StringComparer.Ordinal);

        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> vagueNames =
            new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(System.StringComparer.Ordinal);

        public SecretWordOptions(ImmutableArray<string> extraWords, ImmutableArray<string> excludedWords, ImmutableArray<string> ignoredValues, double entropyThreshold = SecretSyntax.DefaultEntropyThreshold)
        {
            EntropyThreshold = entropyThreshold;
            ExtraWords = extraWords;
            ExcludedWords = excludedWords;
            IgnoredValues = ignoredValues;
        }

        public ImmutableArray<string> ExtraWords { get; }

        public ImmutableArray<string> ExcludedWords { get; }

        public ImmutableArray<string> IgnoredValues { get; }

        /// <summary>Bits per character; <see cref="double.PositiveInfinity"/> when entropy-based findings are off.</summary>
        public double EntropyThreshold { get; }

        /// <summary>
        /// A name too vague to mean a secret by itself (<c>key</c>, <c>token</c>, <c>cacheKey</c>, <c>credentials</c>) that
        /// is reported only with a random-looking value (see <see cref="SecretValues.LooksRandom"/>), and not excluded.
        /// </summary>
        public bool IsVagueSecretName(string name)
        {
            if (vagueNames.TryGetValue(name, out var result))
            {
                return result;
            }

            result = ComputeIsVagueSecretName(name);
            vagueNames.TryAdd(name, result);
            return result;
        }

        private bool ComputeIsVagueSecretName(string name)
        {
            var words = IdentifierWords.Split(name);
            if (words.Count == 0 || !VagueWords.Contains(words[words.Count - 1]))
            {
                return false;
            }

            foreach (var word in words)
            {
                foreach (var excluded in ExcludedWords)
                {
                    if (string.Equals(word, excluded, System.StringComparison.OrdinalIgnoreCase))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        public bool IsSecretName(string name)
        {
            if (secretNames.TryGetValue(name, out var result))
            {
                return result;
            }

            result = SecretNames.IsSecretLike(name, ExtraWords, ExcludedWords);
            secretNames.TryAdd(name, result);
            return result;
        }

        public bool IsNotASecret(string value, string name) => SecretValues.IsNotASecret(value, name, IgnoredValues);
    }
}
