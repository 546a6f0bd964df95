using SecureServices.Analyzers.Catalog;
using SecureServices.Dockerfile.Parsing;

namespace SecureServices.Dockerfile
{
    /// <summary>One rule violation in one Dockerfile. Arguments fill the catalog message; they never hold a full secret.</summary>
    public sealed class Finding
    {
        public Finding(string ruleId, SourceSpan span, params string[] messageArguments)
        {
            RuleId = ruleId;
            Span = span;
            MessageArguments = messageArguments;
        }

        public string RuleId { get; }

        public SourceSpan Span { get; }

        public string[] MessageArguments { get; }

        /// <summary>The catalog message in the given culture (null: current UI culture).</summary>
        public string GetMessage(System.Globalization.CultureInfo? culture = null)
            => RuleCatalog.Get(RuleId).FormatMessage(culture, MessageArguments);

        public override string ToString() => RuleId + Span;
    }
}
