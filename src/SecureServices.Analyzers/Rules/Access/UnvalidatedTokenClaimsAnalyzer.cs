using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals.AspNetCore;
using SecureServices.Analyzers.Internals;

namespace SecureServices.Analyzers.Rules.Access
{
    /// <summary>
    /// SSA3009: <c>JwtSecurityTokenHandler.ReadJwtToken</c> / <c>JsonWebTokenHandler.ReadJsonWebToken</c> /
    /// <c>ReadToken</c> (which only decode) whose claims then decide access — in a condition, or turned into a
    /// <c>ClaimsIdentity</c>/<c>ClaimsPrincipal</c>/<c>User</c> — in a body that never validates a token.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnvalidatedTokenClaimsAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.UnvalidatedTokenClaims);

        private static readonly ImmutableHashSet<string> Readers = ImmutableHashSet.Create(StringComparer.Ordinal, "ReadJwtToken", "ReadJsonWebToken", "ReadToken");

        private static readonly ImmutableHashSet<string> ClaimMembers = ImmutableHashSet.Create(
            StringComparer.Ordinal, "Claims", "Payload", "Subject", "Audiences", "Issuer", "Actor", "GetClaim", "TryGetClaim", "GetPayloadValue", "TryGetPayloadValue", "TryGetValue");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var handlers = ImmutableArray.Create(
                        start.Compilation.GetTypeByMetadataName("System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler"),
                        start.Compilation.GetTypeByMetadataName("Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler"))
                    .Where(t => t != null)
                    .Select(t => t!)
                    .ToImmutableArray();
                if (!handlers.IsEmpty)
                {
                    start.RegisterSyntaxNodeAction(c => Analyze(c, handlers), SyntaxKind.InvocationExpression);
                }
            });
        }

        private static void Analyze(SyntaxNodeAnalysisContext context, ImmutableArray<INamedTypeSymbol> handlers)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            if (invocation.Expression is not MemberAccessExpressionSyntax access || !Readers.Contains(access.Name.Identifier.ValueText)
                || context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method
                || !handlers.Any(h => TypeHierarchy.DerivesFrom(h, method.ContainingType)))
            {
                return;
            }

            var body = Body(invocation);
            if (body == null || ValidatesSomewhere(body))
            {
                return;
            }

            if (DecidesAccess(invocation, body, context.SemanticModel, context, 0))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, access.Name.GetLocation(), access.Name.Identifier.ValueText));
            }
        }

        private static SyntaxNode? Body(SyntaxNode node)
            => (SyntaxNode?)node.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>()
               ?? (SyntaxNode?)node.FirstAncestorOrSelf<LocalFunctionStatementSyntax>()
               ?? (SyntaxNode?)node.FirstAncestorOrSelf<AccessorDeclarationSyntax>()
               ?? node.FirstAncestorOrSelf<CompilationUnitSyntax>();

        private static bool ValidatesSomewhere(SyntaxNode body)
            => body.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i => i.Expression switch
            {
                MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText.StartsWith("Validate", StringComparison.Ordinal),
                SimpleNameSyntax n => n.Identifier.ValueText.StartsWith("Validate", StringComparison.Ordinal),
                _ => false,
            });

        /// <summary>Does the value of <paramref name="expression"/> (a token, or a value derived from its claims) decide access?</summary>
        private static bool DecidesAccess(ExpressionSyntax expression, SyntaxNode body, SemanticModel model, SyntaxNodeAnalysisContext context, int depth)
        {
            if (depth > 3)
            {
                return false;
            }

            foreach (var use in Uses(expression, body, model, context))
            {
                // token.Claims…, token.GetClaim(…), token.Payload[…]
                if (depth == 0 && !(use.Parent is MemberAccessExpressionSyntax m && m.Expression == use && ClaimMembers.Contains(m.Name.Identifier.ValueText)))
                {
                    continue;
                }

                if (InDecision(use, out var storedIn))
                {
                    return true;
                }

                if (storedIn != null && DecidesAccess(storedIn, body, model, context, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The expression itself, or every reference to the local it initializes.</summary>
        private static IEnumerable<ExpressionSyntax> Uses(ExpressionSyntax expression, SyntaxNode body, SemanticModel model, SyntaxNodeAnalysisContext context)
        {
            if (expression is IdentifierNameSyntax)
            {
                yield return expression;
                yield break;
            }

            var top = expression;
            while (top.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
            {
                top = (ExpressionSyntax)top.Parent;
            }

            if (top.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                && model.GetDeclaredSymbol(declarator, context.CancellationToken) is ILocalSymbol local)
            {
                foreach (var id in body.DescendantNodes().OfType<IdentifierNameSyntax>())
                {
                    if (id.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id, context.CancellationToken).Symbol, local))
                    {
                        yield return id;
                    }
                }
            }
            else
            {
                yield return expression;
            }
        }

        private static bool ReturnsBool(SyntaxNode node)
        {
            var returnType = node.FirstAncestorOrSelf<SyntaxNode>(n => n is MethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax) switch
            {
                MethodDeclarationSyntax m => m.ReturnType,
                LocalFunctionStatementSyntax f => f.ReturnType,
                _ => null,
            };
            return returnType is PredefinedTypeSyntax p && p.Keyword.IsKind(SyntaxKind.BoolKeyword);
        }

        /// <summary>In a condition, a ClaimsIdentity/ClaimsPrincipal, or assigned to User/Principal; else the local it is stored in.</summary>
        private static bool InDecision(SyntaxNode use, out ExpressionSyntax? storedIn)
        {
            storedIn = null;
            for (var node = use; node.Parent != null; node = node.Parent)
            {
                switch (node.Parent)
                {
                    case IfStatementSyntax s when s.Condition == node:
                    case WhileStatementSyntax w when w.Condition == node:
                    case ConditionalExpressionSyntax c when c.Condition == node:
                    case SwitchStatementSyntax sw when sw.Expression == node:
                    case SwitchExpressionSyntax se when se.GoverningExpression == node:
                    case WhenClauseSyntax:
                        return true;
                    case ObjectCreationExpressionSyntax creation when creation.Type.ToString().EndsWith("ClaimsIdentity", StringComparison.Ordinal) || creation.Type.ToString().EndsWith("ClaimsPrincipal", StringComparison.Ordinal):
                        return true;
                    case AssignmentExpressionSyntax a when a.Right == node && a.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "User" or "Principal" }:
                        return true;
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax }:
                        storedIn = (ExpressionSyntax)node;
                        return false;
                    case ReturnStatementSyntax or ArrowExpressionClauseSyntax when ReturnsBool(node.Parent):
                        // bool IsAdmin(string jwt) => handler.ReadJwtToken(jwt).Claims.Any(…)
                        return true;
                    case StatementSyntax:
                        return false;
                }
            }

            return false;
        }
    }
}
