namespace SecureServices.Analyzers.Catalog
{
    internal static partial class RuleIds
    {
        public const string UnpinnedBaseImageTag = "SSA7001";
    }

    // SSA7xxx — Dockerfile rules, reported by the MSBuild task (§4.2, 4.3, 5.2, 5.5–5.8).
    internal static partial class RuleCatalog
    {
        public const string ContainerCategory = "Security.Container";

        private static readonly RuleDefinition[] DockerfileRules =
        {
            Docker(
                RuleIds.UnpinnedBaseImageTag, ContainerCategory, RuleSeverity.Warning, Sections("4.2", "5.6"), 1357,
                T("Base image without a tag or with the 'latest' tag",
                  "Image de base sans étiquette ou avec l'étiquette « latest »"),
                T("Base image '{0}' resolves to the moving 'latest' tag; pin a version tag (and ideally a digest) so builds are reproducible and reviewed",
                  "L'image de base '{0}' désigne l'étiquette mobile « latest » ; fixez une étiquette de version (et idéalement un condensé) pour des constructions reproductibles et vérifiées"),
                T("An image reference without a tag resolves to 'latest', which changes under you: the next build can pull a different, unreviewed and possibly vulnerable image.",
                  "Une référence d'image sans étiquette désigne « latest », qui change sans prévenir : la prochaine construction peut tirer une image différente, non vérifiée et peut-être vulnérable.")),
        };
    }
}
