using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace SecureServices.Analyzers.Catalog
{
    /// <summary>
    /// The single source of truth for every rule. Each area keeps its rules in its own partial file
    /// (RuleCatalog.Secrets.cs, RuleCatalog.Dockerfile.cs, …); ids are constants in <see cref="RuleIds"/>.
    /// Descriptors (DescriptorFactory), the Dockerfile task's findings, the docs headers and the README
    /// table are all derived from here.
    /// </summary>
    internal static partial class RuleCatalog
    {
        // Read-only views built once (the engine has no System.Collections.Immutable, so no ImmutableArray here):
        // nothing can change a table after the type initializer, so analyzers on many threads may share them.
        private static readonly Lazy<ReadOnlyCollection<RuleDefinition>> AllRules = new Lazy<ReadOnlyCollection<RuleDefinition>>(
            () => Table(new[] { SecretsRules, TransitRules, AccessRules, InputRules, CryptoRules, ConfigurationRules, DockerfileRules, ToolRules }
                .SelectMany(r => r)
                .OrderBy(r => r.Id, StringComparer.Ordinal)
                .ToArray()));

        private static readonly Lazy<ReadOnlyDictionary<string, RuleDefinition>> ById = new Lazy<ReadOnlyDictionary<string, RuleDefinition>>(
            () => new ReadOnlyDictionary<string, RuleDefinition>(All.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase)));

        public static IReadOnlyList<RuleDefinition> All => AllRules.Value;

        public static RuleDefinition Get(string id) => ById.Value[id];

        public static bool TryGet(string id, out RuleDefinition rule) => ById.Value.TryGetValue(id, out rule!);

        private static RuleDefinition CSharp(string id, string category, RuleSeverity severity, string[] guidance, int cwe, LocalizedText title, LocalizedText message, LocalizedText description)
            => new RuleDefinition(id, RuleSurface.CSharp, category, severity, guidance, cwe, title, message, description);

        private static RuleDefinition Docker(string id, string category, RuleSeverity severity, string[] guidance, int cwe, LocalizedText title, LocalizedText message, LocalizedText description)
            => new RuleDefinition(id, RuleSurface.Dockerfile, category, severity, guidance, cwe, title, message, description);

        private static LocalizedText T(string english, string french) => new LocalizedText(english, french);

        private static string[] Sections(params string[] sections) => sections;

        /// <summary>A read-only view over an array nobody else holds.</summary>
        private static ReadOnlyCollection<RuleDefinition> Table(RuleDefinition[] rules) => new ReadOnlyCollection<RuleDefinition>(rules);
    }

    /// <summary>Rule id constants, one partial per area beside its catalog entries.</summary>
    internal static partial class RuleIds
    {
    }
}
