using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
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

                // Positional arguments are the bulk of the candidates. Their parameter's name comes from the bound
                // argument, which the driver has already built for every operation action: no semantic-model call
                // (and so no binding of the method body) from this rule for them.
                start.RegisterOperationAction(c => AnalyzeArgument(c, cache), OperationKind.Argument);

                // Likewise a constant declared elsewhere reaching a secret-named member (x.Password = Defaults.Pass,
                // new { ApiKey = Keys.Default }): resolved from the bound tree, not by asking the semantic model.
                start.RegisterOperationAction(c => AnalyzeAssignedConstant(c, cache), OperationKind.SimpleAssignment);
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
                    mayReferenceConstant = false; // constants: AnalyzeAssignedConstant
                    break;
                case InitializerExpressionSyntax { Expressions.Count: 2 } pair
                    when pair.Expressions[0] is LiteralExpressionSyntax key && key.IsKind(SyntaxKind.StringLiteralExpression):
                    name = key.Token.ValueText;
                    value = pair.Expressions[1];
                    break;
                case AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } nameEquals } member:
                    name = nameEquals.Name.Identifier.ValueText;
                    value = member.Expression;
                    mayReferenceConstant = false; // constants: AnalyzeAssignedConstant
                    break;
                case ArgumentSyntax { NameColon: { } nameColon } argument:
                    name = nameColon.Name.Identifier.ValueText;
                    value = argument.Expression;
                    mayReferenceConstant = false; // constants: AnalyzeArgument
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

                // A positional attribute argument: the constructor parameter's name decides ([Credentials("…")]).
                name = context.Node is AttributeArgumentSyntax attributeArgument
                    ? AttributeParameterName(attributeArgument, context.SemanticModel, context.CancellationToken)
                    : null;
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
        /// An argument (<c>SetPassword("…")</c>, <c>new NetworkCredential("u", "…")</c>, <c>Login(apiKey: Keys.Default)</c>):
        /// reported when its value is a string constant written in place (positional arguments; named ones with a literal
        /// are the syntax path's) or a constant declared elsewhere whose own name is not secret, and the parameter it binds
        /// to has a secret name. Everything comes from the bound argument: cheapest checks first, no semantic-model call.
        /// </summary>
        private static void AnalyzeArgument(OperationAnalysisContext context, SecretWordOptionsCache cache)
        {
            var argument = (IArgumentOperation)context.Operation;
            if (argument.ArgumentKind != ArgumentKind.Explicit
                || argument.Parameter is not { } parameter
                || argument.Syntax is not ArgumentSyntax syntax)
            {
                return;
            }

            // Cheapest first (this runs for every argument of the compilation): the argument's syntax, then the bound
            // value only for a name that may be a constant; the parameter's name last.
            var positional = syntax.NameColon == null;
            var expression = syntax.Expression;
            IOperation? constantReference = null;
            if (!positional || !SecretSyntax.TryGetLiteralText(expression, out var text))
            {
                if (!SecretSyntax.IsPossibleConstantReference(expression))
                {
                    return;
                }

                constantReference = Unwrap(argument.Value);
                if (constantReference is not (IFieldReferenceOperation { Field.IsConst: true } or ILocalReferenceOperation { Local.IsConst: true })
                    || constantReference.ConstantValue is not { HasValue: true, Value: string constant })
                {
                    return;
                }

                text = constant;
            }

            // Positional arguments are everywhere (log messages, routes, SQL): text with blanks is not a key or password
            // in practice.
            if (text.Length == 0 || (positional && HasWhiteSpace(text)))
            {
                return;
            }

            var name = positional ? parameter.Name : syntax.NameColon!.Name.Identifier.ValueText;
            Report(context, cache, name, text, expression, constantReference);
        }

        /// <summary>A constant declared elsewhere assigned to a secret-named member, object-initializer entry or anonymous-object member.</summary>
        private static void AnalyzeAssignedConstant(OperationAnalysisContext context, SecretWordOptionsCache cache)
        {
            var (name, valueSyntax) = context.Operation.Syntax switch
            {
                AssignmentExpressionSyntax assignment => (SecretSyntax.TargetName(assignment.Left), assignment.Right),
                AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } nameEquals } member => (nameEquals.Name.Identifier.ValueText, member.Expression),
                _ => (null, null),
            };
            if (name == null || valueSyntax == null || !SecretSyntax.IsPossibleConstantReference(valueSyntax))
            {
                return;
            }

            var value = Unwrap(((ISimpleAssignmentOperation)context.Operation).Value);
            if (value is IFieldReferenceOperation { Field.IsConst: true } or ILocalReferenceOperation { Local.IsConst: true }
                && value.ConstantValue is { HasValue: true, Value: string text } && text.Length != 0)
            {
                Report(context, cache, name, text, valueSyntax, value);
            }
        }

        /// <summary>
        /// The checks shared by the operation paths: a secret name, a value that is not a label or placeholder and not a
        /// token format (SSA1002's), and, for <paramref name="constantReference"/>, a constant whose own name is not secret
        /// (a secret-named constant is reported at its declaration).
        /// </summary>
        private static void Report(OperationAnalysisContext context, SecretWordOptionsCache cache, string name, string text, ExpressionSyntax valueSyntax, IOperation? constantReference)
        {
            var tree = valueSyntax.SyntaxTree;
            var words = cache.Get(tree);
            if (name.Length < 3 || !words.IsSecretName(name)
                || (constantReference != null && !IsReferenceToUnsuspiciousConstant(constantReference))
                || words.IsNotASecret(text, name)
                || SecretTokenDetector.TryFind(text, out _))
            {
                return;
            }

            if (SecretSyntax.TryCreate(Rule, valueSyntax.GetLocation(), context.Options, tree, out var diagnostic, name, text.Length))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        private static IOperation Unwrap(IOperation value)
        {
            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand; // a string given to an object parameter or property
            }

            return value;
        }

        private static bool IsReferenceToUnsuspiciousConstant(IOperation value)
        {
            ISymbol? symbol = value switch
            {
                IFieldReferenceOperation { Field.IsConst: true } field => field.Field,
                ILocalReferenceOperation { Local.IsConst: true } local => local.Local,
                _ => null,
            };
            return symbol != null && !SecretNames.IsSecretLike(symbol.Name);
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
