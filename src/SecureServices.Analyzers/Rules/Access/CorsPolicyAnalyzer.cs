using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals.AspNetCore;

namespace SecureServices.Analyzers.Rules.Access
{
    /// <summary>
    /// SSA3006: a CORS policy that trusts every origin where it matters: <c>SetIsOriginAllowed(_ =&gt; true)</c>
    /// with <c>AllowCredentials()</c>, <c>WithOrigins("*")</c> / <c>WithOrigins("null")</c>, and <c>AllowAnyOrigin()</c>
    /// in an app that signs browsers in with cookies (reported at compilation end, since that is app-wide).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CorsPolicyAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.PermissiveCorsPolicy);

        private static readonly ImmutableHashSet<string> Names = ImmutableHashSet.Create(
            StringComparer.Ordinal, "SetIsOriginAllowed", "WithOrigins", "AllowAnyOrigin");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var builder = start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder");
                if (builder == null)
                {
                    return;
                }

                var anyOrigin = new ConcurrentBag<Location>();
                var cookies = new StrongBox();
                start.RegisterSyntaxNodeAction(c => Analyze(c, builder, anyOrigin, cookies), SyntaxKind.InvocationExpression);
                start.RegisterCompilationEndAction(end =>
                {
                    if (cookies.Value)
                    {
                        foreach (var location in anyOrigin.OrderBy(l => l.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(l => l.SourceSpan.Start))
                        {
                            end.ReportDiagnostic(Diagnostic.Create(Rule, location, "AllowAnyOrigin()"));
                        }
                    }
                });
            });
        }

        private sealed class StrongBox
        {
            private int value;

            public bool Value => System.Threading.Volatile.Read(ref value) != 0;

            public void Set() => System.Threading.Interlocked.Exchange(ref value, 1);
        }

        private static void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol builder, ConcurrentBag<Location> anyOrigin, StrongBox cookies)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            if (invocation.Expression is not MemberAccessExpressionSyntax access)
            {
                return;
            }

            var name = access.Name.Identifier.ValueText;
            if (CookieAuthenticationSignals.IsCandidateName(name))
            {
                if (CookieAuthenticationSignals.IsCookieAuthenticationCall(invocation, name, context.SemanticModel, context.CancellationToken))
                {
                    cookies.Set();
                }

                return;
            }

            if (!Names.Contains(name)
                || context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method
                || !SymbolEqualityComparer.Default.Equals(method.ContainingType, builder))
            {
                return;
            }

            switch (name)
            {
                case "AllowAnyOrigin":
                    anyOrigin.Add(access.Name.GetLocation());
                    break;
                case "WithOrigins":
                    foreach (var argument in invocation.ArgumentList.Arguments)
                    {
                        foreach (var node in argument.Expression.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>())
                        {
                            if (node.IsKind(SyntaxKind.StringLiteralExpression) && (node.Token.ValueText.Trim() == "*" || string.Equals(node.Token.ValueText.Trim(), "null", StringComparison.OrdinalIgnoreCase)))
                            {
                                context.ReportDiagnostic(Diagnostic.Create(Rule, node.GetLocation(), "WithOrigins(" + node.Token.Text + ")"));
                            }
                        }
                    }

                    break;
                case "SetIsOriginAllowed":
                    if (invocation.ArgumentList.Arguments.Count == 1
                        && AlwaysTrue(invocation.ArgumentList.Arguments[0].Expression)
                        && AllowsCredentials(invocation, context.SemanticModel, context))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Rule, access.Name.GetLocation(), "SetIsOriginAllowed(_ => true)"));
                    }

                    break;
            }
        }

        private static bool AlwaysTrue(ExpressionSyntax predicate)
        {
            ExpressionSyntax? body = predicate switch
            {
                SimpleLambdaExpressionSyntax s => s.ExpressionBody ?? SingleReturn(s.Block),
                ParenthesizedLambdaExpressionSyntax p => p.ExpressionBody ?? SingleReturn(p.Block),
                AnonymousMethodExpressionSyntax a => SingleReturn(a.Block),
                _ => null,
            };
            while (body is ParenthesizedExpressionSyntax paren)
            {
                body = paren.Expression;
            }

            return body != null && body.IsKind(SyntaxKind.TrueLiteralExpression);
        }

        private static ExpressionSyntax? SingleReturn(BlockSyntax? block)
            => block?.Statements.Count == 1 && block.Statements[0] is ReturnStatementSyntax r ? r.Expression : null;

        /// <summary>AllowCredentials() on the same fluent chain, or on the same policy builder variable in the same body.</summary>
        private static bool AllowsCredentials(InvocationExpressionSyntax invocation, SemanticModel model, SyntaxNodeAnalysisContext context)
        {
            // Outwards: …SetIsOriginAllowed(…).AllowAnyHeader().AllowCredentials()
            SyntaxNode current = invocation;
            while (current.Parent is MemberAccessExpressionSyntax m && m.Parent is InvocationExpressionSyntax outer)
            {
                if (m.Name.Identifier.ValueText == "AllowCredentials")
                {
                    return true;
                }

                current = outer;
            }

            // Inwards: p.AllowCredentials().SetIsOriginAllowed(…)
            ExpressionSyntax receiver = ((MemberAccessExpressionSyntax)invocation.Expression).Expression;
            while (receiver is InvocationExpressionSyntax inner && inner.Expression is MemberAccessExpressionSyntax innerAccess)
            {
                if (innerAccess.Name.Identifier.ValueText == "AllowCredentials")
                {
                    return true;
                }

                receiver = innerAccess.Expression;
            }

            // Separate statements on the same builder: policy.SetIsOriginAllowed(…); policy.AllowCredentials();
            var root = model.GetSymbolInfo(receiver, context.CancellationToken).Symbol;
            if (root is not (ILocalSymbol or IParameterSymbol))
            {
                return false;
            }

            var body = (SyntaxNode?)invocation.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>()
                       ?? (SyntaxNode?)invocation.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>()
                       ?? invocation.SyntaxTree.GetRoot(context.CancellationToken);
            foreach (var call in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is not MemberAccessExpressionSyntax callAccess || callAccess.Name.Identifier.ValueText != "AllowCredentials")
                {
                    continue;
                }

                var start = callAccess.Expression;
                while (start is InvocationExpressionSyntax chained && chained.Expression is MemberAccessExpressionSyntax chainedAccess)
                {
                    start = chainedAccess.Expression;
                }

                if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(start, context.CancellationToken).Symbol, root))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
