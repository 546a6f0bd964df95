using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace SecureServices.Analyzers.Internals
{
    /// <summary>Does a name say that it holds a secret?</summary>
    internal static class SecretNames
    {
        // The secret word must be the subject of the name — its last word — so PasswordPolicy,
        // PasswordLength or SecretName (which hold no secret) are not matched.
        private static readonly ImmutableArray<string> PasswordWordList = ImmutableArray.Create("password", "passwd", "pwd", "passphrase", "secret");

        private static readonly ImmutableHashSet<string> PasswordWords = ImmutableHashSet.CreateRange(StringComparer.Ordinal, PasswordWordList);

        // "key" and "token" alone are too vague (a dictionary key, a cancellation token, TokenType): they count
        // only after a word that makes them a credential (ApiKey, SigningKey, AccessToken, BotToken).
        private static readonly ImmutableHashSet<string> KeyQualifiers = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "api", "access", "secret", "private", "signing", "encryption", "subscription", "master", "account",
            "shared", "client", "app", "auth", "storage", "hmac", "jwt", "license", "admin", "service");

        private static readonly ImmutableHashSet<string> TokenQualifiers = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "access", "auth", "bearer", "refresh", "api", "personal", "bot", "client", "session", "service",
            "github", "gitlab", "slack", "npm", "webhook", "admin", "sas",
            // one-time credentials sent to a user, and identity tokens
            "reset", "verification", "confirmation", "activation", "invite", "invitation", "magic", "login", "signin",
            "id", "jwt", "oauth", "sso", "security");

        private static readonly ImmutableArray<string> CompoundSecrets = ImmutableArray.Create(
            "apikey", "accesskey", "secretkey", "privatekey", "signingkey", "accesstoken", "authtoken", "apitoken",
            "bearertoken", "refreshtoken", "clientsecret", "sharedkey", "masterkey", "accountkey");

        public static bool IsPasswordLike(string identifier)
        {
            if (identifier.Length < 3)
            {
                return false;
            }

            var words = SubjectWords(identifier);
            return words.Count > 0 && IsPasswordWord(words[words.Count - 1]);
        }

        private static bool IsPasswordWord(string last)
        {
            if (PasswordWords.Contains(last))
            {
                return true;
            }

            // All-lower-case compounds: dbpassword, clientsecret.
            foreach (var word in PasswordWordList)
            {
                if (last.Length > word.Length + 1 && last.EndsWith(word, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The words of <paramref name="identifier"/> with trailing digits removed and all-digit words dropped, so
        /// that a numbered name keeps its subject: <c>Password2</c> → password, <c>db_password_1</c> → db, password,
        /// <c>apiKey2</c> → api, key.
        /// </summary>
        private static bool ContainsAny(List<string> words, IReadOnlyCollection<string> candidates)
        {
            foreach (var word in words)
            {
                foreach (var candidate in candidates)
                {
                    if (string.Equals(word, candidate, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static List<string> SubjectWords(string identifier)
        {
            var words = IdentifierWords.Split(identifier);
            var kept = 0;
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i];
                var end = word.Length;
                while (end > 0 && word[end - 1] >= '0' && word[end - 1] <= '9')
                {
                    end--;
                }

                if (end > 0)
                {
                    words[kept++] = end == word.Length ? word : word.Substring(0, end);
                }
            }

            words.RemoveRange(kept, words.Count - kept);
            return words;
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

            var words = SubjectWords(identifier);
            if (words.Count == 0)
            {
                return false;
            }

            // An excluded word matches a word as written (sha256) or without its number (hash2 → hash).
            if (excludedWords != null && excludedWords.Count > 0 && (ContainsAny(words, excludedWords) || ContainsAny(IdentifierWords.Split(identifier), excludedWords)))
            {
                return false;
            }

            var last = words[words.Count - 1];
            if (IsPasswordWord(last))
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
