using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SecureServices.Analyzers.Internals.Transit
{
    /// <summary>
    /// Diagnostic properties that tell the SSA2xxx code fix what to write: either a C# expression replacing
    /// the reported expression, or a text replacement inside the string literal given as additional location.
    /// </summary>
    internal static class TransitFix
    {
        public const string Replacement = "Replacement";
        public const string Find = "Find";
        public const string Replace = "Replace";

        public static ImmutableDictionary<string, string?> WithReplacement(string expression)
            => ImmutableDictionary<string, string?>.Empty.Add(Replacement, expression);

        /// <summary>Properties and additional locations for a literal edit; none when the text is not literally in the source.</summary>
        public static (ImmutableDictionary<string, string?> Properties, Location[] Locations) InLiteral(TransitString value, string find, string replace)
        {
            if (value.Literal == null || value.Literal.ToString().IndexOf(find.Split('\n')[0], System.StringComparison.Ordinal) < 0)
            {
                return (ImmutableDictionary<string, string?>.Empty, System.Array.Empty<Location>());
            }

            return (
                ImmutableDictionary<string, string?>.Empty.Add(Find, find).Add(Replace, replace),
                new[] { value.Literal.GetLocation() });
        }
    }
}
