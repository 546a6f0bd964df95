namespace SecureServices.Analyzers.CodeFixes.Transit
{
    /// <summary>Code action titles of the SSA2xxx fixes (equivalence keys derive from them: keep them stable).</summary>
    internal static class TransitFixTitles
    {
        public const string RemoveDangerousSetting = "Remove the setting that switches protection off";
        public const string UseSecureValue = "Use the secure value";
        public const string UseEncryptedScheme = "Use an encrypted connection";
    }
}
