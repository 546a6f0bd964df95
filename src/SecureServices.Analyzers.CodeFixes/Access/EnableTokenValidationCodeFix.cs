using System.Collections.Immutable;
using System.Composition;
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
    /// <summary>SSA3004/SSA3005: <c>ValidateLifetime = false</c> → <c>ValidateLifetime = true</c> (flags only; validators need a human).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EnableTokenValidationCodeFix)), Shared]
    public sealed class EnableTokenValidationCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(RuleIds.JwtSignatureValidationDisabled, RuleIds.JwtValidationDisabled);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax assignment
                || !assignment.Right.IsKind(SyntaxKind.FalseLiteralExpression))
            {
                return;
            }

            var title = CodeFixTitles.EnableTokenValidation;
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(
                        assignment.Right,
                        LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(assignment.Right)))),
                    equivalenceKey: title),
                context.Diagnostics);
        }
    }
}
