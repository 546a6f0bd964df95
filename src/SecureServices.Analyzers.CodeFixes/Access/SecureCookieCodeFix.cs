using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureServices.Analyzers.Catalog;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SecureServices.Analyzers.CodeFixes.Access
{
    /// <summary>
    /// SSA3007: <c>Secure/HttpOnly = false</c> → <c>true</c>; <c>SecurePolicy = CookieSecurePolicy.None/SameAsRequest</c> →
    /// <c>CookieSecurePolicy.Always</c>; <c>SameSite = None</c> in an initializer gets <c>Secure = true</c> (or
    /// <c>SecurePolicy = CookieSecurePolicy.Always</c> on a cookie builder) next to it.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecureCookieCodeFix)), Shared]
    public sealed class SecureCookieCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.InsecureCookie);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax assignment)
            {
                return;
            }

            var name = assignment.Left switch
            {
                MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
                IdentifierNameSyntax id => id.Identifier.ValueText,
                _ => string.Empty,
            };
            SyntaxNode? newRoot = null;
            switch (name)
            {
                case "Secure":
                case "HttpOnly":
                    if (assignment.Right.IsKind(SyntaxKind.FalseLiteralExpression))
                    {
                        newRoot = root.ReplaceNode(assignment.Right, LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(assignment.Right));
                    }

                    break;
                case "SecurePolicy":
                    if (assignment.Right is MemberAccessExpressionSyntax policy)
                    {
                        newRoot = root.ReplaceNode(policy.Name, IdentifierName("Always").WithTriviaFrom(policy.Name));
                    }

                    break;
                case "SameSite":
                    if (assignment.Parent is InitializerExpressionSyntax initializer)
                    {
                        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                        var isBuilder = model?.GetSymbolInfo(assignment.Left, context.CancellationToken).Symbol?.ContainingType?.Name.EndsWith("CookieBuilder", System.StringComparison.Ordinal) == true;
                        var existing = initializer.Expressions.OfType<AssignmentExpressionSyntax>()
                            .FirstOrDefault(a => a.Left is IdentifierNameSyntax id && id.Identifier.ValueText == (isBuilder ? "SecurePolicy" : "Secure"));
                        if (existing != null)
                        {
                            break;
                        }

                        var secure = isBuilder
                            ? AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName("SecurePolicy"), ParseExpression("Microsoft.AspNetCore.Http.CookieSecurePolicy.Always"))
                            : AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName("Secure"), LiteralExpression(SyntaxKind.TrueLiteralExpression));
                        var index = initializer.Expressions.IndexOf(assignment);
                        var updated = initializer.WithExpressions(initializer.Expressions.Insert(index + 1, secure.WithLeadingTrivia(assignment.GetLeadingTrivia())));
                        newRoot = root.ReplaceNode(initializer, updated.WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation, Microsoft.CodeAnalysis.Formatting.Formatter.Annotation));
                    }

                    break;
            }

            if (newRoot != null)
            {
                var title = CodeFixTitles.SecureCookie;
                var document = context.Document.WithSyntaxRoot(newRoot);
                context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(document), equivalenceKey: title), context.Diagnostics);
            }
        }
    }
}
