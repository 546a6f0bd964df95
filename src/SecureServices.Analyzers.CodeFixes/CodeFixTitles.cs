namespace SecureServices.Analyzers.CodeFixes
{
    /// <summary>Code action titles (the IDE shows them in English; equivalence keys must stay stable).</summary>
    internal static class CodeFixTitles
    {
        public const string ReadSecretFromConfiguration = "Read the secret from configuration";
        public const string RequireAuthorization = "Require authorization on the endpoint";
        public const string AddAuthorizeAttribute = "Add [Authorize] to the class";
        public const string EnableTokenValidation = "Turn the token check back on";
        public const string UseSha256 = "Use SHA-256";
        public const string UseRandomNumberGenerator = "Use RandomNumberGenerator";
        public const string GuardWithIsDevelopment = "Only in Development (IsDevelopment())";
    }
}
