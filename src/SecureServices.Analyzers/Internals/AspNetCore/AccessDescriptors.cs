using System.Linq;
using Microsoft.CodeAnalysis;
using SecureServices.Analyzers.Catalog;

namespace SecureServices.Analyzers.Internals.AspNetCore
{
    /// <summary>Descriptors of whole-app rules: the catalog's descriptor plus the CompilationEnd tag the IDE needs.</summary>
    internal static class AccessDescriptors
    {
        public static DiagnosticDescriptor CompilationEnd(string id)
        {
            var d = DescriptorFactory.Create(id);
            return new DiagnosticDescriptor(
                d.Id,
                d.Title,
                d.MessageFormat,
                d.Category,
                d.DefaultSeverity,
                d.IsEnabledByDefault,
                d.Description,
                d.HelpLinkUri,
                d.CustomTags.Concat(new[] { WellKnownDiagnosticTags.CompilationEnd }).ToArray());
        }
    }
}
