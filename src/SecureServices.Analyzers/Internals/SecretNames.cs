using System;
using System.Collections.Generic;

namespace SecureServices.Analyzers.Internals
{
    /// <summary>Does a name say that it holds a secret?</summary>
    internal static class SecretNames
    {
        // The secret word must be the subject of the name — its last word — so PasswordPolicy,
        // PasswordLength or SecretName (which hold no secret) are not matched.
        private static readonly HashSet<string> PasswordWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "password", "passwd", "pwd", "passphrase", "secret",
        };

        // "key" and "token" alone are too vague (a dictionary key, a cancellation token, TokenType): they count
        // only after a word that makes them a credential (ApiKey, SigningKey, AccessToken, BotToken).
        private static readonly HashSet<string> KeyQualifiers = new HashSet<string>(StringComparer.Ordinal)
        {
            "api", "access", "secret", "private", "signing", "encryption", "subscription", "master", "account",
            "shared", "client", "app", "auth", "storage", "hmac", "jwt", "license", "admin", "service",
        };

        private static readonly HashSet<string> TokenQualifiers = new HashSet<string>(StringComparer.Ordinal)
        {
            "access", "auth", "bearer", "refresh", "api", "personal", "bot", "client", "session", "service",
            "github", "gitlab", "slack", "npm", "webhook", "admin", "sas",
        };

        private static readonly string[] CompoundSecrets =
        {
            "apikey", "accesskey", "secretkey", "privatekey", "signingkey", "accesstoken", "authtoken", "apitoken",
            "bearertoken", "refreshtoken", "clientsecret", "sharedkey", "masterkey", "accountkey",
        };

        public static bool IsPasswordLike(string identifier)
        {
            if (identifier.Length < 3)
            {
                return false;
            }

            var last = IdentifierWords.LastWord(identifier);
            if (PasswordWords.Contains(last))
            {
                return true;
            }

            // All-lower-case compounds: dbpassword, clientsecret.
            foreach (var word in PasswordWords)
            {
                if (last.Length > word.Length + 1 && last.EndsWith(word, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Passwords (<see cref="IsPasswordLike"/>) plus keys and tokens that are credentials: <c>ApiKey</c>,
        /// <c>signing_key</c>, <c>AccessToken</c>, <c>sasl.password</c>, <c>x-api-key</c>. <paramref name="extraWords"/>
        /// are more last words that mean a secret; a name containing one of <paramref name="excludedWords"/> never does.
        /// </summary>
        public static bool IsSecretLike(string identifier, IReadOnlyCollection<string>? extraWords = null, IReadOnlyCollection<string>? excludedWords = null)
        {
            if (identifier.Length < 3)
            {
                return false;
            }

            var words = IdentifierWords.Split(identifier);
            if (words.Count == 0)
            {
                return false;
            }

            if (excludedWords != null && excludedWords.Count > 0)
            {
                foreach (var word in words)
                {
                    foreach (var excluded in excludedWords)
                    {
                        if (string.Equals(word, excluded, StringComparison.OrdinalIgnoreCase))
                        {
                            return false;
                        }
                    }
                }
            }

            var last = words[words.Count - 1];
            if (IsPasswordLike(identifier))
            {
                return true;
            }

            if (words.Count > 1)
            {
                var previous = words[words.Count - 2];
                if ((last == "key" && KeyQualifiers.Contains(previous)) || (last == "token" && TokenQualifiers.Contains(previous))
                    || ((last == "key" || last == "token") && PasswordWords.Contains(previous)))
                {
                    return true;
                }
            }

            foreach (var compound in CompoundSecrets)
            {
                if (last.EndsWith(compound, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            if (extraWords != null)
            {
                foreach (var extra in extraWords)
                {
                    if (string.Equals(last, extra, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
