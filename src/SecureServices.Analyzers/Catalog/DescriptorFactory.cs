using System;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace SecureServices.Analyzers.Catalog
{
    /// <summary>The only place that creates <see cref="DiagnosticDescriptor"/>s: always from the catalog.</summary>
    internal static class DescriptorFactory
    {
        public static DiagnosticDescriptor Create(string id)
        {
            var rule = RuleCatalog.Get(id);
            if (rule.Surface != RuleSurface.CSharp)
            {
                throw new InvalidOperationException(id + " is not a C# rule.");
            }

            return new DiagnosticDescriptor(
                rule.Id,
                new CatalogString(rule.Title),
                new CatalogString(rule.Message),
                rule.Category,
                ToDiagnosticSeverity(rule.DefaultSeverity),
                isEnabledByDefault: rule.IsEnabledByDefault,
                description: new CatalogString(rule.Description),
                helpLinkUri: rule.HelpLink,
                customTags: rule.Cwe > 0 ? new[] { "CWE-" + rule.Cwe.ToString(CultureInfo.InvariantCulture) } : Array.Empty<string>());
        }

        private static DiagnosticSeverity ToDiagnosticSeverity(RuleSeverity severity) => severity switch
        {
            RuleSeverity.Error => DiagnosticSeverity.Error,
            RuleSeverity.Warning => DiagnosticSeverity.Warning,
            RuleSeverity.Suggestion => DiagnosticSeverity.Info,
            _ => DiagnosticSeverity.Hidden,
        };

        /// <summary>Roslyn asks for the text with the build's UI culture (csc /preferreduilang); we answer from the catalog.</summary>
        private sealed class CatalogString : LocalizableString
        {
            private readonly LocalizedText text;

            public CatalogString(LocalizedText text) => this.text = text;

            protected override string GetText(IFormatProvider? formatProvider) => text.Get(formatProvider as CultureInfo);

            protected override bool AreEqual(object? other)
                => other is CatalogString s && s.text.English == text.English && s.text.French == text.French;

            protected override int GetHash() => StringComparer.Ordinal.GetHashCode(text.English);
        }
    }
}
