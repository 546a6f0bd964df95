using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals.SecretDetection;

namespace SecureServices.Analyzers.Rules.Secrets
{
    /// <summary>
    /// SSA1004: a secret read from configuration or the environment with a literal fallback:
    /// <c>configuration["Db:Password"] ?? "…"</c>, <c>Environment.GetEnvironmentVariable("API_KEY") ?? "…"</c>,
    /// <c>GetValue&lt;string&gt;("Jwt:Key", "…")</c>, <c>GetConnectionString("Db") ?? "…;Password=…"</c>. The key must be
    /// secret-named, or the fallback must carry a connection-string password. Fallbacks in a recognised token format are
    /// reported by SSA1002.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardCodedSecretFallbackAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the configuration key, variable or connection-string name read.</summary>
        public const string KeyProperty = "Key";

        /// <summary>Diagnostic property: <see cref="ConfigurationSource"/>, <see cref="EnvironmentSource"/> or <see cref="ConnectionStringSource"/>.</summary>
        public const string SourceProperty = "Source";

        public const string ConfigurationSource = "configuration";
        public const string EnvironmentSource = "environment";
        public const string ConnectionStringSource = "connectionString";

        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.HardCodedSecretFallback);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var types = new KnownTypes(start.Compilation);
                start.RegisterSyntaxNodeAction(c => AnalyzeCoalesce(c, types), SyntaxKind.CoalesceExpression);
                if (types.ConfigurationBinder != null)
                {
                    start.RegisterSyntaxNodeAction(c => AnalyzeGetValue(c, types), SyntaxKind.InvocationExpression);
                }
            });
        }

        private static void AnalyzeCoalesce(SyntaxNodeAnalysisContext context, KnownTypes types)
        {
            var coalesce = (BinaryExpressionSyntax)context.Node;
            if (!SecretSyntax.TryGetLiteralText(coalesce.Right, out var text) || text.Length == 0)
            {
                return;
            }

            var left = Unwrap(coalesce.Left);
            if (left is not (InvocationExpressionSyntax or ElementAccessExpressionSyntax))
            {
                return;
            }

            var (key, source) = Lookup(left, context.SemanticModel, types, context.CancellationToken);
            if (key != null && source != null)
            {
                Report(context, coalesce.Right, text, key, source);
            }
        }

        private static void AnalyzeGetValue(SyntaxNodeAnalysisContext context, KnownTypes types)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name,
                SimpleNameSyntax simple => simple,
                _ => null,
            };
            if (name?.Identifier.ValueText != "GetValue" || invocation.ArgumentList.Arguments.Count < 2)
            {
                return;
            }

            var fallback = invocation.ArgumentList.Arguments[invocation.ArgumentList.Arguments.Count - 1];
            if (!SecretSyntax.TryGetLiteralText(fallback.Expression, out var text) || text.Length == 0
                || context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method
                || !SymbolEqualityComparer.Default.Equals(method.ContainingType, types.ConfigurationBinder))
            {
                return;
            }

            var keyArgument = invocation.ArgumentList.Arguments[invocation.ArgumentList.Arguments.Count - 2];
            if (context.SemanticModel.GetConstantValue(keyArgument.Expression, context.CancellationToken) is { HasValue: true, Value: string key })
            {
                Report(context, fallback.Expression, text, key, ConfigurationSource);
            }
        }

        private static void Report(SyntaxNodeAnalysisContext context, ExpressionSyntax literal, string text, string key, string source)
        {
            if (SecretTokenDetector.TryFind(text, out _))
            {
                return; // SSA1002 reports the token itself.
            }

            var words = SecretSyntax.WordOptions(context.Options, context.Node.SyntaxTree);
            var secretKey = source != ConnectionStringSource && words.IsSecretName(key) && !words.IsNotASecret(text, key);
            if (!secretKey && !ConnectionStringCredentials.TryFind(text, out _))
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(KeyProperty, key).Add(SourceProperty, source);
            if (SecretSyntax.TryCreate(Rule, literal.GetLocation(), context.Options, context.Node.SyntaxTree, properties, out var diagnostic, key, text.Length))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        /// <summary>The key read by a configuration indexer, GetEnvironmentVariable, GetConnectionString or GetValue&lt;string&gt;(key).</summary>
        private static (string? Key, string? Source) Lookup(ExpressionSyntax expression, SemanticModel model, KnownTypes types, CancellationToken cancellationToken)
        {
            switch (expression)
            {
                case ElementAccessExpressionSyntax access when access.ArgumentList.Arguments.Count == 1 && types.Configuration != null:
                    var type = model.GetTypeInfo(access.Expression, cancellationToken).Type;
                    return type != null && types.IsConfiguration(type)
                        ? (ConstantString(access.ArgumentList.Arguments[0].Expression, model, cancellationToken), ConfigurationSource)
                        : (null, null);
                case InvocationExpressionSyntax invocation when invocation.ArgumentList.Arguments.Count >= 1:
                    if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
                    {
                        return (null, null);
                    }

                    var last = invocation.ArgumentList.Arguments[invocation.ArgumentList.Arguments.Count - 1].Expression;
                    if (method.Name == "GetEnvironmentVariable" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Environment))
                    {
                        return (ConstantString(invocation.ArgumentList.Arguments[0].Expression, model, cancellationToken), EnvironmentSource);
                    }

                    if (method.Name == "GetConnectionString" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.ConfigurationExtensions))
                    {
                        return (ConstantString(last, model, cancellationToken), ConnectionStringSource);
                    }

                    if (method.Name == "GetValue" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.ConfigurationBinder)
                        && method.Parameters.Length == (method.ReducedFrom != null ? 1 : 2))
                    {
                        return (ConstantString(last, model, cancellationToken), ConfigurationSource);
                    }

                    return (null, null);
                default:
                    return (null, null);
            }
        }

        private static string? ConstantString(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
            => model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string value } ? value : null;

        private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case PostfixUnaryExpressionSyntax bang when bang.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                        expression = bang.Operand;
                        continue;
                    default:
                        return expression;
                }
            }
        }

        private sealed class KnownTypes
        {
            public KnownTypes(Compilation compilation)
            {
                Configuration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
                ConfigurationBinder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationBinder");
                ConfigurationExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationExtensions");
                Environment = compilation.GetTypeByMetadataName("System.Environment");
            }

            public INamedTypeSymbol? Configuration { get; }

            public INamedTypeSymbol? ConfigurationBinder { get; }

            public INamedTypeSymbol? ConfigurationExtensions { get; }

            public INamedTypeSymbol? Environment { get; }

            public bool IsConfiguration(ITypeSymbol type)
            {
                if (SymbolEqualityComparer.Default.Equals(type, Configuration))
                {
                    return true;
                }

                foreach (var implemented in type.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(implemented, Configuration))
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
