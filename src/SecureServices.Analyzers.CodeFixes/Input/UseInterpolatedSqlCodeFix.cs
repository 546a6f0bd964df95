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
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SecureServices.Analyzers.CodeFixes.Input
{
    /// <summary>
    /// SSA4001/SSA4010 on EF Core raw SQL given an interpolated string: <c>FromSqlRaw($"…{x}")</c> →
    /// <c>FromSqlInterpolated($"…{x}")</c>, <c>ExecuteSqlRaw(Async)</c> → <c>ExecuteSqlInterpolated(Async)</c>,
    /// <c>SqlQueryRaw&lt;T&gt;</c> → <c>SqlQuery&lt;T&gt;</c>. The holes become DbParameters; nothing else changes.
    /// Offered only when the call passes no other SQL parameters (a CancellationToken may follow).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseInterpolatedSqlCodeFix)), Shared]
    public sealed class UseInterpolatedSqlCodeFix : CodeFixProvider
    {
        private static readonly ImmutableDictionary<string, string> Replacements = new[]
        {
            ("FromSqlRaw", "FromSqlInterpolated"),
            ("ExecuteSqlRaw", "ExecuteSqlInterpolated"),
            ("ExecuteSqlRawAsync", "ExecuteSqlInterpolatedAsync"),
            ("SqlQueryRaw", "SqlQuery"),
        }.ToImmutableDictionary(p => p.Item1, p => p.Item2);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(RuleIds.SqlInjection, RuleIds.SqlBuiltFromNonConstant);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InterpolatedStringExpressionSyntax interpolated
                    || interpolated.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } arguments }
                    || Name(invocation) is not { } name
                    || !Replacements.ContainsKey(name.Identifier.ValueText)
                    || model.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method
                    || method.ContainingType?.ContainingNamespace?.ToDisplayString() != "Microsoft.EntityFrameworkCore"
                    || arguments.Arguments.Any(a => a.Expression != interpolated && model.GetTypeInfo(a.Expression, context.CancellationToken).Type?.Name != "CancellationToken"))
                {
                    continue;
                }

                var title = InputCodeFixTitles.UseInterpolatedSql;
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => FixAsync(context.Document, name, ct), equivalenceKey: title),
                    diagnostic);
            }
        }

        private static SimpleNameSyntax? Name(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax m => m.Name,
            MemberBindingExpressionSyntax b => b.Name,
            SimpleNameSyntax s => s,
            _ => null,
        };

        private static async Task<Document> FixAsync(Document document, SimpleNameSyntax name, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var identifier = Identifier(Replacements[name.Identifier.ValueText]).WithTriviaFrom(name.Identifier);
            return document.WithSyntaxRoot(root.ReplaceNode(name, name.WithIdentifier(identifier)));
        }
    }
}
