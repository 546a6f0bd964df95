using System;
using System.Collections.Generic;

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

        private static readonly string[] PlaceholderMarkers =
        {
            "your-", "your_", "yourpassword", "yoursecret", "yourkey", "your password", "your key", "replace", "placeholder",
            "todo", "tbd", "fixme", "insert", "example", "redacted", "user-secrets", "set-in-", "not-set", "notset",
        };

        private static readonly string[] SentenceStarts =
        {
            "Enter ", "Please ", "Your ", "The ", "Invalid ", "Type ", "Confirm ", "Wrong ", "Incorrect ", "Missing ",
        };

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
                || HasFormatHole(v) || IsConfigurationKey(v) || IsEnvironmentVariableName(v);
        }

        /// <summary>"Password", "API key" for a symbol named password / apiKey: a label, not a value.</summary>
        private static bool IsLabelOf(string v, string holderName)
        {
            var normalizedValue = Letters(v);
            if (normalizedValue.Length == 0)
            {
                return false;
            }

            var normalizedName = Letters(holderName);
            return normalizedName.EndsWith(normalizedValue, StringComparison.OrdinalIgnoreCase)
                && normalizedValue.Length >= 3
                && char.IsUpper(v[0]); // "Password" is a label; "password" given to a password is a (weak) password
        }

        private static string Letters(string s)
        {
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
