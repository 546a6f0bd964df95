using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureServices.Analyzers.Internals.Transit
{
    /// <summary>A URL value whose host is known and is neither local, a namespace host, nor allowed.</summary>
    internal static class ClearTextAddress
    {
        /// <param name="schemes">The clear-text schemes the caller reports (lower case, without "://").</param>
        public static bool TryFind(OperationAnalysisContext ctx, IOperation value, ImmutableArray<string> schemes, out TransitString text, out EndpointAddress address)
        {
            address = default;
            text = TransitValues.ResolveString(value);
            return text.HasValue
                && StartsWithAny(text.Text, schemes)
                && Endpoints.TryParse(text.Text, text.IsComplete, out address)
                && address.HostIsComplete
                && !Endpoints.IsNamespaceHost(address.Host)
                && !Endpoints.IsExempt(address.Host, Endpoints.AllowedHosts(ctx.Options, value.Syntax.SyntaxTree));
        }

        /// <summary>
        /// Syntax-only pre-filter, before any IOperation is built: false when <paramref name="expression"/> is a
        /// string literal that does not start with one of the schemes (the common case: "https://…", "/api/…").
        /// </summary>
        public static bool MayBeClearText(SyntaxNode expression, ImmutableArray<string> schemes)
        {
            if (expression is ArgumentSyntax argument)
            {
                expression = argument.Expression;
            }

            return expression is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression)
                || StartsWithAny(literal.Token.ValueText, schemes);
        }

        /// <summary>Cheap pre-filter before parsing: does the text start with one of the schemes and "://"?</summary>
        private static bool StartsWithAny(string text, ImmutableArray<string> schemes)
        {
            var start = 0;
            while (start < text.Length && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            foreach (var scheme in schemes)
            {
                if (text.Length - start > scheme.Length + 3
                    && string.Compare(text, start, scheme, 0, scheme.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && string.CompareOrdinal(text, start + scheme.Length, "://", 0, 3) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"http://" as written in the value ("HTTP://" keeps its case).</summary>
        public static string SchemeAsWritten(TransitString text, string scheme)
            => text.Text.TrimStart().Substring(0, scheme.Length) + "://";
    }
}
