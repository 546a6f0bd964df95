using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace SecureServices.Analyzers.Internals
{
    /// <summary>Cheap checks on candidate secret values: what is obviously not a secret.</summary>
    internal static class SecretValues
    {
        /// <summary>
        /// Empty or blank strings, masks (<c>***</c>, <c>xxxx</c>), format holes (<c>{0}</c>) and placeholders
        /// for values injected later (<c>${DB_PASSWORD}</c>, <c>%PASSWORD%</c>, <c>&lt;your-key-here&gt;</c>, <c>#{Token}#</c>).
        /// </summary>
        public static bool IsPlaceholder(string value)
        {
            var v = value.Trim();
            if (v.Length == 0)
            {
                return true;
            }

            if (IsSingleRepeatedChar(v))
            {
                return true;
            }

            var first = v[0];
            var last = v[v.Length - 1];
            return (first == '$' && v.Length > 2 && (v[1] == '{' || v[1] == '(') && (last == '}' || last == ')'))
                || (first == '%' && last == '%' && v.Length > 2)
                || (first == '<' && last == '>')
                || (first == '{' && last == '}')
                || (first == '#' && v.Length > 2 && v[1] == '{' && last == '#')
                || (first == '[' && last == ']' && v.IndexOf(' ') < 0 && v.Length > 2);
        }

        private static readonly ImmutableArray<string> PlaceholderMarkers = ImmutableArray.Create(new[]
        {
            "your-", "your_", "yourpassword", "yoursecret", "yourkey", "your password", "your key", "replace", "placeholder",
            "todo", "tbd", "fixme", "insert", "example", "redacted", "user-secrets", "set-in-", "not-set", "notset",
        });

        private static readonly ImmutableArray<string> SentenceStarts = ImmutableArray.Create(
            "Enter ", "Please ", "Your ", "The ", "Invalid ", "Type ", "Confirm ", "Wrong ", "Incorrect ", "Missing ");

        /// <summary>
        /// A literal that, given to a secret-named symbol, is still not a secret: a placeholder (<see cref="IsPlaceholder"/>),
        /// a "your-key-here" marker, a label equal to the name ("Password"), UI text ("Password is required."), a
        /// configuration key ("Db:Password"), an environment-variable name ("DB_PASSWORD"), a URL or route ("/login"),
        /// a format string ("{0}"), or one of <paramref name="ignoredValues"/>.
        /// </summary>
        public static bool IsNotASecret(string value, string holderName, IReadOnlyCollection<string>? ignoredValues = null)
        {
            if (IsPlaceholder(value))
            {
                return true;
            }

            var v = value.Trim();
            if (ignoredValues != null)
            {
                foreach (var ignored in ignoredValues)
                {
                    if (string.Equals(v, ignored, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            foreach (var marker in PlaceholderMarkers)
            {
                if (v.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            if (IsLabelOf(v, holderName))
            {
                return true;
            }

            var hasSpace = v.IndexOf(' ') >= 0;
            if (hasSpace)
            {
                var lastChar = v[v.Length - 1];
                if (lastChar == '.' || lastChar == ':' || lastChar == '?' || lastChar == '!')
                {
                    return true;
                }

                foreach (var start in SentenceStarts)
                {
                    if (v.StartsWith(start, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            return v[0] == '/' || v.StartsWith("~/", StringComparison.Ordinal) || v.IndexOf("://", StringComparison.Ordinal) >= 0
                || HasFormatHole(v) || IsConfigurationKey(v) || IsEnvironmentVariableName(v) || IsFileName(v);
        }

        /// <summary>
        /// A label or a wire name rather than a value: "Password" or "API Key" for a symbol named password / apiKey, and
        /// parameter or header names such as "access_token", "client_secret", "X-Api-Key". A lower-case single word
        /// ("password" given to a password) is a weak password, not a label.
        /// </summary>
        private static bool IsLabelOf(string v, string holderName)
        {
            var normalizedName = Letters(holderName);
            if (normalizedName.Length == 0)
            {
                return false; // positional arguments before their parameter is known: no second copy of the value
            }

            var normalizedValue = Letters(v);
            if (normalizedValue.Length < 3)
            {
                return false;
            }

            var hasSeparator = v.IndexOf('_') >= 0 || v.IndexOf('-') >= 0 || v.IndexOf('.') >= 0 || v.IndexOf(' ') >= 0;
            if (normalizedName.EndsWith(normalizedValue, StringComparison.OrdinalIgnoreCase))
            {
                return char.IsUpper(v[0]) || hasSeparator;
            }

            return hasSeparator && normalizedValue.EndsWith(normalizedName, StringComparison.OrdinalIgnoreCase);
        }

        private static readonly ImmutableArray<string> FileExtensions = ImmutableArray.Create(".pem", ".pfx", ".p12", ".key", ".crt", ".cer", ".json", ".xml", ".txt", ".config");

        /// <summary>"certs/private.pem", "signing.pfx": where the secret is, not the secret.</summary>
        private static bool IsFileName(string v)
        {
            if (v.IndexOf(' ') >= 0)
            {
                return false;
            }

            foreach (var extension in FileExtensions)
            {
                if (v.Length > extension.Length && v.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Letters(string s)
        {
            if (s.Length == 0)
            {
                return s;
            }

            var chars = new char[s.Length];
            var n = 0;
            foreach (var c in s)
            {
                if (char.IsLetterOrDigit(c))
                {
                    chars[n++] = c;
                }
            }

            return new string(chars, 0, n);
        }

        private static bool HasFormatHole(string v)
        {
            var open = v.IndexOf('{');
            return open >= 0 && open + 2 < v.Length && char.IsDigit(v[open + 1]) && (v[open + 2] == '}' || v[open + 2] == ':' || v[open + 2] == ',');
        }

        /// <summary>"Db:Password", "ConnectionStrings:Default", "Jwt:SigningKey": PascalCase segments separated by ':'.</summary>
        public static bool IsConfigurationKey(string v)
        {
            if (v.IndexOf(':') <= 0 || v[v.Length - 1] == ':')
            {
                return false;
            }

            foreach (var segment in v.Split(':'))
            {
                if (segment.Length == 0 || !char.IsUpper(segment[0]))
                {
                    return false;
                }

                foreach (var c in segment)
                {
                    if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '-'))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>"DB_PASSWORD", "API_KEY": an upper-case name that mentions what it holds.</summary>
        private static bool IsEnvironmentVariableName(string v)
        {
            if (v.IndexOf('_') < 0)
            {
                return false;
            }

            foreach (var c in v)
            {
                if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
                {
                    return false;
                }
            }

            return v.IndexOf("PASSWORD", StringComparison.Ordinal) >= 0 || v.IndexOf("SECRET", StringComparison.Ordinal) >= 0
                || v.IndexOf("KEY", StringComparison.Ordinal) >= 0 || v.IndexOf("TOKEN", StringComparison.Ordinal) >= 0
                || v.IndexOf("PWD", StringComparison.Ordinal) >= 0;
        }

        /// <summary>Shannon entropy of the characters of <paramref name="value"/>, in bits per character.</summary>
        public static double Entropy(string value)
        {
            if (value.Length == 0)
            {
                return 0;
            }

            var counts = new Dictionary<char, int>();
            foreach (var c in value)
            {
                counts.TryGetValue(c, out var n);
                counts[c] = n + 1;
            }

            double entropy = 0;
            foreach (var n in counts.Values)
            {
                var p = (double)n / value.Length;
                entropy -= p * Math.Log(p, 2);
            }

            return entropy;
        }

        /// <summary>
        /// Looks like generated key material: at least 20 characters, upper and lower case letters and digits, no blanks
        /// or path/key separators, and at least <paramref name="minimumEntropy"/> bits of entropy per character.
        /// </summary>
        public static bool LooksRandom(string value, double minimumEntropy)
        {
            if (value.Length < 20)
            {
                return false;
            }

            bool upper = false, lower = false, digit = false;
            foreach (var c in value)
            {
                if (char.IsWhiteSpace(c) || c == ':' || c == '/' || c == '\\' || c == '.' || c == '{' || c == '}')
                {
                    return false;
                }

                upper |= c >= 'A' && c <= 'Z';
                lower |= c >= 'a' && c <= 'z';
                digit |= c >= '0' && c <= '9';
            }

            return upper && lower && digit && !IsWordLike(value) && Entropy(value) >= minimumEntropy;
        }

        /// <summary>
        /// PascalCase or snake_case words ("OrdersCacheKeyForRegion2024"): most letters sit in lower-case runs of 3 or
        /// more, which random text rarely has (about 7% of positions for base62).
        /// </summary>
        private static bool IsWordLike(string value)
        {
            var inRuns = 0;
            var run = 0;
            for (var i = 0; i <= value.Length; i++)
            {
                if (i < value.Length && value[i] >= 'a' && value[i] <= 'z')
                {
                    run++;
                    continue;
                }

                if (run >= 3)
                {
                    inRuns += run;
                }

                run = 0;
            }

            return inRuns * 2 >= value.Length;
        }

        private static bool IsSingleRepeatedChar(string v)
        {
            for (var i = 1; i < v.Length; i++)
            {
                if (v[i] != v[0])
                {
                    return false;
                }
            }

            return v[0] == '*' || v[0] == 'x' || v[0] == 'X' || v[0] == '.' || v[0] == '-' || v[0] == '?' || v.Length == 1;
        }
    }
}
