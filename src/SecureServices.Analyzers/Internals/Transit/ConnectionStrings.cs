using System;
using System.Collections.Generic;

namespace SecureServices.Analyzers.Internals.Transit
{
    /// <summary>A setting in a connection string that turns encryption or certificate checks off.</summary>
    internal readonly struct ConnectionStringProblem
    {
        public ConnectionStringProblem(string segment, string fixedSegment)
        {
            Segment = segment;
            FixedSegment = fixedSegment;
        }

        /// <summary>The "key=value" text as written ("Encrypt=False").</summary>
        public string Segment { get; }

        /// <summary>The secure replacement ("Encrypt=True").</summary>
        public string FixedSegment { get; }
    }

    /// <summary>
    /// Reads ADO.NET "key=value;…" connection strings (SQL Server, PostgreSQL) and mongodb:// URLs just enough
    /// to find the hosts and the encryption settings. Values are never echoed except the offending setting.
    /// </summary>
    internal static class ConnectionStrings
    {
        public static List<ConnectionStringProblem> Problems(string text, out List<string> hosts)
        {
            var problems = new List<ConnectionStringProblem>();
            hosts = new List<string>();
            var trimmed = text.Trim();
            if (trimmed.StartsWith("mongodb://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("mongodb+srv://", StringComparison.OrdinalIgnoreCase))
            {
                MongoProblems(trimmed, problems, hosts);
                return problems;
            }

            foreach (var raw in trimmed.Split(';'))
            {
                var eq = raw.IndexOf('=');
                if (eq <= 0)
                {
                    continue;
                }

                var key = Normalize(raw.Substring(0, eq));
                var value = raw.Substring(eq + 1).Trim().Trim('"', '\'');
                var segment = raw.Trim();
                var keyText = segment.Substring(0, segment.IndexOf('=') + 1);
                switch (key)
                {
                    case "server":
                    case "datasource":
                    case "address":
                    case "addr":
                    case "networkaddress":
                    case "host":
                        foreach (var host in value.Split(','))
                        {
                            if (host.Trim().Length > 0)
                            {
                                hosts.Add(BodyScan.StripPort(host));
                            }

                            if (key != "host")
                            {
                                break; // SQL Server: "db,1433" is host and port.
                            }
                        }

                        break;
                    case "encrypt":
                        if (Is(value, "false", "no", "optional"))
                        {
                            problems.Add(new ConnectionStringProblem(segment, keyText + Cased(value, "True")));
                        }

                        break;
                    case "trustservercertificate":
                        if (Is(value, "true", "yes"))
                        {
                            problems.Add(new ConnectionStringProblem(segment, keyText + Cased(value, "False")));
                        }

                        break;
                    case "sslmode":
                        if (Is(value, "disable", "allow", "prefer"))
                        {
                            problems.Add(new ConnectionStringProblem(segment, keyText + Cased(value, "Require")));
                        }

                        break;
                }
            }

            return problems;
        }

        private static void MongoProblems(string url, List<ConnectionStringProblem> problems, List<string> hosts)
        {
            var start = url.IndexOf("://", StringComparison.Ordinal) + 3;
            var end = url.IndexOfAny(new[] { '/', '?' }, start);
            var authority = end < 0 ? url.Substring(start) : url.Substring(start, end - start);
            var at = authority.LastIndexOf('@');
            foreach (var host in (at >= 0 ? authority.Substring(at + 1) : authority).Split(','))
            {
                hosts.Add(BodyScan.StripPort(host));
            }

            var query = url.IndexOf('?');
            if (query < 0)
            {
                return;
            }

            foreach (var raw in url.Substring(query + 1).Split('&', ';'))
            {
                var eq = raw.IndexOf('=');
                if (eq <= 0)
                {
                    continue;
                }

                var key = raw.Substring(0, eq).ToLowerInvariant();
                var value = raw.Substring(eq + 1);
                if ((key == "tls" || key == "ssl") && Is(value, "false"))
                {
                    problems.Add(new ConnectionStringProblem(raw, raw.Substring(0, eq + 1) + Cased(value, "True")));
                }
                else if ((key == "tlsinsecure" || key == "tlsallowinvalidcertificates" || key == "tlsallowinvalidhostnames") && Is(value, "true"))
                {
                    problems.Add(new ConnectionStringProblem(raw, raw.Substring(0, eq + 1) + Cased(value, "False")));
                }
            }
        }

        private static string Normalize(string key)
        {
            var chars = new List<char>(key.Length);
            foreach (var ch in key)
            {
                if (!char.IsWhiteSpace(ch) && ch != '_')
                {
                    chars.Add(char.ToLowerInvariant(ch));
                }
            }

            return new string(chars.ToArray());
        }

        private static bool Is(string value, params string[] candidates)
        {
            foreach (var candidate in candidates)
            {
                if (value.Equals(candidate, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The replacement in the casing the user wrote ("false" → "true", "FALSE" → "TRUE", "False" → "True").</summary>
        private static string Cased(string original, string replacement)
        {
            if (original.Length > 0 && original == original.ToLowerInvariant())
            {
                return replacement.ToLowerInvariant();
            }

            return original.Length > 1 && original == original.ToUpperInvariant() ? replacement.ToUpperInvariant() : replacement;
        }
    }
}
