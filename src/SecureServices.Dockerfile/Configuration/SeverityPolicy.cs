using System;
using System.Collections.Generic;
using SecureServices.Analyzers.Catalog;

namespace SecureServices.Dockerfile.Configuration
{
    /// <summary>
    /// Decides the severity a Dockerfile finding is reported at, the way the compiler does for C#:
    /// the catalog default, then .editorconfig (<c>dotnet_diagnostic.ID.severity</c>, then
    /// <c>dotnet_analyzer_diagnostic.category-X.severity</c>, then <c>dotnet_analyzer_diagnostic.severity</c>),
    /// then the project's NoWarn, WarningsAsErrors, WarningsNotAsErrors and TreatWarningsAsErrors.
    /// </summary>
    internal sealed class SeverityPolicy
    {
        private readonly HashSet<string> noWarn;
        private readonly HashSet<string> warningsAsErrors;
        private readonly HashSet<string> warningsNotAsErrors;
        private readonly bool treatWarningsAsErrors;

        public SeverityPolicy(string? noWarn = null, string? warningsAsErrors = null, string? warningsNotAsErrors = null, bool treatWarningsAsErrors = false)
        {
            this.noWarn = ParseIds(noWarn);
            this.warningsAsErrors = ParseIds(warningsAsErrors);
            this.warningsNotAsErrors = ParseIds(warningsNotAsErrors);
            this.treatWarningsAsErrors = treatWarningsAsErrors;
        }

        public RuleSeverity Resolve(RuleDefinition rule, IReadOnlyDictionary<string, string> properties)
        {
            var severity = FromConfig(properties, "dotnet_diagnostic." + rule.Id + ".severity")
                ?? FromConfig(properties, "dotnet_analyzer_diagnostic.category-" + rule.Category + ".severity")
                ?? FromConfig(properties, "dotnet_analyzer_diagnostic.severity")
                ?? rule.DefaultSeverity;

            if (noWarn.Contains(rule.Id) && severity != RuleSeverity.Error)
            {
                return RuleSeverity.None;
            }

            if (severity == RuleSeverity.Warning
                && !warningsNotAsErrors.Contains(rule.Id)
                && (treatWarningsAsErrors || warningsAsErrors.Contains(rule.Id)))
            {
                return RuleSeverity.Error;
            }

            return severity;
        }

        /// <summary>Parses an .editorconfig severity word; null for absent, unknown or <c>default</c>.</summary>
        public static RuleSeverity? ParseSeverity(string? value)
        {
            switch (value?.Trim().ToLowerInvariant())
            {
                case "error": return RuleSeverity.Error;
                case "warning": return RuleSeverity.Warning;
                case "suggestion": return RuleSeverity.Suggestion;
                case "silent": return RuleSeverity.Hidden;
                case "none": return RuleSeverity.None;
                default: return null;
            }
        }

        private static RuleSeverity? FromConfig(IReadOnlyDictionary<string, string> properties, string key)
            => properties.TryGetValue(key, out var value) ? ParseSeverity(value) : null;

        private static HashSet<string> ParseIds(string? list)
        {
            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (!string.IsNullOrEmpty(list))
            {
                foreach (var id in list!.Split(new[] { ';', ',', ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    set.Add(id.Trim());
                }
            }

            return set;
        }
    }
}
