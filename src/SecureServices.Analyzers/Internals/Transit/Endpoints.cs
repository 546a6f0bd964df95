using System;
using System.Collections.Immutable;
using System.Net;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureServices.Analyzers.Internals.Transit
{
    /// <summary>A URL's scheme and host, read without System.Uri (which accepts too much and throws on half-typed text).</summary>
    internal readonly struct EndpointAddress
    {
        public EndpointAddress(string scheme, string host, bool hostIsComplete)
        {
            Scheme = scheme;
            Host = host;
            HostIsComplete = hostIsComplete;
        }

        /// <summary>Lower-case scheme without "://".</summary>
        public string Scheme { get; }

        /// <summary>Lower-case host; IPv6 literals keep their brackets.</summary>
        public string Host { get; }

        public bool HostIsComplete { get; }
    }

    /// <summary>Hosts that never need TLS: the local machine, well-known XML/schema namespace hosts, and user-allowed hosts.</summary>
    internal static class Endpoints
    {
        public const string AllowedHostsOption = "allowed_cleartext_hosts";

        /// <summary>Hosts whose http:// URLs are namespace identifiers (XML, RDF, JSON schema), not endpoints.</summary>
        private static readonly ImmutableArray<string> NamespaceHosts = ImmutableArray.Create(
            "www.w3.org", "w3.org", "purl.org", "xmlns.com", "ns.adobe.com", "json-schema.org", "docs.oasis-open.org", "tempuri.org", "www.tempuri.org");

        /// <summary>Parses "scheme://[user@]host[:port]/…"; false when the text has no scheme or no host yet.</summary>
        public static bool TryParse(string text, bool isComplete, out EndpointAddress address)
        {
            address = default;
            var trimmed = text.TrimStart();
            var separator = trimmed.IndexOf("://", StringComparison.Ordinal);
            if (separator <= 0 || separator > 10)
            {
                return false;
            }

            var scheme = trimmed.Substring(0, separator);
            foreach (var c in scheme)
            {
                if (!(char.IsLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))
                {
                    return false;
                }
            }

            var start = separator + 3;
            var end = trimmed.IndexOfAny(new[] { '/', '?', '#' }, start);
            var authorityComplete = end >= 0 || isComplete;
            var authority = end >= 0 ? trimmed.Substring(start, end - start) : trimmed.Substring(start);
            var at = authority.LastIndexOf('@');
            if (at >= 0)
            {
                authority = authority.Substring(at + 1);
            }

            string host;
            if (authority.StartsWith("[", StringComparison.Ordinal))
            {
                var close = authority.IndexOf(']');
                if (close < 0)
                {
                    return false;
                }

                host = authority.Substring(0, close + 1);
                authorityComplete = true;
            }
            else
            {
                var colon = authority.IndexOf(':');
                if (colon >= 0)
                {
                    authorityComplete = true;
                }

                host = colon >= 0 ? authority.Substring(0, colon) : authority;
            }

            if (host.Length == 0)
            {
                return false;
            }

            address = new EndpointAddress(scheme.ToLowerInvariant(), host.ToLowerInvariant(), authorityComplete);
            return true;
        }

        /// <summary>localhost, *.localhost, 127.0.0.0/8, ::1, link-local 169.254.0.0/16, SQL Server's local names, and the "any address" placeholders 0.0.0.0 / [::] / * / +.</summary>
        public static bool IsLoopback(string host)
        {
            host = host.Trim().ToLowerInvariant().TrimEnd('.');
            if (host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal)
                || host == "*" || host == "+" || host == "0.0.0.0" || host == "[::]" || host == "::"
                || host == "." || host == "(local)" || host == "(localdb)" || host.StartsWith("(localdb)", StringComparison.Ordinal))
            {
                return true;
            }

            var bare = host.StartsWith("[", StringComparison.Ordinal) && host.EndsWith("]", StringComparison.Ordinal)
                ? host.Substring(1, host.Length - 2)
                : host;
            if (!IPAddress.TryParse(bare, out var ip) || !(bare.Contains(":") || bare.Split('.').Length == 4))
            {
                return false;
            }

            // Loopback, or link-local 169.254.0.0/16: the cloud instance-metadata endpoint, which only speaks http.
            var bytes = ip.GetAddressBytes();
            return IPAddress.IsLoopback(ip) || (bytes.Length == 4 && bytes[0] == 169 && bytes[1] == 254);
        }

        public static bool IsNamespaceHost(string host)
            => NamespaceHosts.Contains(host) || host.StartsWith("schemas.", StringComparison.Ordinal);

        /// <summary>True for the local machine or a host in <c>secureservices.allowed_cleartext_hosts</c> (exact, or "*.suffix").</summary>
        public static bool IsExempt(string host, ImmutableArray<string> allowed)
        {
            if (IsLoopback(host))
            {
                return true;
            }

            foreach (var entry in allowed)
            {
                var pattern = entry.Trim().ToLowerInvariant();
                if (pattern.Length == 0)
                {
                    continue;
                }

                if (pattern.StartsWith("*.", StringComparison.Ordinal)
                    ? host.EndsWith(pattern.Substring(1), StringComparison.Ordinal)
                    : host == pattern)
                {
                    return true;
                }
            }

            return false;
        }

        public static ImmutableArray<string> AllowedHosts(AnalyzerOptions options, SyntaxTree tree)
            => SecureServicesOptions.GetList(options, tree, AllowedHostsOption);
    }
}
