using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals.SecretDetection;

namespace SecureServices.Analyzers.Rules.Secrets
{
    /// <summary>
    /// SSA1003: a password inside a connection string or a URI's user information, in any string literal or the text of
    /// an interpolated string. The detector runs on the source text so the span is exactly the password.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConnectionStringPasswordAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.ConnectionStringPassword);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var cache = new SecretWordOptionsCache(start.Options);
                start.RegisterSyntaxNodeAction(
                    c => AnalyzeNode(c, cache),
                    SyntaxKind.StringLiteralExpression,
                    SyntaxKind.Utf8StringLiteralExpression,
                    SyntaxKind.InterpolatedStringText);
            });
        }

        private static void AnalyzeNode(SyntaxNodeAnalysisContext context, SecretWordOptionsCache cache)
        {
            var token = context.Node switch
            {
                LiteralExpressionSyntax literal => literal.Token,
                InterpolatedStringTextSyntax text => text.TextToken,
                _ => default,
            };

            // Cheap test on the token text first (no content substring): a credential needs "key=value" or "scheme://".
            var raw = token.Text;
            if (token.IsMissing || raw.Length < 8 || (raw.IndexOf('=') < 0 && raw.IndexOf("://", System.StringComparison.Ordinal) < 0))
            {
                return;
            }

            var source = SecretSyntax.LiteralContent(token, out var offset);
            if (!ConnectionStringCredentials.TryFind(source, out var password))
            {
                return;
            }

            // An interpolated string whose hole follows "Password=" reads the password at run time.
            if (context.Node is InterpolatedStringTextSyntax && password.Start + password.Length == source.Length
                && context.Node.GetNextSibling() is InterpolationSyntax)
            {
                return;
            }

            if (LiteralContext.IsLookupFallback(context.Node))
            {
                return; // SSA1004 reports configuration["X"] ?? "…Password=…" and GetValue(key, "…Password=…").
            }

            var ignored = cache.Get(context.Node.SyntaxTree).IgnoredValues;
            var value = source.Substring(password.Start, password.Length);
            if (ignored.Contains(value))
            {
                return;
            }

            var location = Location.Create(context.Node.SyntaxTree, new TextSpan(token.SpanStart + offset + password.Start, password.Length));
            if (SecretSyntax.TryCreate(Rule, location, context.Options, context.Node.SyntaxTree, out var diagnostic, new LocalizedSecretKind(password.Kind), password.Length))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

    /// <summary>Where a string literal sits, for the secrets rules that must not report the same value twice.</summary>
    internal static class LiteralContext
    {
        /// <summary>The literal is the fallback of a lookup: <c>x[…] ?? "…"</c>, <c>M(…) ?? "…"</c> or the last argument of <c>GetValue</c>.</summary>
        public static bool IsLookupFallback(SyntaxNode node)
        {
            var value = node as ExpressionSyntax ?? node.Parent as InterpolatedStringExpressionSyntax;
            while (value?.Parent is ParenthesizedExpressionSyntax || value?.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression })
            {
                value = (ExpressionSyntax)value.Parent;
            }

            if (value == null)
            {
                return false;
            }

            if (value.Parent is BinaryExpressionSyntax coalesce && coalesce.IsKind(SyntaxKind.CoalesceExpression) && coalesce.Right == value)
            {
                var left = coalesce.Left;
                while (left is ParenthesizedExpressionSyntax p) { left = p.Expression; }
                if (left is PostfixUnaryExpressionSyntax bang) { left = bang.Operand; }
                return left is InvocationExpressionSyntax or ElementAccessExpressionSyntax;
            }

            return value.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } list } argument
                && list.Arguments.Count >= 2 && list.Arguments[list.Arguments.Count - 1] == argument
                && invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetValue" } or SimpleNameSyntax { Identifier.ValueText: "GetValue" };
        }

        /// <summary>The node's next sibling among its parent's child nodes, or null.</summary>
        public static SyntaxNode? GetNextSibling(this SyntaxNode node)
        {
            if (node.Parent == null)
            {
                return null;
            }

            var found = false;
            foreach (var child in node.Parent.ChildNodes())
            {
                if (found)
                {
                    return child;
                }

                found = child == node;
            }

            return null;
        }
    }
}
