namespace SecureServices.Analyzers.Catalog
{
    internal static partial class RuleIds
    {
    }

    // SSA4xxx — input validation, injection, deserialization (§5.4)
    internal static partial class RuleCatalog
    {
        private static readonly RuleDefinition[] InputRules =
        {
        };
    }
}
