#nullable enable

using System;

namespace SecureServices.Analyzers.Internals.SecretDetection
{
    /// <summary>
    /// Finds a literal password inside a connection string (<c>Server=…;Password=…</c>, <c>Pwd=</c>, Redis
    /// <c>host:6379,password=…</c>) or in a URI's user information (<c>amqp://user:pass@host</c>). Roslyn-free and
    /// dependency-free like <see cref="SecretTokenDetector"/>; the reported span is the password only.
    /// </summary>
    internal static class ConnectionStringCredentials
    {
        public const string ConnectionStringKind = "connection string";
        public const string UriKind = "URI";

        /// <summary>Finds the first hard-coded password; null/empty safe; never throws.</summary>
        public static bool TryFind(string? text, out SecretToken token)
        {
            token = default;
            if (text == null || text.Length < 8)
            {
                return false;
            }

            try
            {
                return TryFindInUri(text, out token) || TryFindInConnectionString(text, out token);
            }
            catch (Exception)
            {
                token = default;
                return false;
            }
        }

        private static bool TryFindInUri(string s, out SecretToken token)
        {
            token = default;
            var from = 0;
            while (true)
            {
                var scheme = s.IndexOf("://", from, StringComparison.Ordinal);
                if (scheme <= 0)
                {
                    return false;
                }

                from = scheme + 3;
                var userStart = from;
                var k = userStart;
                var colon = -1;
                while (k < s.Length && s[k] != '@' && s[k] != '/' && s[k] != '?' && s[k] != '#' && !char.IsWhiteSpace(s[k]) && s[k] != '"' && s[k] != '\'')
                {
                    if (s[k] == ':' && colon < 0)
                    {
                        colon = k;
                    }

                    k++;
                }

                if (k < s.Length && s[k] == '@' && colon >= userStart && k > colon + 1 && k + 1 < s.Length && IsHostStart(s[k + 1]))
                {
                    var start = colon + 1;
                    var length = k - start;
                    if (!IsPlaceholderValue(s.Substring(start, length)))
                    {
                        token = new SecretToken(UriKind, start, length);
                        return true;
                    }
                }
            }
        }

        private static bool TryFindInConnectionString(string s, out SecretToken token)
        {
            token = default;
            if (s.IndexOf('=') < 0
                || (s.IndexOf("pass", StringComparison.OrdinalIgnoreCase) < 0 && s.IndexOf("pwd", StringComparison.OrdinalIgnoreCase) < 0))
            {
                return false;
            }

            // Segments separated by ';' (ADO.NET, Npgsql, MySQL, Oracle) or ',' (StackExchange.Redis).
            var assignments = 0;
            var found = -1;
            var foundLength = 0;
            var segmentStart = 0;
            for (var i = 0; i <= s.Length; i++)
            {
                if (i < s.Length && s[i] != ';' && s[i] != ',')
                {
                    continue;
                }

                var equals = s.IndexOf('=', segmentStart, i - segmentStart);
                if (equals > segmentStart)
                {
                    assignments++;
                    var key = s.Substring(segmentStart, equals - segmentStart).Trim();
                    if (found < 0 && IsPasswordKey(key))
                    {
                        var valueStart = equals + 1;
                        var valueEnd = i;
                        while (valueStart < valueEnd && char.IsWhiteSpace(s[valueStart]))
                        {
                            valueStart++;
                        }

                        while (valueEnd > valueStart && char.IsWhiteSpace(s[valueEnd - 1]))
                        {
                            valueEnd--;
                        }

                        if (valueEnd - valueStart >= 2 && (s[valueStart] == '\'' || s[valueStart] == '"') && s[valueEnd - 1] == s[valueStart])
                        {
                            valueStart++;
                            valueEnd--;
                        }

                        if (valueEnd > valueStart && !IsPlaceholderValue(s.Substring(valueStart, valueEnd - valueStart)))
                        {
                            found = valueStart;
                            foundLength = valueEnd - valueStart;
                        }
                    }
                }

                segmentStart = i + 1;
            }

            // A lone "password=x" is more likely a query string or prose than a connection string.
            if (found < 0 || assignments < 2)
            {
                return false;
            }

            token = new SecretToken(ConnectionStringKind, found, foundLength);
            return true;
        }

        private static bool IsPasswordKey(string key)
            => key.Equals("password", StringComparison.OrdinalIgnoreCase)
            || key.Equals("pwd", StringComparison.OrdinalIgnoreCase)
            || key.Equals("user password", StringComparison.OrdinalIgnoreCase)
            || key.Equals("sasl.password", StringComparison.OrdinalIgnoreCase)
            || key.Equals("ssl.key.password", StringComparison.OrdinalIgnoreCase);

        private static bool IsHostStart(char c) => char.IsLetterOrDigit(c) || c == '[' || c == '{' || c == '$' || c == '%';

        /// <summary>Empty, masked, format holes, variables and "your-password"-style placeholders.</summary>
        private static bool IsPlaceholderValue(string value)
        {
            var v = value.Trim();
            if (v.Length == 0)
            {
                return true;
            }

            var first = v[0];
            var last = v[v.Length - 1];
            if ((first == '{' && last == '}') || (first == '<' && last == '>') || (first == '%' && last == '%') || (first == '[' && last == ']')
                || v.StartsWith("${", StringComparison.Ordinal) || v.StartsWith("$(", StringComparison.Ordinal) || v[0] == '$'
                || v.StartsWith("#{", StringComparison.Ordinal) || v.StartsWith("{{", StringComparison.Ordinal))
            {
                return true;
            }

            var masked = true;
            foreach (var c in v)
            {
                if (c != '*' && c != 'x' && c != 'X' && c != '.')
                {
                    masked = false;
                    break;
                }
            }

            return masked
                || v.IndexOf("your", StringComparison.OrdinalIgnoreCase) >= 0
                || v.IndexOf("placeholder", StringComparison.OrdinalIgnoreCase) >= 0
                || v.IndexOf("replace", StringComparison.OrdinalIgnoreCase) >= 0
                || v.IndexOf("{0}", StringComparison.Ordinal) >= 0;
        }
    }
}
