using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureServices.Analyzers.Internals.Transit
{
    /// <summary>A URL value whose host is known and is neither local, a namespace host, nor allowed.</summary>
    internal static class ClearTextAddress
    {
        public static bool TryFind(OperationAnalysisContext ctx, IOperation value, out TransitString text, out EndpointAddress address)
        {
            address = default;
            text = TransitValues.ResolveString(value);
            return text.HasValue
                && Endpoints.TryParse(text.Text, text.IsComplete, out address)
                && address.HostIsComplete
                && !Endpoints.IsNamespaceHost(address.Host)
                && !Endpoints.IsExempt(address.Host, Endpoints.AllowedHosts(ctx.Options, value.Syntax.SyntaxTree));
        }

        /// <summary>"http://" as written in the value ("HTTP://" keeps its case).</summary>
        public static string SchemeAsWritten(TransitString text, string scheme)
            => text.Text.TrimStart().Substring(0, scheme.Length) + "://";
    }
}
