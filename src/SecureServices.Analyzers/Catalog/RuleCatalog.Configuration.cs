namespace SecureServices.Analyzers.Catalog
{
    internal static partial class RuleIds
    {
    }

    // SSA6xxx — error handling, logging, secure configuration (§5.4)
    internal static partial class RuleCatalog
    {
        private static readonly RuleDefinition[] ConfigurationRules =
        {
        };
    }
}
