using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Rules.Secrets;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SecureServices.Analyzers.CodeFixes.Secrets
{
    /// <summary>
    /// SSA1004: removes the hard-coded fallback and fails loudly when the setting is missing:
    /// <c>config["Db:Password"] ?? "…"</c> → <c>config["Db:Password"] ?? throw new InvalidOperationException("Missing configuration value 'Db:Password'.")</c>;
    /// <c>GetValue&lt;string&gt;("Jwt:Key", "…")</c> → <c>GetValue&lt;string&gt;("Jwt:Key") ?? throw …</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ThrowInsteadOfFallbackCodeFix)), Shared]
    public sealed class ThrowInsteadOfFallbackCodeFix : CodeFixProvider
    {
        internal const string Title = "Fail when the secret is not configured";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HardCodedSecretFallback);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax fallback
                    || !diagnostic.Properties.TryGetValue(HardCodedSecretFallbackAnalyzer.KeyProperty, out var key) || key == null
                    || !diagnostic.Properties.TryGetValue(HardCodedSecretFallbackAnalyzer.SourceProperty, out var source) || source == null)
                {
                    continue;
                }

                if (fallback.Parent is ArgumentSyntax argument)
                {
                    fallback = argument.Expression;
                }

                var title = Title;
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => FixAsync(context.Document, fallback, key, source, ct), equivalenceKey: title),
                    diagnostic);
            }
        }

        private static async Task<Document> FixAsync(Document document, ExpressionSyntax fallback, string key, string source, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var message = source switch
            {
                HardCodedSecretFallbackAnalyzer.EnvironmentSource => "Set the " + key + " environment variable.",
                HardCodedSecretFallbackAnalyzer.ConnectionStringSource => "Missing connection string '" + key + "'.",
                _ => "Missing configuration value '" + key + "'.",
            };
            var throwExpression = ThrowExpression(
                ObjectCreationExpression(ParseTypeName("System.InvalidOperationException").WithAdditionalAnnotations(Simplifier.Annotation))
                    .AddArgumentListArguments(Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(message)))));

            if (fallback.Parent is BinaryExpressionSyntax coalesce && coalesce.IsKind(SyntaxKind.CoalesceExpression))
            {
                return document.WithSyntaxRoot(root.ReplaceNode(fallback, throwExpression.WithTriviaFrom(fallback)));
            }

            if (fallback.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } list } argument)
            {
                var withoutDefault = invocation.WithArgumentList(list.WithArguments(list.Arguments.Remove(argument)));
                ExpressionSyntax replacement = BinaryExpression(SyntaxKind.CoalesceExpression, withoutDefault.WithoutTrivia(), throwExpression);
                if (invocation.Parent is not (EqualsValueClauseSyntax or ArgumentSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax or AssignmentExpressionSyntax))
                {
                    replacement = ParenthesizedExpression(replacement);
                }

                return document.WithSyntaxRoot(root.ReplaceNode(invocation, replacement.WithTriviaFrom(invocation)));
            }

            return document;
        }
    }
}
