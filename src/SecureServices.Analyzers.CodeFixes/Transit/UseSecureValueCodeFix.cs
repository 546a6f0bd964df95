using System;
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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals.Transit;

namespace SecureServices.Analyzers.CodeFixes.Transit
{
    /// <summary>
    /// SSA2003/SSA2004/SSA2005/SSA2007/SSA2008: the analyzer says what to write and the fix writes it. Either
    /// the reported expression is replaced by a secure value (<c>true</c>, <c>SslProtocols.Tls12 | SslProtocols.Tls13</c>,
    /// <c>SecurityProtocol.Ssl</c>…), or text inside the string literal that holds the value is replaced
    /// (<c>http://</c> → <c>https://</c>, <c>Encrypt=False</c> → <c>Encrypt=True</c>), even when the literal is a
    /// local or constant declared elsewhere.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseSecureValueCodeFix)), Shared]
    public sealed class UseSecureValueCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleIds.CertificateRevocationCheckDisabled,
            RuleIds.WeakTlsProtocol,
            RuleIds.ClearTextEndpoint,
            RuleIds.ClearTextMessageBroker,
            RuleIds.UnencryptedDatabaseConnection);

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
                var properties = diagnostic.Properties;
                if (properties.TryGetValue(TransitFix.Replacement, out var replacement) && replacement != null)
                {
                    var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                    if (node is ArgumentSyntax argument)
                    {
                        node = argument.Expression;
                    }

                    if (node is ExpressionSyntax expression)
                    {
                        var title = TransitFixTitles.UseSecureValue;
                        context.RegisterCodeFix(
                            CodeAction.Create(title, ct => ReplaceExpressionAsync(context.Document, expression, replacement, ct), equivalenceKey: nameof(UseSecureValueCodeFix) + diagnostic.Id),
                            diagnostic);
                    }
                }
                else if (properties.TryGetValue(TransitFix.Find, out var find) && find != null
                    && properties.TryGetValue(TransitFix.Replace, out var replace) && replace != null
                    && diagnostic.AdditionalLocations.Count > 0
                    && diagnostic.AdditionalLocations[0].SourceTree == root.SyntaxTree
                    && root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax holder
                    && holder is LiteralExpressionSyntax or InterpolatedStringExpressionSyntax
                    && holder.ToString().IndexOf(find.Split('\n')[0], StringComparison.Ordinal) >= 0)
                {
                    var title = TransitFixTitles.UseEncryptedScheme;
                    context.RegisterCodeFix(
                        CodeAction.Create(title, ct => ReplaceTextAsync(context.Document, holder, find, replace, ct), equivalenceKey: nameof(UseSecureValueCodeFix) + diagnostic.Id),
                        diagnostic);
                }
            }
        }

        private static async Task<Document> ReplaceExpressionAsync(Document document, ExpressionSyntax expression, string replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            // Each qualified name carries the annotation, so SslProtocols.Tls12 | SslProtocols.Tls13 both simplify.
            var parsed = SyntaxFactory.ParseExpression(replacement);
            var newExpression = parsed.ReplaceNodes(
                    parsed.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>().Where(m => m.Parent is not MemberAccessExpressionSyntax),
                    (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation))
                .WithTriviaFrom(expression)
                .WithAdditionalAnnotations(Formatter.Annotation);
            return document.WithSyntaxRoot(root.ReplaceNode(expression, newExpression));
        }

        private static async Task<Document> ReplaceTextAsync(Document document, ExpressionSyntax holder, string find, string replace, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            // Find and Replace may hold several edits, one per line.
            var text = holder.ToString();
            var finds = find.Split('\n');
            var replaces = replace.Split('\n');
            for (var i = 0; i < finds.Length && i < replaces.Length; i++)
            {
                var index = text.IndexOf(finds[i], StringComparison.Ordinal);
                if (index >= 0)
                {
                    text = text.Substring(0, index) + replaces[i] + text.Substring(index + finds[i].Length);
                }
            }

            var newText = text;
            var newHolder = SyntaxFactory.ParseExpression(newText).WithTriviaFrom(holder);
            return document.WithSyntaxRoot(root.ReplaceNode(holder, newHolder));
        }
    }
}
