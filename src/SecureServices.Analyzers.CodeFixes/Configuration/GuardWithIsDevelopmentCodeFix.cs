using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SecureServices.Analyzers.Catalog;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SecureServices.Analyzers.CodeFixes.Configuration
{
    /// <summary>
    /// SSA6001: wraps the <c>app.UseDeveloperExceptionPage();</c> statement in <c>if (app.Environment.IsDevelopment()) { … }</c>
    /// (or <c>env.IsDevelopment()</c> / <c>builder.Environment.IsDevelopment()</c>, whichever is in scope).
    /// SSA6005: passes the check as the argument: <c>EnableSensitiveDataLogging(builder.Environment.IsDevelopment())</c>.
    /// Adds <c>using Microsoft.Extensions.Hosting;</c> when needed. No fix when no environment is in scope.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GuardWithIsDevelopmentCodeFix)), Shared]
    public sealed class GuardWithIsDevelopmentCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleIds.DeveloperExceptionPageOutsideDevelopment, RuleIds.EfSensitiveDataLogging);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return;
            }

            var node = root.FindNode(context.Span, getInnermostNodeForTie: true);
            var invocation = node as InvocationExpressionSyntax ?? node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation?.Expression is not MemberAccessExpressionSyntax member)
            {
                return;
            }

            var check = DevelopmentCheckFactory.Create(model, invocation, member.Expression, context.CancellationToken);
            if (check == null)
            {
                return;
            }

            var title = CodeFixTitles.GuardWithIsDevelopment;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Id == RuleIds.DeveloperExceptionPageOutsideDevelopment)
                {
                    if (invocation.Parent is not ExpressionStatementSyntax statement)
                    {
                        continue;
                    }

                    context.RegisterCodeFix(
                        CodeAction.Create(title, ct => WrapAsync(context.Document, statement, check, ct), equivalenceKey: title),
                        diagnostic);
                }
                else
                {
                    var args = invocation.ArgumentList.Arguments;
                    var newInvocation = args.Count == 0
                        ? invocation.WithArgumentList(invocation.ArgumentList.AddArguments(Argument(check)))
                        : invocation.ReplaceNode(args[0].Expression, check.WithTriviaFrom(args[0].Expression));
                    context.RegisterCodeFix(
                        CodeAction.Create(title, ct => ReplaceAsync(context.Document, invocation, newInvocation, ct), equivalenceKey: title),
                        diagnostic);
                }
            }
        }

        private static async Task<Document> ReplaceAsync(Document document, SyntaxNode oldNode, SyntaxNode newNode, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return document;
            }

            var position = oldNode.SpanStart;
            var newRoot = root.ReplaceNode(oldNode, newNode);
            return document.WithSyntaxRoot(DevelopmentCheckFactory.AddHostingUsingIfNeeded(newRoot, model, position));
        }

        private static async Task<Document> WrapAsync(Document document, ExpressionStatementSyntax statement, InvocationExpressionSyntax check, CancellationToken cancellationToken)
        {
            var wrapped = IfStatement(check, Block(statement.WithoutLeadingTrivia().WithoutTrailingTrivia()))
                .WithLeadingTrivia(statement.GetLeadingTrivia())
                .WithTrailingTrivia(statement.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);
            return await ReplaceAsync(document, statement, wrapped, cancellationToken).ConfigureAwait(false);
        }
    }
}
