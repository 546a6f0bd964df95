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
                case AttributeArgumentSyntax { NameEquals: null, NameColon: null } positional:
                    AnalyzePositionalAttributeArgument(context, cache, positional);
                    return;
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

            // Every case above names the value (positional arguments are the operation path's, positional attribute
            // arguments AnalyzePositionalAttributeArgument's).
            if (value == null || name == null || name.Length < 3)
            {
                return;
            }

            // Cheapest first: a literal value, or (only where a constant declared elsewhere can arrive) a name.
            var isLiteral = SecretSyntax.TryGetLiteralText(value, out var text);
            if (!isLiteral && !(mayReferenceConstant && SecretSyntax.IsPossibleConstantReference(value)))
            {
                return;
            }

            var tree = context.Node.SyntaxTree;
            var words = cache.Get(tree);
            // A vague name (key, token) counts only when the value looks generated (entropy option).
            if (!words.IsSecretName(name)
                && (!isLiteral || !words.IsVagueSecretName(name) || !SecretValues.LooksRandom(text, words.EntropyThreshold)))
            {
                return;
            }

            if (!isLiteral && !SecretSyntax.TryGetConstantReference(value, context.SemanticModel, context.CancellationToken, out text))
            {
                return;
            }

            if (text.Length == 0 || words.IsNotASecret(text, name) || SecretTokenDetector.TryFind(text, out _))
            {
                return;
            }

            if (SecretSyntax.TryCreate(Rule, value.GetLocation(), context.Options, tree, out var diagnostic, name, text.Length))
            {
                context.ReportDiagnostic(diagnostic);
            }
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

        /// <summary>
        /// A positional attribute argument (<c>[BasicAuth("svc", "…")]</c>): the constructor parameter's name decides. The
        /// constructor and the argument's value come from the owner's <see cref="AttributeData"/>, which the compiler has
        /// already bound: asking the semantic model instead binds every attribute again (controllers carry many).
        /// </summary>
        private static void AnalyzePositionalAttributeArgument(SyntaxNodeAnalysisContext context, SecretWordOptionsCache cache, AttributeArgumentSyntax argument)
        {
            var expression = argument.Expression;
            var isLiteral = SecretSyntax.TryGetLiteralText(expression, out var text);
            string? referenced = null;
            if (!isLiteral)
            {
                referenced = expression switch
                {
                    IdentifierNameSyntax id => id.Identifier.ValueText,
                    MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } member => member.Name.Identifier.ValueText,
                    _ => null,
                };

                // A secret-named constant is reported at its declaration.
                if (referenced == null || cache.IsDefaultSecretName(referenced))
                {
                    return;
                }
            }
            else if (text.Length == 0 || HasWhiteSpace(text))
            {
                return;
            }

            if (argument.Parent is not AttributeArgumentListSyntax list || list.Parent is not AttributeSyntax attribute)
            {
                return;
            }

            var index = list.Arguments.IndexOf(argument);
            var data = FindAttributeData(attribute, context.SemanticModel, context.CancellationToken);
            var constructor = data != null ? data.AttributeConstructor : context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol as IMethodSymbol;
            if (constructor == null || index < 0 || index >= constructor.Parameters.Length)
            {
                return;
            }

            if (!isLiteral)
            {
                // An attribute argument is a compile-time constant: a name there is a constant's.
                var constant = data != null && index < data.ConstructorArguments.Length && !constructor.Parameters[index].IsParams
                    ? data.ConstructorArguments[index].Value
                    : context.SemanticModel.GetConstantValue(expression, context.CancellationToken) is { HasValue: true } value ? value.Value : null;
                if (constant is not string constantText || constantText.Length == 0 || HasWhiteSpace(constantText))
                {
                    return;
                }

                text = constantText;
            }

            var name = constructor.Parameters[index].Name;
            var words = cache.Get(attribute.SyntaxTree);
            if (!words.IsSecretName(name) || words.IsNotASecret(text, string.Empty) || words.IsNotASecret(text, name) || SecretTokenDetector.TryFind(text, out _))
            {
                return;
            }

            if (SecretSyntax.TryCreate(Rule, expression.GetLocation(), context.Options, attribute.SyntaxTree, out var diagnostic, name, text.Length))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        /// <summary>The bound application of <paramref name="attribute"/>, from the symbol it is applied to (null when that symbol is not a declaration's).</summary>
        internal static AttributeData? FindAttributeData(AttributeSyntax attribute, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            if (attribute.Parent is not AttributeListSyntax list)
            {
                return null;
            }

            var target = list.Target?.Identifier.ValueText;
            ImmutableArray<AttributeData> attributes;
            switch (list.Parent)
            {
                case CompilationUnitSyntax when target == "assembly":
                    attributes = model.Compilation.Assembly.GetAttributes();
                    break;
                case CompilationUnitSyntax when target == "module":
                    attributes = model.Compilation.SourceModule.GetAttributes();
                    break;
                case MethodDeclarationSyntax or OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax when target == "return":
                    attributes = model.GetDeclaredSymbol(list.Parent, cancellationToken) is IMethodSymbol method ? method.GetReturnTypeAttributes() : default;
                    break;
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or EnumMemberDeclarationSyntax or BaseMethodDeclarationSyntax
                    or BasePropertyDeclarationSyntax or AccessorDeclarationSyntax or ParameterSyntax or TypeParameterSyntax
                    when target is null or "type" or "method" or "property" or "event" or "param" or "typevar":
                    attributes = model.GetDeclaredSymbol(list.Parent, cancellationToken)?.GetAttributes() ?? default;
                    break;
                case BaseFieldDeclarationSyntax field when (target is null or "field" or "event") && field.Declaration.Variables.Count > 0:
                    attributes = model.GetDeclaredSymbol(field.Declaration.Variables[0], cancellationToken)?.GetAttributes() ?? default;
                    break;
                default:
                    return null; // lambdas, local functions, 'field:' on a property…: the semantic model decides
            }

            if (attributes.IsDefault)
            {
                return null;
            }

            foreach (var data in attributes)
            {
                if (data.ApplicationSyntaxReference is { } reference && reference.Span == attribute.Span && reference.SyntaxTree == attribute.SyntaxTree)
                {
                    return data.AttributeConstructor == null ? null : data;
                }
            }

            return null;
        }
    }
}
