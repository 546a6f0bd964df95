using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals.AspNetCore;
using SecureServices.Analyzers.Internals;

namespace SecureServices.Analyzers.Rules.Access
{
    /// <summary>
    /// SSA3004 (signature validation off: <c>RequireSignedTokens = false</c>, a <c>SignatureValidator</c> that
    /// returns the token unchecked, <c>ValidAlgorithms</c> allowing <c>none</c>) and SSA3005 (issuer, audience,
    /// lifetime or expiration checks off, or replaced by validators that always succeed) on
    /// <c>TokenValidationParameters</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class JwtValidationAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor SignatureRule = DescriptorFactory.Create(RuleIds.JwtSignatureValidationDisabled);
        internal static readonly DiagnosticDescriptor ValidationRule = DescriptorFactory.Create(RuleIds.JwtValidationDisabled);

        private static readonly ImmutableHashSet<string> Flags = ImmutableHashSet.Create(
            StringComparer.Ordinal, "RequireSignedTokens", "ValidateIssuer", "ValidateAudience", "ValidateLifetime", "RequireExpirationTime", "RequireAudience");

        private static readonly ImmutableHashSet<string> AlwaysTrueValidators = ImmutableHashSet.Create(
            StringComparer.Ordinal, "AudienceValidator", "LifetimeValidator", "IssuerValidator");

