using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals.SecretDetection;

namespace SecureServices.Analyzers.Rules.Secrets
{
    /// <summary>
    /// SSA1002: a recognised token format (AWS, GitHub, Slack, Stripe, Google, Azure keys, PEM private keys, JWTs…)
    /// anywhere in a string literal or in the text of an interpolated string, whatever it is assigned to. The detector
    /// runs on the literal's source text, so the reported span is exactly the token.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardCodedSecretTokenAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.HardCodedSecretToken);

        // SecretTokenDetector recognises nothing shorter than 20 characters (AKIA + 16); kept in step by a test.
        internal const int ShortestToken = 20;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(
                AnalyzeNode,
                SyntaxKind.StringLiteralExpression,
                SyntaxKind.Utf8StringLiteralExpression,
                SyntaxKind.InterpolatedStringText);
        }

        private static void AnalyzeNode(SyntaxNodeAnalysisContext context)
        {
            var token = context.Node switch
            {
                LiteralExpressionSyntax literal => literal.Token,
                InterpolatedStringTextSyntax text => text.TextToken,
                _ => default,
            };

            // Most literals are short: no content substring for text that cannot hold a token (the content is never
            // longer than the token text).
            if (token.IsMissing || token.Text.Length < ShortestToken)
            {
                return;
            }

            // Scan the token text itself from where its content starts (no content substring per literal): the closing
            // delimiter stops every detector as the end of the text would. A finding that runs into the delimiter
            // (an unterminated PEM block) is decided again on the exact content.
            var source = token.Text;
            SecretSyntax.LiteralContentBounds(token, out var contentStart, out var contentEnd);
            if (!SecretTokenDetector.TryFind(source, contentStart, out var secret))
            {
                return;
            }

            var offset = 0;
            if (secret.Start + secret.Length > contentEnd)
            {
                source = SecretSyntax.LiteralContent(token, out offset);
                if (!SecretTokenDetector.TryFind(source, out secret))
                {
                    return;
                }
            }

            var span = new TextSpan(token.SpanStart + offset + secret.Start, secret.Length);
            var location = Location.Create(context.Node.SyntaxTree, span);
            if (SecretSyntax.TryCreate(Rule, location, context.Options, context.Node.SyntaxTree, out var diagnostic, new LocalizedSecretKind(secret.Kind), secret.Prefix(source), secret.Length))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }
}
