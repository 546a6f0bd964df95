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
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SecureServices.Analyzers.CodeFixes.Input
{
    /// <summary>SSA4021: <c>TypeNameHandling.All</c> (or any other non-None constant) → <c>TypeNameHandling.None</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseTypeNameHandlingNoneCodeFix)), Shared]
    public sealed class UseTypeNameHandlingNoneCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.JsonNetTypeNameHandling);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not ExpressionSyntax value)
            {
                return;
            }

            var title = InputCodeFixTitles.UseTypeNameHandlingNone;
            context.RegisterCodeFix(CodeAction.Create(title, ct => FixAsync(context.Document, value, ct), equivalenceKey: title), context.Diagnostics);
        }

        private static async Task<Document> FixAsync(Document document, ExpressionSyntax value, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            ExpressionSyntax replacement = value is MemberAccessExpressionSyntax member && member.Name is IdentifierNameSyntax
                ? member.WithName(IdentifierName("None").WithTriviaFrom(member.Name))
                : ParseExpression("Newtonsoft.Json.TypeNameHandling.None").WithAdditionalAnnotations(Simplifier.Annotation).WithTriviaFrom(value);
            return document.WithSyntaxRoot(root.ReplaceNode(value, replacement));
        }
    }
}
