namespace SecureServices.Analyzers.Catalog
{
    internal static partial class RuleIds
    {
    }

    // SSA2xxx — data in transit (§5.4 Data in Transit, §5.3)
    internal static partial class RuleCatalog
    {
        private static readonly RuleDefinition[] TransitRules =
        {
        };
    }
}
