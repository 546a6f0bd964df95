// The rule catalog is plain C# with no Roslyn dependency: it is compiled into the analyzer assembly
// and linked into the Dockerfile engine, so both halves of the package agree on ids, texts and severities.
using System;
using System.Collections.ObjectModel;
using System.Globalization;

namespace SecureServices.Analyzers.Catalog
{
    /// <summary>Where a rule's findings come from.</summary>
    internal enum RuleSurface
    {
        /// <summary>A Roslyn analyzer over C# code (or AdditionalFiles).</summary>
        CSharp,
        /// <summary>The Dockerfile engine, reported by the MSBuild task.</summary>
        Dockerfile,
    }

    /// <summary>Default severity, mirroring the .editorconfig vocabulary.</summary>
    internal enum RuleSeverity
    {
        None,
        Hidden,
        Suggestion,
        Warning,
        Error,
    }

    /// <summary>An English text and its French translation. English is the default.</summary>
    internal readonly struct LocalizedText
    {
        public LocalizedText(string english, string french)
        {
            English = english;
            French = french;
        }

        public string English { get; }

        public string French { get; }

        /// <summary>Picks the text for <paramref name="culture"/> (or the current UI culture).</summary>
        public string Get(CultureInfo? culture)
        {
            return IsFrench(culture ?? UiCulture) ? French : English;
        }

        // Exactly what ResourceManager does for a null culture (LocalizableResourceString relies on it):
        // Roslyn passes the build's culture (csc /preferreduilang) whenever it has one.
#pragma warning disable RS1035 // CurrentUICulture: only the fallback when no culture is given
        internal static CultureInfo UiCulture => CultureInfo.CurrentUICulture;
#pragma warning restore RS1035

        public static bool IsFrench(CultureInfo culture)
        {
            for (var c = culture; c != null && !string.IsNullOrEmpty(c.Name); c = c.Parent)
            {
                if (string.Equals(c.TwoLetterISOLanguageName, "fr", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        public override string ToString() => English;
    }

    /// <summary>One rule: everything a descriptor, a task finding, a docs header and the README table need.</summary>
    internal sealed class RuleDefinition
    {
        public const string HelpBaseUri = "https://github.com/secureservices/SecureServices.Analyzers/blob/main/docs/rules/";

        public RuleDefinition(
            string id,
            RuleSurface surface,
            string category,
            RuleSeverity severity,
            string[] guidance,
            int cwe,
            LocalizedText title,
            LocalizedText message,
            LocalizedText description)
        {
            Id = id;
            Surface = surface;
            Category = category;
            DefaultSeverity = severity;
            Guidance = new ReadOnlyCollection<string>((string[])guidance.Clone());
            Cwe = cwe;
            Title = title;
            Message = message;
            Description = description;
        }

        /// <summary>SSA + four digits; public API, never reused or renumbered.</summary>
        public string Id { get; }

        public RuleSurface Surface { get; }

        /// <summary>Roslyn category, e.g. "Security.Secrets".</summary>
        public string Category { get; }

        public RuleSeverity DefaultSeverity { get; }

        /// <summary>Guidance section numbers (keys of <see cref="GuidanceSections.Titles"/>), most specific first.</summary>
        public ReadOnlyCollection<string> Guidance { get; }

        /// <summary>The CWE the rule maps to, or 0 when none fits.</summary>
        public int Cwe { get; }

        public LocalizedText Title { get; }

        /// <summary>Composite format string; arguments are described in the rule's docs page.</summary>
        public LocalizedText Message { get; }

        public LocalizedText Description { get; }

        public string HelpLink => HelpBaseUri + Id + ".md";

        public bool IsEnabledByDefault => DefaultSeverity != RuleSeverity.None;

        public string FormatMessage(CultureInfo? culture, params object?[] args)
        {
            var format = Message.Get(culture);
            try
            {
                return string.Format(culture ?? LocalizedText.UiCulture, format, args);
            }
            catch (FormatException)
            {
                return format;
            }
        }
    }
}
