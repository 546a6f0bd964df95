using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;

namespace SecureServices.Analyzers.Rules.Secrets
{
    /// <summary>
    /// SSA1007: a secret-named variable, field or property, the <c>Authorization</c> header, or a secret setting
    /// (<c>configuration["Db:Password"]</c>) passed — directly, in an interpolation hole or a concatenation — to
    /// ILogger extension methods (<c>LogInformation</c>, <c>Log</c>, <c>BeginScope</c>…), <c>[LoggerMessage]</c> methods,
    /// <c>Console.Write*</c> or <c>Debug</c>/<c>Trace</c> output. Anything derived (<c>password.Length</c>,
    /// <c>Mask(token)</c>, <c>apiKey is null</c>) is not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SecretWrittenToLogAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.SecretWrittenToLog);

        private static readonly ImmutableHashSet<string> OutputMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal, "Write", "WriteLine", "Print", "WriteIf", "WriteLineIf", "TraceInformation", "TraceWarning", "TraceError");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var types = new KnownTypes(start.Compilation, new SecretWordOptionsCache(start.Options));
                // An operation action: the driver has bound the body before calling it, so the symbol questions below are
                // answered from that binding (a syntax action asking first would pay for binding the whole method).
                start.RegisterOperationAction(c => AnalyzeInvocation(c, types), OperationKind.Invocation);
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, KnownTypes types)
        {
            var operation = (IInvocationOperation)context.Operation;
            if (operation.Syntax is not InvocationExpressionSyntax invocation || invocation.ArgumentList.Arguments.Count == 0
                || operation.SemanticModel is not { } model)
            {
                return;
            }

            var tree = invocation.SyntaxTree;
            // Cheap syntax pass first: is any argument a secret-named reference?
            var words = (SecretWordOptions?)null;
            var found = false;
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                found |= ForEachCandidate(argument.Expression, ref words, tree, types.Words, report: null);
            }

            if (!found || !IsLogSink(operation.TargetMethod, types))
            {
                return;
            }

            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                ForEachCandidate(argument.Expression, ref words, tree, types.Words, report: (expression, name) =>
                {
                    if (IsSecretValue(expression, model, types, context.CancellationToken)
                        && SecretSyntax.TryCreate(Rule, expression.GetLocation(), context.Options, expression.SyntaxTree, out var diagnostic, name))
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                });
            }
        }

        /// <summary>Visits the references inside an argument that name a secret (holes, concatenations, casts, parentheses).</summary>
        private static bool ForEachCandidate(ExpressionSyntax expression, ref SecretWordOptions? words, SyntaxTree tree, SecretWordOptionsCache cache, Action<ExpressionSyntax, string>? report)
        {
            // The common argument is a single name, literal or call: no stack for it.
            if (!(expression is InterpolatedStringExpressionSyntax || expression is ParenthesizedExpressionSyntax || expression is CastExpressionSyntax
                  || expression.IsKind(SyntaxKind.AddExpression) || expression.IsKind(SyntaxKind.SuppressNullableWarningExpression)))
            {
                return IsSecretCandidate(expression, ref words, tree, cache, report);
            }

            // An explicit stack in source order, not recursion: '+' chains can be thousands of operands long.
            var any = false;
            var pending = new Stack<ExpressionSyntax>();
            pending.Push(expression);
            while (pending.Count > 0)
            {
                var next = pending.Pop();
                switch (next)
                {
                    case InterpolatedStringExpressionSyntax interpolated:
                        for (var i = interpolated.Contents.Count - 1; i >= 0; i--)
                        {
                            if (interpolated.Contents[i] is InterpolationSyntax hole)
                            {
                                pending.Push(hole.Expression);
                            }
                        }

                        break;
                    case BinaryExpressionSyntax add when add.IsKind(SyntaxKind.AddExpression):
                        pending.Push(add.Right);
                        pending.Push(add.Left);
                        break;
                    case ParenthesizedExpressionSyntax parenthesized:
                        pending.Push(parenthesized.Expression);
                        break;
                    case CastExpressionSyntax cast:
                        pending.Push(cast.Expression);
                        break;
                    case PostfixUnaryExpressionSyntax bang when bang.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                        pending.Push(bang.Operand);
                        break;
                    default:
                        any |= IsSecretCandidate(next, ref words, tree, cache, report);
                        break;
                }
            }

            return any;
        }

        private static bool IsSecretCandidate(ExpressionSyntax expression, ref SecretWordOptions? words, SyntaxTree tree, SecretWordOptionsCache cache, Action<ExpressionSyntax, string>? report)
        {
            var name = CandidateName(expression);
            if (name == null)
            {
                return false;
            }

            var isSecret = string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase);
            if (!isSecret)
            {
                words ??= cache.Get(tree);
                isSecret = words.IsSecretName(name);
            }

            if (isSecret)
            {
                report?.Invoke(expression, name);
            }

            return isSecret;
        }

        private static string? CandidateName(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax id => id.Identifier.ValueText,
            MemberAccessExpressionSyntax member when member.IsKind(SyntaxKind.SimpleMemberAccessExpression) => member.Name.Identifier.ValueText,
            ConditionalAccessExpressionSyntax { WhenNotNull: MemberBindingExpressionSyntax binding } => binding.Name.Identifier.ValueText,
            ElementAccessExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments }
                when arguments[0].Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
            _ => null,
        };

        /// <summary>The reference is a value (local, parameter, field, property or indexer) of a type that can carry the secret.</summary>
        private static bool IsSecretValue(ExpressionSyntax expression, SemanticModel model, KnownTypes types, System.Threading.CancellationToken cancellationToken)
        {
            var target = expression is ConditionalAccessExpressionSyntax conditional ? conditional.WhenNotNull : expression;
            var symbol = model.GetSymbolInfo(target, cancellationToken).Symbol;
            if (!(symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol))
            {
                return false;
            }

            var type = model.GetTypeInfo(expression, cancellationToken).Type;
            return type != null && types.CanCarrySecret(type);
        }

        private static bool IsLogSink(IMethodSymbol method, KnownTypes types)
        {
            var original = method.ReducedFrom ?? method;
            var containing = original.ContainingType;
            if (SymbolEqualityComparer.Default.Equals(containing, types.LoggerExtensions)
                || (SymbolEqualityComparer.Default.Equals(containing, types.Logger) && (method.Name == "Log" || method.Name == "BeginScope")))
            {
                return true;
            }

            if (OutputMethods.Contains(method.Name)
                && (SymbolEqualityComparer.Default.Equals(containing, types.Console) || SymbolEqualityComparer.Default.Equals(containing, types.Debug)
                    || SymbolEqualityComparer.Default.Equals(containing, types.Trace)))
            {
                return true;
            }

            if (types.LoggerMessageAttribute != null)
            {
                foreach (var attribute in original.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.LoggerMessageAttribute))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private sealed class KnownTypes
        {
            public KnownTypes(Compilation compilation, SecretWordOptionsCache words)
            {
                Words = words;
                LoggerExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerExtensions");
                Logger = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
                LoggerMessageAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute");
                Console = compilation.GetTypeByMetadataName("System.Console");
                Debug = compilation.GetTypeByMetadataName("System.Diagnostics.Debug");
                Trace = compilation.GetTypeByMetadataName("System.Diagnostics.Trace");
                StringValues = compilation.GetTypeByMetadataName("Microsoft.Extensions.Primitives.StringValues");
                AuthenticationHeaderValue = compilation.GetTypeByMetadataName("System.Net.Http.Headers.AuthenticationHeaderValue");
                SecureString = compilation.GetTypeByMetadataName("System.Security.SecureString");
            }

            public SecretWordOptionsCache Words { get; }

            public INamedTypeSymbol? LoggerExtensions { get; }

            public INamedTypeSymbol? Logger { get; }

            public INamedTypeSymbol? LoggerMessageAttribute { get; }

            public INamedTypeSymbol? Console { get; }

            public INamedTypeSymbol? Debug { get; }

            public INamedTypeSymbol? Trace { get; }

            public INamedTypeSymbol? StringValues { get; }

            public INamedTypeSymbol? AuthenticationHeaderValue { get; }

            public INamedTypeSymbol? SecureString { get; }

            /// <summary>string, char[], byte[], StringValues, AuthenticationHeaderValue, SecureString (a bool, an int or an options object is not the secret).</summary>
            public bool CanCarrySecret(ITypeSymbol type)
            {
                if (type.SpecialType == SpecialType.System_String)
                {
                    return true;
                }

                if (type is IArrayTypeSymbol array)
                {
                    return array.ElementType.SpecialType == SpecialType.System_Char || array.ElementType.SpecialType == SpecialType.System_Byte;
                }

                return SymbolEqualityComparer.Default.Equals(type, StringValues)
                    || SymbolEqualityComparer.Default.Equals(type, AuthenticationHeaderValue)
                    || SymbolEqualityComparer.Default.Equals(type, SecureString);
            }
        }
    }
}
