using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals;
using SecureServices.Analyzers.Internals.SecretDetection;

namespace SecureServices.Analyzers.Rules.Secrets
{
    /// <summary>
    /// SSA1001: a constant string given to something whose name says it holds a password, secret, API key or access
    /// token: variables, fields, properties (initialisers, expression bodies, <c>init</c>), parameter defaults,
    /// assignments and object initialisers, dictionary initialisers (<c>["Password"] = …</c>, <c>{ "ApiKey", … }</c>),
    /// anonymous objects, named and attribute arguments, arguments whose parameter is secret-named
    /// (<c>new NetworkCredential("u", "…")</c>), comparisons (<c>apiKey == "…"</c>), and constants declared elsewhere
    /// reaching one of those. Values that carry a recognised token format are left to SSA1002.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardCodedPasswordAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.HardCodedPassword);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var cache = new SecretWordOptionsCache(start.Options);
                start.RegisterSyntaxNodeAction(
                    c => AnalyzeNode(c, cache),
                    SyntaxKind.VariableDeclarator,
                    SyntaxKind.PropertyDeclaration,
                    SyntaxKind.Parameter,
                    SyntaxKind.SimpleAssignmentExpression,
                    SyntaxKind.ComplexElementInitializerExpression,
                    SyntaxKind.AnonymousObjectMemberDeclarator,
                    SyntaxKind.Argument,
                    SyntaxKind.AttributeArgument,
                    SyntaxKind.EqualsExpression,
                    SyntaxKind.NotEqualsExpression);
            });
        }

        private static void AnalyzeNode(SyntaxNodeAnalysisContext context, SecretWordOptionsCache cache)
        {
            string? name = null;
            ExpressionSyntax? value;
            var mayReferenceConstant = true;
            switch (context.Node)
            {
                case VariableDeclaratorSyntax declarator:
                    name = declarator.Identifier.ValueText;
                    value = declarator.Initializer?.Value;
                    mayReferenceConstant = false;
                    break;
                case PropertyDeclarationSyntax property:
                    name = property.Identifier.ValueText;
                    value = property.Initializer?.Value ?? property.ExpressionBody?.Expression;
                    mayReferenceConstant = false;
                    break;
                case ParameterSyntax parameter:
                    name = parameter.Identifier.ValueText;
                    value = parameter.Default?.Value;
                    mayReferenceConstant = false;
                    break;
                case AssignmentExpressionSyntax assignment:
                    name = SecretSyntax.TargetName(assignment.Left);
                    value = assignment.Right;
                    break;
                case InitializerExpressionSyntax { Expressions.Count: 2 } pair
                    when pair.Expressions[0] is LiteralExpressionSyntax key && key.IsKind(SyntaxKind.StringLiteralExpression):
                    name = key.Token.ValueText;
                    value = pair.Expressions[1];
                    break;
                case AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } nameEquals } member:
                    name = nameEquals.Name.Identifier.ValueText;
                    value = member.Expression;
                    break;
                case ArgumentSyntax argument:
                    name = argument.NameColon?.Name.Identifier.ValueText;
                    value = argument.Expression;
                    break;
                case AttributeArgumentSyntax attributeArgument:
                    name = attributeArgument.NameEquals?.Name.Identifier.ValueText ?? attributeArgument.NameColon?.Name.Identifier.ValueText;
                    value = attributeArgument.Expression;
                    break;
                case BinaryExpressionSyntax comparison:
                    if (SecretSyntax.TryGetLiteralText(comparison.Right, out _))
                    {
                        name = SecretSyntax.TargetName(comparison.Left);
                        value = comparison.Right;
                    }
                    else
                    {
                        name = SecretSyntax.TargetName(comparison.Right);
                        value = comparison.Left;
                    }

                    mayReferenceConstant = false;
                    break;
                default:
                    return;
            }

            if (value == null || (name != null && name.Length < 3))
            {
                return;
            }

            // Cheapest first: a literal value, or (only where a constant declared elsewhere can arrive) a name.
            var isLiteral = SecretSyntax.TryGetLiteralText(value, out var text);
            if (!isLiteral && !(mayReferenceConstant && SecretSyntax.IsPossibleConstantReference(value)))
            {
                return;
            }

            if (name == null && !PassesPositionalPrefilter(context, cache, value, isLiteral, text))
            {
                return;
            }

            var tree = context.Node.SyntaxTree;
            var words = cache.Get(tree);
            // A vague name (key, token) counts only when the value looks generated (entropy option).
            if (name != null && !words.IsSecretName(name)
                && (!isLiteral || !words.IsVagueSecretName(name) || !SecretValues.LooksRandom(text, words.EntropyThreshold)))
            {
                return;
            }

            if (!isLiteral && !SecretSyntax.TryGetConstantReference(value, context.SemanticModel, context.CancellationToken, out text))
            {
                return;
            }

            if (text.Length == 0 || words.IsNotASecret(text, name ?? string.Empty) || SecretTokenDetector.TryFind(text, out _))
            {
                return;
            }

            if (name == null)
            {
                // Positional arguments are everywhere (log messages, routes, SQL): text with blanks is not a key or
                // password in practice, and skipping it avoids a semantic lookup for most of them.
                if (HasWhiteSpace(text))
                {
                    return;
                }

                // A positional argument: the parameter's name decides (SetPassword("…"), new NetworkCredential("u", "…")).
                name = context.Node switch
                {
                    ArgumentSyntax argument => MayTakeSecret(argument, context, words)
                        ? SecretSyntax.ParameterName(argument, context.SemanticModel, context.CancellationToken)
                        : null,
                    AttributeArgumentSyntax attributeArgument => AttributeParameterName(attributeArgument, context.SemanticModel, context.CancellationToken),
                    _ => null,
                };
                if (name == null || !words.IsSecretName(name) || words.IsNotASecret(text, name))
                {
                    return;
                }
            }

            if (SecretSyntax.TryCreate(Rule, value.GetLocation(), context.Options, tree, out var diagnostic, name, text.Length))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        /// <summary>
        /// Positional arguments are the bulk of the candidates and each would cost semantic-model calls: reject, cheapest
        /// first, those the checks below would reject anyway (blank-containing text, a secret-named constant, a name that
        /// is not a string constant), so that the outcome is unchanged.
        /// </summary>
        private static bool PassesPositionalPrefilter(SyntaxNodeAnalysisContext context, SecretWordOptionsCache cache, ExpressionSyntax value, bool isLiteral, string text)
        {
            if (isLiteral)
            {
                return text.Length != 0 && !HasWhiteSpace(text);
            }

            var referenced = value switch
            {
                IdentifierNameSyntax id => id.Identifier.ValueText,
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                _ => null,
            };
            if (referenced == null || cache.IsDefaultSecretName(referenced))
            {
                return false;
            }

            var constant = context.SemanticModel.GetConstantValue(value, context.CancellationToken);
            return constant.HasValue && constant.Value is string constantText && constantText.Length != 0 && !HasWhiteSpace(constantText);
        }

        /// <summary>
        /// False when the called method or constructor resolves and none of its parameters has a secret name: then no
        /// argument of the call can be secret-named, and building the operation tree for the argument is skipped. A
        /// symbol lookup is much cheaper than an operation, and the decision is cached per method.
        /// </summary>
        private static bool MayTakeSecret(ArgumentSyntax argument, SyntaxNodeAnalysisContext context, SecretWordOptions words)
        {
            var call = argument.Parent is ArgumentListSyntax list ? list.Parent : null;
            if (call is not (InvocationExpressionSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax)
                || context.SemanticModel.GetSymbolInfo(call, context.CancellationToken).Symbol is not IMethodSymbol method)
            {
                return true;
            }

            return words.HasSecretParameter(method.OriginalDefinition);
        }

        private static bool HasWhiteSpace(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    return true;
                }
            }

            return false;
        }

        private static string? AttributeParameterName(AttributeArgumentSyntax argument, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            if (argument.Parent is not AttributeArgumentListSyntax list || list.Parent is not AttributeSyntax attribute
                || model.GetSymbolInfo(attribute, cancellationToken).Symbol is not IMethodSymbol constructor)
            {
                return null;
            }

            var index = list.Arguments.IndexOf(argument);
            return index >= 0 && index < constructor.Parameters.Length ? constructor.Parameters[index].Name : null;
        }
    }
}
