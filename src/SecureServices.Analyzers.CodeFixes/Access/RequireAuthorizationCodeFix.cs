using System.Collections.Generic;
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
using Microsoft.CodeAnalysis.Editing;
using SecureServices.Analyzers.Catalog;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SecureServices.Analyzers.CodeFixes.Access
{
    /// <summary>
    /// SSA3001: appends <c>.RequireAuthorization()</c> to an unprotected <c>Map*</c> endpoint, or adds
    /// <c>[Authorize]</c> to the controller / page model (with <c>using Microsoft.AspNetCore.Authorization;</c>).
    /// Fix All adds the attribute once per class.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RequireAuthorizationCodeFix)), Shared]
    public sealed class RequireAuthorizationCodeFix : CodeFixProvider
    {
        private const string AuthorizationNamespace = "Microsoft.AspNetCore.Authorization";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UnauthenticatedEndpoint);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var target = Target(root, diagnostic);
                string? title = target switch
                {
                    InvocationExpressionSyntax => CodeFixTitles.RequireAuthorization,
                    ClassDeclarationSyntax => CodeFixTitles.AddAuthorizeAttribute,
                    _ => null,
                };
                if (title != null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(title, ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), ct), equivalenceKey: title),
                        diagnostic);
                }
            }
        }

        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
            => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false);

        /// <summary>The invocation to extend, or the class to annotate.</summary>
        private static SyntaxNode? Target(SyntaxNode root, Diagnostic diagnostic)
        {
            var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
            switch (token.Parent)
            {
                case SimpleNameSyntax name when name.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } access && access.Name == name:
                    return invocation;
                case SimpleNameSyntax name when name.Parent is InvocationExpressionSyntax invocation:
                    return invocation;
                case MethodDeclarationSyntax method:
                    return method.Parent as ClassDeclarationSyntax;
                case ClassDeclarationSyntax type:
                    return type;
                default:
                    return null;
            }
        }

        private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var root = editor.OriginalRoot;
            var classes = new HashSet<ClassDeclarationSyntax>();
            var needsUsing = false;
            foreach (var diagnostic in diagnostics)
            {
                switch (Target(root, diagnostic))
                {
                    case InvocationExpressionSyntax invocation:
                        editor.ReplaceNode(invocation, (node, _) =>
                            InvocationExpression(
                                    MemberAccessExpression(
                                        SyntaxKind.SimpleMemberAccessExpression,
                                        ((ExpressionSyntax)node).WithoutTrailingTrivia(),
                                        IdentifierName("RequireAuthorization")))
                                .WithTrailingTrivia(node.GetTrailingTrivia()));
                        break;
                    case ClassDeclarationSyntax type when classes.Add(type):
                        editor.ReplaceNode(type, (node, _) => AddAuthorize((ClassDeclarationSyntax)node));
                        needsUsing |= !AuthorizeInScope(editor.SemanticModel, type.SpanStart);
                        break;
                }
            }

            var newRoot = editor.GetChangedRoot();
            if (needsUsing && newRoot is CompilationUnitSyntax unit && !unit.Usings.Any(u => u.Name?.ToString() == AuthorizationNamespace))
            {
                newRoot = AddUsing(unit);
            }

            return document.WithSyntaxRoot(newRoot);
        }

        private static bool AuthorizeInScope(SemanticModel model, int position)
            => model.LookupNamespacesAndTypes(position, name: "AuthorizeAttribute")
                .Any(s => s.ContainingNamespace?.ToDisplayString() == AuthorizationNamespace);

        private static ClassDeclarationSyntax AddAuthorize(ClassDeclarationSyntax type)
        {
            var leading = type.GetLeadingTrivia();
            var indentation = leading.LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
            var list = AttributeList(SingletonSeparatedList(Attribute(IdentifierName("Authorize"))))
                .WithLeadingTrivia(leading)
                .WithTrailingTrivia(EndOfLine("\n"));
            var stripped = type.WithoutLeadingTrivia();
            if (stripped.AttributeLists.Count > 0)
            {
                var first = stripped.AttributeLists[0];
                stripped = stripped.ReplaceNode(first, first.WithLeadingTrivia(indentation.IsKind(SyntaxKind.WhitespaceTrivia) ? TriviaList(indentation) : TriviaList()));
            }
            else if (stripped.Modifiers.Count > 0)
            {
                stripped = stripped.WithModifiers(stripped.Modifiers.Replace(stripped.Modifiers[0], stripped.Modifiers[0].WithLeadingTrivia(indentation.IsKind(SyntaxKind.WhitespaceTrivia) ? TriviaList(indentation) : TriviaList())));
            }
            else
            {
                stripped = stripped.WithKeyword(stripped.Keyword.WithLeadingTrivia(indentation.IsKind(SyntaxKind.WhitespaceTrivia) ? TriviaList(indentation) : TriviaList()));
            }

            return stripped.WithAttributeLists(stripped.AttributeLists.Insert(0, list));
        }

        private static CompilationUnitSyntax AddUsing(CompilationUnitSyntax unit)
        {
            var directive = UsingDirective(ParseName(AuthorizationNamespace)).WithTrailingTrivia(EndOfLine("\n"));
            var usings = unit.Usings;
            var index = 0;
            while (index < usings.Count && usings[index].StaticKeyword.IsKind(SyntaxKind.None) && usings[index].Alias == null
                   && string.CompareOrdinal(usings[index].Name?.ToString(), AuthorizationNamespace) < 0)
            {
                index++;
            }

            if (usings.Count == 0)
            {
                // Keep the file's leading trivia (header comments) above the new directive.
                var first = unit.GetLeadingTrivia();
                var rest = unit.WithoutLeadingTrivia();
                return rest.WithUsings(rest.Usings.Add(directive.WithLeadingTrivia(first).WithTrailingTrivia(EndOfLine("\n"), EndOfLine("\n"))));
            }

            return unit.WithUsings(usings.Insert(index, directive));
        }
    }
}
