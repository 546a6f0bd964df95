using System;
using System.Collections.Generic;

namespace SecureServices.Analyzers.Internals
{
    /// <summary>Splits identifiers such as <c>dbPassword</c>, <c>DB_PASSWORD</c> or <c>ApiKeyV2</c> into lower-case words.</summary>
    internal static class IdentifierWords
    {
        public static List<string> Split(string identifier)
        {
            var words = new List<string>(4);
            var start = -1;
            for (var i = 0; i < identifier.Length; i++)
            {
                var c = identifier[i];
                if (!char.IsLetterOrDigit(c))
                {
                    Flush(identifier, ref start, i, words);
                    continue;
                }

                if (start >= 0 && IsBoundary(identifier, i))
                {
                    Flush(identifier, ref start, i, words);
                }

                if (start < 0)
                {
                    start = i;
                }
            }

            Flush(identifier, ref start, identifier.Length, words);
            return words;
        }

        /// <summary>The last word of <paramref name="identifier"/>, lower-case, or empty.</summary>
        public static string LastWord(string identifier)
        {
            var words = Split(identifier);
            return words.Count == 0 ? string.Empty : words[words.Count - 1];
        }

        /// <summary><c>dbPassword</c> → <c>Db:Password</c> (a configuration key).</summary>
        public static string ToConfigurationKey(IReadOnlyList<string> words)
        {
            var parts = new string[words.Count];
            for (var i = 0; i < words.Count; i++)
            {
                var w = words[i];
                parts[i] = w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w.Substring(1);
            }

            return string.Join(":", parts);
        }

        /// <summary><c>dbPassword</c> → <c>DB_PASSWORD</c> (an environment variable name).</summary>
        public static string ToEnvironmentVariable(IReadOnlyList<string> words)
            => string.Join("_", words).ToUpperInvariant();

        private static bool IsBoundary(string s, int i)
        {
            var c = s[i];
            var prev = s[i - 1];
            if (char.IsUpper(c))
            {
                // fooBar | FOOBar (the B starts "Bar" when followed by a lower-case letter)
                return char.IsLower(prev) || char.IsDigit(prev)
                    || (char.IsUpper(prev) && i + 1 < s.Length && char.IsLower(s[i + 1]));
            }

            // v2Key: digits stay with the word before them.
            return false;
        }

        private static void Flush(string s, ref int start, int end, List<string> words)
        {
            if (start >= 0 && end > start)
            {
                words.Add(s.Substring(start, end - start).ToLowerInvariant());
            }

            start = -1;
        }
    }
}
