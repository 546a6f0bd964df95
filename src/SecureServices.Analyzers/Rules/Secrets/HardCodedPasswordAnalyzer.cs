using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals;

namespace SecureServices.Analyzers.Rules.Secrets
{
    /// <summary>
    /// SSA1001: a string literal given to a variable, field, property or parameter default whose name
    /// says password/passwd/pwd/passphrase/secret. Purely syntactic: no semantic model is needed.
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
            context.RegisterSyntaxNodeAction(
                AnalyzeNode,
                SyntaxKind.VariableDeclarator,
                SyntaxKind.PropertyDeclaration,
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxKind.Parameter);
        }

        private static void AnalyzeNode(SyntaxNodeAnalysisContext context)
        {
            SyntaxToken name;
            ExpressionSyntax? value;
            switch (context.Node)
            {
                case VariableDeclaratorSyntax declarator:
                    name = declarator.Identifier;
                    value = declarator.Initializer?.Value;
                    break;
                case PropertyDeclarationSyntax property:
                    name = property.Identifier;
                    value = property.Initializer?.Value ?? property.ExpressionBody?.Expression;
                    break;
                case ParameterSyntax parameter:
                    name = parameter.Identifier;
                    value = parameter.Default?.Value;
                    break;
                case AssignmentExpressionSyntax assignment:
                    name = AssignedName(assignment.Left);
                    value = assignment.Right;
                    break;
                default:
                    return;
            }

            if (value is not LiteralExpressionSyntax literal
                || !(literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression))
                || name.IsMissing
                || !SecretNames.IsPasswordLike(name.ValueText))
            {
                return;
            }

            var text = literal.Token.ValueText;
            if (SecretValues.IsPlaceholder(text))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rule, literal.GetLocation(), name.ValueText, text.Length));
        }

        private static SyntaxToken AssignedName(ExpressionSyntax left) => left switch
        {
            IdentifierNameSyntax id => id.Identifier,
            MemberAccessExpressionSyntax member => member.Name.Identifier,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier,
            _ => default,
        };
    }
}
