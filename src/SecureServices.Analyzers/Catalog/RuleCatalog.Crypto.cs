namespace SecureServices.Analyzers.Catalog
{
    internal static partial class RuleIds
    {
    }

    // SSA5xxx — cryptography (§5.4 Crypto Libraries)
    internal static partial class RuleCatalog
    {
        private static readonly RuleDefinition[] CryptoRules =
        {
        };
    }
}
