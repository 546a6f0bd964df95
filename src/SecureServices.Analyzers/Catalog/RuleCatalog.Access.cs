namespace SecureServices.Analyzers.Catalog
{
    internal static partial class RuleIds
    {
    }

    // SSA3xxx — authentication and authorization (§5.3, §5.1)
    internal static partial class RuleCatalog
    {
        private static readonly RuleDefinition[] AccessRules =
        {
        };
    }
}
