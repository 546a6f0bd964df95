using SecureServices.Analyzers.Catalog;
using SecureServices.Dockerfile.Parsing;

namespace SecureServices.Dockerfile
{
    /// <summary>One rule violation in one Dockerfile. Arguments fill the catalog message; they never hold a full secret.</summary>
    public sealed class Finding
    {
        public Finding(string ruleId, SourceSpan span, params object[] messageArguments)
        {
            RuleId = ruleId;
            Span = span;
            MessageArguments = messageArguments;
        }

        public string RuleId { get; }

        public SourceSpan Span { get; }

        /// <summary>Strings, or <see cref="LocalizedArgument"/>s and other <see cref="System.IFormattable"/>s formatted in the message's culture.</summary>
        public object[] MessageArguments { get; }

        /// <summary>The catalog message in the given culture (null: current UI culture).</summary>
        public string GetMessage(System.Globalization.CultureInfo? culture = null)
        {
            var args = new object?[MessageArguments.Length];
            for (var i = 0; i < args.Length; i++)
            {
                args[i] = MessageArguments[i] switch
                {
                    LocalizedArgument localized => localized.ToString(culture ?? LocalizedText.UiCulture),
                    System.IFormattable formattable => formattable.ToString(null, culture ?? LocalizedText.UiCulture),
                    var other => other,
                };
            }

            return RuleCatalog.Get(RuleId).FormatMessage(culture, args);
        }

        public override string ToString() => RuleId + Span;
    }
}
