using System.Collections.ObjectModel;

namespace SecureServices.Analyzers.Catalog
{
    internal static partial class RuleIds
    {
        public const string DockerfileNotAnalyzable = "SSA9001";
    }

    // SSA9xxx — the tool itself: inputs it cannot read, configuration values it cannot use.
    internal static partial class RuleCatalog
    {
        public const string ToolCategory = "SecureServices.Tool";

        private static readonly ReadOnlyCollection<RuleDefinition> ToolRules = Table(new[]
        {
            Docker(
                RuleIds.DockerfileNotAnalyzable, ToolCategory, RuleSeverity.Warning, Sections("4.2"), 0,
                T("Dockerfile could not be analyzed",
                  "Le Dockerfile n'a pas pu être analysé"),
                T("Dockerfile not analyzed: {0}",
                  "Dockerfile non analysé : {0}"),
                T("The Dockerfile could not be read or parsed, so none of the container-image rules ran on it. The build goes on; fix the cause so the file is checked again.",
                  "Le Dockerfile n'a pas pu être lu ni analysé : aucune règle d'image de conteneur ne s'y est appliquée. La construction continue ; corrigez la cause pour que le fichier soit de nouveau vérifié.")),
        });
    }
}
