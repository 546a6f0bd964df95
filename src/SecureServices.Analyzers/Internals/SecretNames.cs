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
    }
}
