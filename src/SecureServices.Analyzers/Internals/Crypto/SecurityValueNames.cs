using System.Collections.Immutable;

namespace SecureServices.Analyzers.Internals.Crypto
{
    /// <summary>
    /// Does a name say it holds a security value (token, key, salt, nonce, IV, password, one-time code…)?
    /// Word-based (<see cref="IdentifierWords"/>), with the common non-security uses of the same words excluded:
    /// <c>cancellationToken</c>, <c>cacheKey</c>, <c>partitionKey</c>, <c>statusCode</c>, <c>retryDelay</c>.
    /// </summary>
    internal static class SecurityValueNames
    {
        private static readonly ImmutableHashSet<string> AlwaysSecurity = ImmutableHashSet.Create(
            "token", "tokens", "salt", "nonce", "password", "passwd", "pwd", "passphrase", "secret", "secrets",
            "otp", "totp", "hotp", "apikey", "csrf", "xsrf", "pepper", "iv", "pin");

        private static readonly ImmutableHashSet<string> NotSecurityTokenPrefix = ImmutableHashSet.Create(
            "cancellation", "continuation", "page", "paging", "next", "lexer", "parser", "syntax", "change");

        private static readonly ImmutableHashSet<string> NotSecurityKeyPrefix = ImmutableHashSet.Create(
            "cache", "partition", "primary", "sort", "foreign", "lookup", "routing", "dictionary", "shard", "idempotency",
            "row", "composite", "map", "entry", "group", "bucket", "redis", "feature", "message", "order", "unique",
            "registry", "resource", "localization", "config", "configuration", "setting", "settings", "dedup", "correlation");

        private static readonly ImmutableHashSet<string> SecurityCodePrefix = ImmutableHashSet.Create(
            "verification", "confirmation", "reset", "otp", "auth", "authentication", "authorization", "access", "activation",
            "security", "recovery", "login", "signin", "mfa", "twofactor", "2fa", "invite", "invitation", "sms", "email",
            "pin", "unlock", "pairing", "device", "user", "one", "single", "backup");

        /// <summary><c>tokenCount</c>, <c>saltLength</c>, <c>maxTokens</c>: a quantity of security values, not one.</summary>
        private static readonly ImmutableHashSet<string> QuantityWords = ImmutableHashSet.Create(
            "count", "counts", "length", "size", "limit", "limits", "number", "budget", "max", "min", "num", "total");

        private static readonly ImmutableHashSet<string> NotSecurityWords = ImmutableHashSet.Create(
            "jitter", "delay", "backoff", "sample", "sampling", "shuffle", "shuffled", "test", "fake", "dummy", "mock",
            "demo", "color", "colour", "retry", "latency", "chaos", "noise", "placeholder", "example");

        /// <summary>True when <paramref name="identifier"/> names a security value.</summary>
        public static bool IsSecurityValue(string? identifier)
        {
            if (string.IsNullOrEmpty(identifier))
            {
                return false;
            }

            var words = IdentifierWords.Split(identifier!);
            if (words.Count == 0)
            {
                return false;
            }

            foreach (var w in words)
            {
                if (NotSecurityWords.Contains(w))
                {
                    return false;
                }
            }

            if (QuantityWords.Contains(words[words.Count - 1]) || (words.Count > 1 && QuantityWords.Contains(words[0])))
            {
                return false;
            }

            for (var i = 0; i < words.Count; i++)
            {
                var w = words[i];
                var previous = i > 0 ? words[i - 1] : null;
                if (w == "token" || w == "tokens")
                {
                    if (previous == null || !NotSecurityTokenPrefix.Contains(previous))
                    {
                        return true;
                    }

                    continue;
                }

                if (AlwaysSecurity.Contains(w))
                {
                    return true;
                }

                if ((w == "key" || w == "keys") && i == words.Count - 1)
                {
                    if (previous == null || !NotSecurityKeyPrefix.Contains(previous))
                    {
                        return true;
                    }
                }

                if ((w == "code" || w == "codes") && previous != null && SecurityCodePrefix.Contains(previous))
                {
                    return true;
                }

                if (w == "session" && i + 1 < words.Count && (words[i + 1] == "id" || words[i + 1] == "key"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A result that is plainly a cache key or an ETag (the MD5/SHA-1 heuristic of SSA5001).</summary>
        public static bool IsCacheKeyOrETag(string? identifier)
        {
            if (string.IsNullOrEmpty(identifier))
            {
                return false;
            }

            var words = IdentifierWords.Split(identifier!);
            for (var i = 0; i < words.Count; i++)
            {
                if (words[i] == "etag" || words[i] == "etags"
                    || (words[i] == "e" && i + 1 < words.Count && (words[i + 1] == "tag" || words[i + 1] == "tags"))
                    || (words[i] == "cache" && i + 1 < words.Count && (words[i + 1] == "key" || words[i + 1] == "keys")))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The name's last word (with the word before it) names a security value: <c>GenerateToken</c>, <c>CreateApiKey</c>,
        /// <c>NewResetCode</c>; not <c>GetTokenEndpoint</c> or <c>ReadPasswordPolicy</c>, which only mention one.
        /// </summary>
        public static bool EndsWithSecurityValue(string? identifier)
        {
            if (string.IsNullOrEmpty(identifier))
            {
                return false;
            }

            var words = IdentifierWords.Split(identifier!);
            if (words.Count == 0)
            {
                return false;
            }

            var last = words[words.Count - 1];
            var tail = words.Count > 1 ? words[words.Count - 2] + "_" + last : last;
            return IsSecurityValue(tail) && (IsSecurityValue(last) || last == "code" || last == "codes" || last == "id" || last == "key");
        }

        /// <summary>True when the name says the value is for jitter, delays, sampling, tests…: never a security value.</summary>
        public static bool IsExplicitlyNotSecurity(string? identifier)
        {
            if (string.IsNullOrEmpty(identifier))
            {
                return false;
            }

            foreach (var w in IdentifierWords.Split(identifier!))
            {
                if (NotSecurityWords.Contains(w))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
