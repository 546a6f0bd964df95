using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using SecureServices.Analyzers.Catalog;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SecureServices.Analyzers.CodeFixes.Crypto
{
    /// <summary>
    /// SSA5007: the same shape from the cryptographic generator: <c>r.Next()</c> → <c>RandomNumberGenerator.GetInt32(int.MaxValue)</c>,
    /// <c>r.Next(max)</c> / <c>r.Next(min, max)</c> → <c>RandomNumberGenerator.GetInt32(…)</c>, <c>r.NextBytes(buffer)</c> →
    /// <c>RandomNumberGenerator.Fill(buffer)</c>. <c>NextInt64</c>, <c>NextDouble</c>, <c>GetItems</c> have no equivalent of the
    /// same shape and get no fix. The now unused <c>Random</c> is left for the developer to remove.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseRandomNumberGeneratorCodeFix)), Shared]
    public sealed class UseRandomNumberGeneratorCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.InsecureRandomForSecret);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation)
            {
                return;
            }

            var args = invocation.ArgumentList.Arguments;
            string method;
            ArgumentListSyntax arguments;
            switch (member.Name.Identifier.ValueText)
            {
                case "Next" when args.Count == 0:
                    method = "GetInt32";
                    arguments = ArgumentList(SingletonSeparatedList(Argument(ParseExpression("int.MaxValue"))));
                    break;
                case "Next" when args.Count <= 2:
                    method = "GetInt32";
                    arguments = invocation.ArgumentList;
                    break;
                case "NextBytes" when args.Count == 1:
                    method = "Fill";
                    arguments = invocation.ArgumentList;
                    break;
                default:
                    return;
            }

            var replacement = InvocationExpression(
                    MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        ParseExpression("System.Security.Cryptography.RandomNumberGenerator").WithAdditionalAnnotations(Simplifier.Annotation),
                        IdentifierName(method)),
                    arguments)
                .WithTriviaFrom(invocation);
            var title = CodeFixTitles.UseRandomNumberGenerator;
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, replacement))), equivalenceKey: title),
                context.Diagnostics);
        }
    }
}
