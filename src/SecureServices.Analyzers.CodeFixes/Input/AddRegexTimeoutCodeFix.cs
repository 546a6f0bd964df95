using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using SecureServices.Analyzers.Catalog;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SecureServices.Analyzers.CodeFixes.Input
{
    /// <summary>
    /// SSA4006: adds a one-second match timeout — <c>new Regex(p)</c> → <c>new Regex(p, RegexOptions.None,
    /// TimeSpan.FromSeconds(1))</c>, <c>Regex.IsMatch(s, p, o)</c> → <c>Regex.IsMatch(s, p, o, TimeSpan.FromSeconds(1))</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRegexTimeoutCodeFix)), Shared]
    public sealed class AddRegexTimeoutCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RegexInjection);

        /// <summary>Fixes every call in a document at once, so <c>using System;</c> is added once.</summary>
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixDocumentAsync);

        private static async Task<Document?> FixDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return document;
            }

            var targets = new System.Collections.Generic.Dictionary<ArgumentListSyntax, bool>();
            foreach (var diagnostic in diagnostics)
            {
                if (Target(root, model, diagnostic, context.CancellationToken) is { } target)
                {
                    targets[target.Arguments] = target.HasOptions;
                }
            }

            var changed = root.ReplaceNodes(targets.Keys, (original, _) => WithTimeout(original, targets[original]));
            return await ImportAdder.AddImportsAsync(document.WithSyntaxRoot(changed), Simplifier.AddImportsAnnotation, cancellationToken: context.CancellationToken).ConfigureAwait(false);
        }

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (Target(root, model, diagnostic, context.CancellationToken) is not { } target)
                {
                    continue;
                }

                var title = InputCodeFixTitles.AddRegexTimeout;
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => FixAsync(context.Document, target.Arguments, target.HasOptions, ct), equivalenceKey: title),
                    diagnostic);
            }
        }

        private static (ArgumentListSyntax Arguments, bool HasOptions)? Target(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node.FirstAncestorOrSelf<ArgumentSyntax>() is not { Parent: ArgumentListSyntax arguments }
                || arguments.Parent is not (InvocationExpressionSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax)
                || arguments.Arguments.Count == 0
                || model.GetSymbolInfo(arguments.Parent, cancellationToken).Symbol is not IMethodSymbol method
                || method.ContainingType?.ToDisplayString() != "System.Text.RegularExpressions.Regex"
                || arguments.Arguments.Count != method.Parameters.Length)
            {
                return null;
            }

            return (arguments, method.Parameters[method.Parameters.Length - 1].Name == "options");
        }

        private static ArgumentListSyntax WithTimeout(ArgumentListSyntax arguments, bool hasOptions)
        {
            var added = arguments.Arguments;
            if (!hasOptions)
            {
                added = added.Add(Argument(ParseExpression("System.Text.RegularExpressions.RegexOptions.None").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation)));
            }

            added = added.Add(Argument(ParseExpression("System.TimeSpan.FromSeconds(1)").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation)));
            return arguments.WithArguments(added);
        }

        private static async Task<Document> FixAsync(Document document, ArgumentListSyntax arguments, bool hasOptions, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var changed = document.WithSyntaxRoot(root.ReplaceNode(arguments, WithTimeout(arguments, hasOptions)));
            return await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
