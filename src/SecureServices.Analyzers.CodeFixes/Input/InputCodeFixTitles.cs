namespace SecureServices.Analyzers.CodeFixes.Input
{
    /// <summary>Code action titles of the input-validation fixes (equivalence keys must stay stable).</summary>
    internal static class InputCodeFixTitles
    {
        public const string UseInterpolatedSql = "Use the interpolated SQL API (values become parameters)";
        public const string AddRegexTimeout = "Add a match timeout";
        public const string UseTypeNameHandlingNone = "Use TypeNameHandling.None";
    }
}