        private static readonly ImmutableHashSet<string> TokenReaders = ImmutableHashSet.Create(
            StringComparer.Ordinal, "ReadJwtToken", "ReadJsonWebToken", "ReadToken");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(SignatureRule, ValidationRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var parameters = start.Compilation.GetTypeByMetadataName("Microsoft.IdentityModel.Tokens.TokenValidationParameters");
                if (parameters != null)
                {
                    // An operation action: the property comes from the bound assignment (a syntax action asking the
                    // semantic model would bind the whole configuration method on this rule's account).
                    start.RegisterOperationAction(c => Analyze(c, parameters), OperationKind.SimpleAssignment);
                }
            });
        }

        private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol parameters)
        {
            var operation = (ISimpleAssignmentOperation)context.Operation;
            if (operation.Syntax is not AssignmentExpressionSyntax assignment || operation.SemanticModel is not { } model)
            {
                return;
            }

            var nameNode = assignment.Left switch
            {
                MemberAccessExpressionSyntax m => m.Name,
                IdentifierNameSyntax id => (SimpleNameSyntax)id,
                _ => null,
            };
            if (nameNode == null)
            {
                return;
            }

            var name = nameNode.Identifier.ValueText;
            var isFlag = Flags.Contains(name);
            if (!isFlag && !AlwaysTrueValidators.Contains(name) && name != "SignatureValidator" && name != "ValidAlgorithms")
            {
                return;
            }

            if (operation.Target is not IPropertyReferenceOperation { Property: var property }
                || !TypeHierarchy.DerivesFrom(property.ContainingType, parameters))
            {
                return;
            }

            var right = assignment.Right;
            if (isFlag)
            {
                if (operation.Value.ConstantValue is { HasValue: true, Value: false })
                {
                    var rule = name == "RequireSignedTokens" ? SignatureRule : ValidationRule;
                    context.ReportDiagnostic(Diagnostic.Create(rule, assignment.GetLocation(), name + " = false"));
                }

                return;
            }

            if (name == "ValidAlgorithms")
            {
                foreach (var node in right.DescendantNodesAndSelf().OfType<ExpressionSyntax>())
                {
                    if (node is LiteralExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax
                        && model.GetConstantValue(node, context.CancellationToken) is { HasValue: true, Value: string s }
                        && string.Equals(s.Trim(), "none", StringComparison.OrdinalIgnoreCase))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(SignatureRule, node.GetLocation(), "ValidAlgorithms"));
                    }
                }

                return;
            }

            if (right is not AnonymousFunctionExpressionSyntax lambda)
            {
                return;
            }

            if (name == "SignatureValidator")
            {
                if (ReturnsUncheckedToken(lambda))
                {
                    context.ReportDiagnostic(Diagnostic.Create(SignatureRule, nameNode.GetLocation(), name));
                }
            }
            else if (AlwaysSucceeds(lambda, name))
            {
                context.ReportDiagnostic(Diagnostic.Create(ValidationRule, nameNode.GetLocation(), name));
            }
        }

        /// <summary>All the values the function returns (expression body or return statements outside nested functions).</summary>
        private static ImmutableArray<ExpressionSyntax> Returned(AnonymousFunctionExpressionSyntax lambda)
        {
            if (lambda.ExpressionBody != null)
            {
                return ImmutableArray.Create(lambda.ExpressionBody);
            }

            if (lambda.Block == null)
            {
                return ImmutableArray<ExpressionSyntax>.Empty;
            }

            return lambda.Block.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax && n is not LocalFunctionStatementSyntax)
                .OfType<ReturnStatementSyntax>()
                .Select(r => r.Expression)
                .Where(e => e != null)
                .Select(e => e!)
                .ToImmutableArray();
        }

        private static ExpressionSyntax Strip(ExpressionSyntax e)
        {
            while (true)
            {
                switch (e)
                {
                    case ParenthesizedExpressionSyntax p:
                        e = p.Expression;
                        break;
                    case CastExpressionSyntax c:
                        e = c.Expression;
                        break;
                    case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AsExpression):
                        e = b.Left;
                        break;
                    default:
                        return e;
                }
            }
        }

        /// <summary><c>(token, p) =&gt; new JwtSecurityToken(token)</c>, <c>handler.ReadJsonWebToken(token)</c>… with no Validate*/Verify* call.</summary>
        private static bool ReturnsUncheckedToken(AnonymousFunctionExpressionSyntax lambda)
        {
            var body = (SyntaxNode?)lambda.Block ?? lambda.ExpressionBody;
            if (body == null)
            {
                return false;
            }

            foreach (var invocation in body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
            {
                var called = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
                    SimpleNameSyntax n => n.Identifier.ValueText,
                    _ => string.Empty,
                };
                if (called.IndexOf("validate", StringComparison.OrdinalIgnoreCase) >= 0 || called.IndexOf("verify", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return false;
                }
            }

            if (body.DescendantNodesAndSelf().Any(n => n is ThrowStatementSyntax or ThrowExpressionSyntax))
            {
                // A conditional throw is a check of some kind: the rule does not judge its quality.
                return false;
            }

            var returned = Returned(lambda);
            return !returned.IsEmpty && returned.All(r => IsUncheckedToken(r, lambda.Block, 0));
        }

        private static bool IsUncheckedToken(ExpressionSyntax expression, BlockSyntax? block, int depth)
        {
            switch (Strip(expression))
            {
                case ObjectCreationExpressionSyntax creation:
                    var type = creation.Type.ToString();
                    return type.EndsWith("JwtSecurityToken", StringComparison.Ordinal) || type.EndsWith("JsonWebToken", StringComparison.Ordinal);
                case InvocationExpressionSyntax call:
                    return call.Expression is MemberAccessExpressionSyntax m && TokenReaders.Contains(m.Name.Identifier.ValueText);
                case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                    return IsUncheckedToken(coalesce.Left, block, depth + 1) && IsUncheckedToken(coalesce.Right, block, depth + 1);
                case IdentifierNameSyntax local when block != null && depth < 4:
                    // var jwt = new JsonWebToken(token); return jwt;
                    var declarator = block.DescendantNodes().OfType<VariableDeclaratorSyntax>().FirstOrDefault(d => d.Identifier.ValueText == local.Identifier.ValueText);
                    return declarator?.Initializer != null && IsUncheckedToken(declarator.Initializer.Value, block, depth + 1);
                default:
                    return false;
            }
        }

        /// <summary><c>(…) =&gt; true</c> for audience/lifetime validators; <c>(issuer, …) =&gt; issuer</c> for issuer validators.</summary>
        private static bool AlwaysSucceeds(AnonymousFunctionExpressionSyntax lambda, string name)
        {
            var returned = Returned(lambda);
            if (returned.IsEmpty)
            {
                return false;
            }

            if (name == "IssuerValidator")
            {
                var first = lambda switch
                {
                    SimpleLambdaExpressionSyntax s => s.Parameter.Identifier.ValueText,
                    ParenthesizedLambdaExpressionSyntax p when p.ParameterList.Parameters.Count > 0 => p.ParameterList.Parameters[0].Identifier.ValueText,
                    AnonymousMethodExpressionSyntax a when a.ParameterList?.Parameters.Count > 0 => a.ParameterList.Parameters[0].Identifier.ValueText,
                    _ => null,
                };
                return first != null && returned.All(r => Strip(r) is IdentifierNameSyntax id && id.Identifier.ValueText == first)
                       && (lambda.Block == null || !lambda.Block.DescendantNodes().OfType<ThrowStatementSyntax>().Any());
            }

            return returned.All(r => Strip(r).IsKind(SyntaxKind.TrueLiteralExpression));
        }
    }
}
