using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Rules.Transit;

namespace SecureServices.Analyzers.CodeFixes.Transit
{
    /// <summary>
    /// SSA2001/SSA2002/SSA2006/SSA2009: deletes the assignment (or call statement) that switches a protection
    /// off, so the library default (validate certificates, require HTTPS metadata, no insecure credentials) applies.
    /// Offered only when the analyzer marked the finding as a statement or an object-initializer member.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveDangerousAssignmentCodeFix)), Shared]
    public sealed class RemoveDangerousAssignmentCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleIds.ServerCertificateValidationDisabled,
            RuleIds.ClientCertificateValidationDisabled,
            RuleIds.InsecureGrpcChannel,
            RuleIds.TokenMetadataOverHttp);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.ContainsKey(CertificateValidationAnalyzer.RemovableAssignment)
                    || Removable(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)) is not { } node)
                {
                    continue;
                }

                var title = TransitFixTitles.RemoveDangerousSetting;
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => RemoveAsync(context.Document, node, ct), equivalenceKey: title + diagnostic.Id),
                    diagnostic);
            }
        }

        /// <summary>The expression statement or initializer member to delete.</summary>
        private static SyntaxNode? Removable(SyntaxNode node)
        {
            for (var current = node; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case ExpressionStatementSyntax statement when statement.Parent is BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax:
                        return statement.Parent is GlobalStatementSyntax global ? global : statement;
                    case AssignmentExpressionSyntax assignment when assignment.Parent is InitializerExpressionSyntax:
                        return assignment;
                    case StatementSyntax:
                    case LambdaExpressionSyntax when current != node:
                    case AnonymousMethodExpressionSyntax when current != node:
                        return null;
                }
            }

            return null;
        }

        private static async Task<Document> RemoveAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            if (node.Parent is InitializerExpressionSyntax initializer)
            {
                var expressions = initializer.Expressions;
                var index = expressions.IndexOf((ExpressionSyntax)node);
                var separators = expressions.GetSeparators().ToList();
                var items = expressions.ToList();
                items.RemoveAt(index);
                if (separators.Count > 0)
                {
                    separators.RemoveAt(index < separators.Count ? index : separators.Count - 1);
                }

                if (index == 0 && items.Count > 0)
                {
                    // The next member moves up to where the removed one started (same indentation).
                    items[0] = items[0].WithLeadingTrivia(node.GetLeadingTrivia());
                }
                else if (index > 0 && index == items.Count)
                {
                    // The last member went with the comma before it: keep its trailing trivia (space before '}').
                    items[index - 1] = items[index - 1].WithTrailingTrivia(node.GetTrailingTrivia());
                }

                var newList = SyntaxFactory.SeparatedList(items, separators);
                return document.WithSyntaxRoot(root.ReplaceNode(initializer, initializer.WithExpressions(newList)));
            }

            var newRoot = root.RemoveNode(node, SyntaxRemoveOptions.KeepUnbalancedDirectives);
            return newRoot == null ? document : document.WithSyntaxRoot(newRoot);
        }
    }
}
