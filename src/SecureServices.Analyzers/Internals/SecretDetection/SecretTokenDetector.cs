#nullable enable

using System;

namespace SecureServices.Analyzers.Internals.SecretDetection
{
    /// <summary>
    /// Finds well-known secret token formats (cloud keys, personal access tokens, private keys, JWTs) in any text.
    /// Roslyn-free and dependency-free so the Dockerfile engine can link it. One pass over the text with a switch on
    /// the current character is the pre-filter; a format is only checked where its first character occurs, and
    /// checksum (GitHub, npm), exact length, JSON header (JWT) and entropy/placeholder checks keep precision high.
    /// </summary>
    internal static class SecretTokenDetector
    {
        public const string AwsAccessKeyId = "AWS access key id";
        public const string GitHubToken = "GitHub token";
        public const string GitLabToken = "GitLab token";
        public const string SlackToken = "Slack token";
        public const string StripeKey = "Stripe key";
        public const string GoogleApiKey = "Google API key";
        public const string SendGridKey = "SendGrid key";
        public const string NpmToken = "npm token";
        public const string OpenAiKey = "OpenAI-style API key";
        public const string AzureStorageKey = "Azure storage account key";
        public const string AzureSharedAccessKey = "Azure shared access key";
        public const string AzureSasSignature = "Azure SAS signature";
        public const string AzureIdentifiableKey = "Azure identifiable key";
        public const string PemPrivateKey = "PEM private key";
        public const string Jwt = "JWT";

        // The shortest recognised token (AKIA + 16) is 20 characters.
        private const int MinimumTextLength = 20;

        private const string Base62Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

        /// <summary>Finds the first recognised secret token in <paramref name="text"/>; null/empty safe; never throws.</summary>
        public static bool TryFind(string? text, out SecretToken token) => TryFind(text, 0, out token);

        /// <summary>
        /// The first token that starts at or after <paramref name="from"/> (its <see cref="SecretToken.Start"/> is an index
        /// into the whole <paramref name="text"/>), for callers that report every token of a text: resuming after the
        /// previous token costs no copy of the rest. Boundary checks still see the characters before <paramref name="from"/>.
        /// </summary>
        public static bool TryFind(string? text, int from, out SecretToken token)
        {
            token = default;
            if (text == null || from < 0 || text.Length - from < MinimumTextLength)
            {
                return false;
            }

            try
            {
                return Scan(text, from, out token);
            }
            catch (Exception)
            {
                // A detector bug must never break a build or an IDE session.
                token = default;
                return false;
            }
        }

        private static bool Scan(string text, int from, out SecretToken token)
        {
            var last = text.Length - MinimumTextLength + 1;
            for (var i = from; i < text.Length; i++)
            {
                var length = 0;
                string? kind = null;
                var start = i;
                switch (text[i])
                {
                    case 'A':
                        if (i < last && TryAws(text, i, out length)) { kind = AwsAccessKeyId; }
                        else if (i < last && TryGoogle(text, i, out length)) { kind = GoogleApiKey; }
                        else if (TryKeyValue(text, i, "AccountKey=", 88, out start, out length)) { kind = AzureStorageKey; }
                        break;
                    case 'a':
                        if (TryKeyValue(text, i, "AccountKey=", 88, out start, out length)) { kind = AzureStorageKey; }
                        break;
                    case 'S':
                        if (i < last && TrySendGrid(text, i, out length)) { kind = SendGridKey; }
                        else if (TryKeyValue(text, i, "SharedAccessKey=", 44, out start, out length)) { kind = AzureSharedAccessKey; }
                        break;
                    case 'g':
                        if (i < last && TryGitHub(text, i, out length)) { kind = GitHubToken; }
                        else if (i < last && TryGitLab(text, i, out length)) { kind = GitLabToken; }
                        break;
                    case 'x':
                        if (i < last && TrySlack(text, i, out length)) { kind = SlackToken; }
                        break;
                    case 's':
                    case 'r':
                        if (i < last && TryStripe(text, i, out length)) { kind = StripeKey; }
                        else if (i < last && TryOpenAi(text, i, out length)) { kind = OpenAiKey; }
                        else if (TrySasSignature(text, i, out start, out length)) { kind = AzureSasSignature; }
                        break;
                    case 'n':
                        if (i < last && TryNpm(text, i, out length)) { kind = NpmToken; }
                        break;
                    case 'e':
                        if (i < last && TryJwt(text, i, out length)) { kind = Jwt; }
                        break;
                    case '-':
                        if (TryPem(text, i, out length)) { kind = PemPrivateKey; }
                        break;
                    case 'J':
                        if (TryIdentifiableKey(text, i, out start, out length)) { kind = AzureIdentifiableKey; }
                        break;
                    default:
                        continue;
                }

                // A key that extends back before 'from' overlaps what the caller has already reported.
                if (kind != null && start >= from)
                {
                    token = new SecretToken(kind, start, length);
                    return true;
                }
            }

            token = default;
            return false;
        }

        // ---- formats -------------------------------------------------------------------------------------------

        /// <summary>AKIA/ASIA + 16 base32 characters ([A-Z2-7]); not the documentation key (…EXAMPLE) or a mask.</summary>
        private static bool TryAws(string s, int i, out int length)
        {
            length = 20;
            if (!(At(s, i, "AKIA") || At(s, i, "ASIA")) || IsAlnum(CharAt(s, i - 1)) || i + 20 > s.Length || IsAlnum(CharAt(s, i + 20)))
            {
                return false;
            }

            for (var k = i + 4; k < i + 20; k++)
            {
                var c = s[k];
                if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7')))
                {
                    return false;
                }
            }

            return LooksRandom(s, i + 4, 16, minDistinct: 8, minEntropy: 2.8);
        }

        /// <summary>AIza + 35 characters of [A-Za-z0-9_-].</summary>
        private static bool TryGoogle(string s, int i, out int length)
        {
            length = 39;
            return At(s, i, "AIza")
                && !IsAlnum(CharAt(s, i - 1))
                && RunLength(s, i + 4, IsBase64Url) == 35
                && LooksRandom(s, i + 4, 35, minDistinct: 12, minEntropy: 3.5);
        }

        /// <summary>SG. + 22 + . + 43 characters of [A-Za-z0-9_-].</summary>
        private static bool TrySendGrid(string s, int i, out int length)
        {
            length = 69;
            return At(s, i, "SG.")
                && !IsAlnum(CharAt(s, i - 1))
                && RunLength(s, i + 3, IsBase64Url) == 22
                && CharAt(s, i + 25) == '.'
                && RunLength(s, i + 26, IsBase64Url) == 43
                && LooksRandom(s, i + 26, 43, minDistinct: 14, minEntropy: 3.5);
        }

        /// <summary>
        /// Classic tokens ghp_/gho_/ghu_/ghs_/ghr_ + 30 random + 6-char base62 CRC32 of the random part (the checksum
        /// makes a false positive practically impossible); fine-grained github_pat_ + 22 + _ + 59.
        /// </summary>
        private static bool TryGitHub(string s, int i, out int length)
        {
            if (IsAlnum(CharAt(s, i - 1)))
            {
                length = 0;
                return false;
            }

            if (CharAt(s, i + 1) == 'h' && CharAt(s, i + 3) == '_' && "posur".IndexOf(CharAt(s, i + 2)) >= 0 && CharAt(s, i + 2) != '\0')
            {
                length = 40;
                return RunLength(s, i + 4, IsAlnumOrUnderscore) == 36 && HasBase62Crc32(s, i + 4, 30);
            }

            length = 93;
            return At(s, i, "github_pat_")
                && RunLength(s, i + 11, IsAlnum) == 22
                && CharAt(s, i + 33) == '_'
                && RunLength(s, i + 34, IsAlnumOrUnderscore) == 59
                && LooksRandom(s, i + 34, 59, minDistinct: 16, minEntropy: 3.8);
        }

        /// <summary>glpat- + at least 20 characters of [A-Za-z0-9_.-].</summary>
        private static bool TryGitLab(string s, int i, out int length)
        {
            length = 0;
            if (!At(s, i, "glpat-") || IsAlnum(CharAt(s, i - 1)))
            {
                return false;
            }

            var run = RunLength(s, i + 6, c => IsBase64Url(c) || c == '.');
            length = 6 + run;
            return run >= 20 && run <= 200 && LooksRandom(s, i + 6, run, minDistinct: 10, minEntropy: 3.2);
        }

        /// <summary>xoxb-/xoxp-/xoxa-/xoxo-/xoxs-/xoxr-/xoxe- + a numeric team/user id + more dash-separated parts.</summary>
        private static bool TrySlack(string s, int i, out int length)
        {
            length = 0;
            if (!At(s, i, "xox") || "abposre".IndexOf(CharAt(s, i + 3)) < 0 || CharAt(s, i + 3) == '\0' || CharAt(s, i + 4) != '-'
                || IsAlnum(CharAt(s, i - 1)))
            {
                return false;
            }

            var run = RunLength(s, i + 5, c => IsAlnum(c) || c == '-');
            var digits = RunLength(s, i + 5, IsDigit);
            var dashes = 0;
            for (var k = i + 5; k < i + 5 + run; k++)
            {
                if (s[k] == '-')
                {
                    dashes++;
                }
            }

            length = 5 + run;
            return run >= 24 && digits >= 8 && dashes >= 2 && LooksRandom(s, i + 5, run, minDistinct: 10, minEntropy: 3.0);
        }

        /// <summary>sk_live_/rk_live_ + at least 24 alphanumerics (test-mode keys are not reported).</summary>
        private static bool TryStripe(string s, int i, out int length)
        {
            length = 0;
            if (!(At(s, i, "sk_live_") || At(s, i, "rk_live_")) || IsAlnum(CharAt(s, i - 1)))
            {
                return false;
            }

            var run = RunLength(s, i + 8, IsAlnum);
            length = 8 + run;
            return run >= 24 && run <= 247 && LooksRandom(s, i + 8, run, minDistinct: 12, minEntropy: 3.5);
        }

        /// <summary>
        /// sk- + at least 40 characters of [A-Za-z0-9_-]: accepted with a vendor marker (the base64 of "OpenAI" in
        /// legacy keys, proj-/svcacct-/admin-/ant- project keys) or when long, mixed-case, with digits and random-looking.
        /// </summary>
        private static bool TryOpenAi(string s, int i, out int length)
        {
            length = 0;
            if (!At(s, i, "sk-") || IsAlnum(CharAt(s, i - 1)) || CharAt(s, i - 1) == '-' || CharAt(s, i - 1) == '_')
            {
                return false;
            }

            var run = RunLength(s, i + 3, IsBase64Url);
            length = 3 + run;
            if (run < 40 || run > 300 || IsPlaceholderText(s, i + 3, run))
            {
                return false;
            }

            var marked = s.IndexOf("T3BlbkFJ", i + 3, run, StringComparison.Ordinal) >= 0
                || At(s, i + 3, "proj-") || At(s, i + 3, "svcacct-") || At(s, i + 3, "admin-") || At(s, i + 3, "ant-");
            return marked
                ? LooksRandom(s, i + 3, run, minDistinct: 14, minEntropy: 3.8)
                : run >= 48 && HasMixedClasses(s, i + 3, run) && LooksRandom(s, i + 3, run, minDistinct: 20, minEntropy: 4.2);
        }

        /// <summary>npm_ + 30 random + 6-char base62 CRC32, like GitHub classic tokens.</summary>
        private static bool TryNpm(string s, int i, out int length)
        {
            length = 40;
            return At(s, i, "npm_")
                && !IsAlnum(CharAt(s, i - 1))
                && RunLength(s, i + 4, IsAlnumOrUnderscore) == 36
                && HasBase62Crc32(s, i + 4, 30);
        }

        /// <summary>
        /// Key=value with a base64 value of an exact length (AccountKey= 88, SharedAccessKey= 44), key compared
        /// ignoring case, value ending with '='. The reported span is the value. The public storage emulator key is not reported.
        /// </summary>
        private static bool TryKeyValue(string s, int i, string key, int valueLength, out int start, out int length)
        {
            start = i + key.Length;
            length = valueLength;
            if (string.Compare(s, i, key, 0, key.Length, StringComparison.OrdinalIgnoreCase) != 0
                || RunLength(s, start, IsBase64) != valueLength
                || s[start + valueLength - 1] != '=')
            {
                return false;
            }

            // The Azurite/storage-emulator account key is published in Microsoft's documentation.
            if (valueLength == 88 && At(s, start, "Eby8vdM02xNOcqFl"))
            {
                return false;
            }

            return LooksRandom(s, start, valueLength - 2, minDistinct: 16, minEntropy: 4.0);
        }

        /// <summary>
        /// sig= in a SAS URL or connection string: the URL-encoded base64 of an HMAC-SHA256 (44 characters once decoded,
        /// ending with '='), and another SAS parameter (sv=, se=, sp=, sr=) in the same text.
        /// </summary>
        private static bool TrySasSignature(string s, int i, out int start, out int length)
        {
            start = i + 4;
            length = 0;
            if (!At(s, i, "sig=") || i == 0 || "?&;".IndexOf(s[i - 1]) < 0)
            {
                return false;
            }

            var decoded = 0;
            var k = start;
            var lastDecoded = '\0';
            while (k < s.Length)
            {
                var c = s[k];
                if (c == '%' && k + 2 < s.Length && IsHex(s[k + 1]) && IsHex(s[k + 2]))
                {
                    var value = (HexValue(s[k + 1]) << 4) | HexValue(s[k + 2]);
                    lastDecoded = (char)value;
                    if (!IsBase64(lastDecoded))
                    {
                        return false;
                    }

                    k += 3;
                }
                else if (IsBase64(c))
                {
                    lastDecoded = c;
                    k++;
                }
                else
                {
                    break;
                }

                decoded++;
            }

            length = k - start;
            if (decoded != 44 || lastDecoded != '=')
            {
                return false;
            }

            var hasOtherParameter = s.IndexOf("sv=", StringComparison.Ordinal) >= 0 || s.IndexOf("se=", StringComparison.Ordinal) >= 0
                || s.IndexOf("sp=", StringComparison.Ordinal) >= 0 || s.IndexOf("sr=", StringComparison.Ordinal) >= 0;
            return hasOtherParameter && LooksRandom(s, start, length, minDistinct: 14, minEntropy: 3.8);
        }

        /// <summary>eyJ… . eyJ… . signature, whose header decodes to JSON with an "alg" member; the jwt.io sample is not reported.</summary>
        private static bool TryJwt(string s, int i, out int length)
        {
            length = 0;
            if (!At(s, i, "eyJ") || IsBase64UrlChar(CharAt(s, i - 1)))
            {
                return false;
            }

            var header = RunLength(s, i, IsBase64Url);
            var payloadStart = i + header + 1;
            if (header < 10 || CharAt(s, i + header) != '.' || !At(s, payloadStart, "eyJ"))
            {
                return false;
            }

            var payload = RunLength(s, payloadStart, IsBase64Url);
            var signatureStart = payloadStart + payload + 1;
            if (payload < 10 || CharAt(s, payloadStart + payload) != '.')
            {
                return false;
            }

            var signature = RunLength(s, signatureStart, IsBase64Url);
            length = signatureStart + signature - i;
            if (signature < 16 || At(s, signatureStart, "SflKxwRJSMeKKF2QT4fw"))
            {
                return false;
            }

            var json = DecodeBase64UrlAscii(s, i, header);
            return json != null && json.IndexOf("\"alg\"", StringComparison.Ordinal) >= 0;
        }

        /// <summary>-----BEGIN [RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP ]PRIVATE KEY[ BLOCK]----- followed by at least 64 base64 characters.</summary>
        private static bool TryPem(string s, int i, out int length)
        {
            length = 0;
            if (!At(s, i, "-----BEGIN "))
            {
                return false;
            }

            var lineEnd = s.IndexOf('\n', i);
            var searchLength = (lineEnd < 0 ? s.Length : lineEnd) - i;
            if (searchLength > 80)
            {
                searchLength = 80;
            }

            var label = s.IndexOf("PRIVATE KEY", i + 11, searchLength - 11 < 0 ? 0 : searchLength - 11, StringComparison.Ordinal);
            if (label < 0)
            {
                return false;
            }

            var headerEnd = s.IndexOf("-----", label, StringComparison.Ordinal);
            if (headerEnd < 0)
            {
                return false;
            }

            var bodyStart = headerEnd + 5;
            var end = s.IndexOf("-----END", bodyStart, StringComparison.Ordinal);
            var bodyEnd = end < 0 ? s.Length : end;
            var base64 = 0;
            for (var k = bodyStart; k < bodyEnd; k++)
            {
                if (IsBase64(s[k]))
                {
                    base64++;
                }
            }

            // Documentation samples elide the body ("MIIE...") or mask it.
            if (base64 < 64 || s.IndexOf("...", bodyStart, bodyEnd - bodyStart, StringComparison.Ordinal) >= 0
                || s.IndexOf("xxxx", bodyStart, bodyEnd - bodyStart, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return false;
            }

            var tokenEnd = bodyEnd;
            if (end >= 0)
            {
                var close = s.IndexOf("-----", end + 8, StringComparison.Ordinal);
                tokenEnd = close < 0 ? s.Length : close + 5;
            }

            length = tokenEnd - i;
            return true;
        }

        /// <summary>
        /// Microsoft's identifiable keys carry a fixed "JQQJ99" signature inside an 84–88 character base64 key; the
        /// reported span is the whole key.
        /// </summary>
        private static bool TryIdentifiableKey(string s, int i, out int start, out int length)
        {
            start = i;
            length = 0;
            if (!At(s, i, "JQQJ99"))
            {
                return false;
            }

            while (start > 0 && IsBase64OrUrl(s[start - 1]))
            {
                start--;
            }

            var end = i;
            while (end < s.Length && IsBase64OrUrl(s[end]))
            {
                end++;
            }

            length = end - start;
            var offset = i - start;
            return length >= 84 && length <= 88 && offset >= 40 && offset <= 60
                && LooksRandom(s, start, offset, minDistinct: 16, minEntropy: 4.0);
        }

        // ---- checks --------------------------------------------------------------------------------------------

        /// <summary>The 6 characters after <paramref name="count"/> characters are the base62 CRC32 of those characters.</summary>
        private static bool HasBase62Crc32(string s, int start, int count)
        {
            uint crc = 0xFFFFFFFF;
            for (var k = start; k < start + count; k++)
            {
                crc ^= (byte)s[k];
                for (var bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
                }
            }

            crc ^= 0xFFFFFFFF;
            ulong encoded = 0;
            for (var k = start + count; k < start + count + 6; k++)
            {
                var digit = Base62Alphabet.IndexOf(s[k]);
                if (digit < 0)
                {
                    return false;
                }

                encoded = (encoded * 62) + (ulong)digit;
            }

            return encoded == crc;
        }

        /// <summary>Enough distinct characters and Shannon entropy, and no placeholder words (example, your, xxxx…).</summary>
        private static bool LooksRandom(string s, int start, int count, int minDistinct, double minEntropy)
        {
            if (count <= 0 || IsPlaceholderText(s, start, count))
            {
                return false;
            }

            var counts = new int[128];
            var distinct = 0;
            for (var k = start; k < start + count; k++)
            {
                var c = s[k];
                if (c >= 128)
                {
                    return false;
                }

                if (counts[c]++ == 0)
                {
                    distinct++;
                }
            }

            if (distinct < minDistinct)
            {
                return false;
            }

            double entropy = 0;
            foreach (var n in counts)
            {
                if (n > 0)
                {
                    var p = (double)n / count;
                    entropy -= p * Math.Log(p, 2);
                }
            }

            return entropy >= minEntropy && !HasLongSequence(s, start, count);
        }

        // A read-only view (System.Collections.Immutable is not available to the linked engine).
        private static readonly System.Collections.ObjectModel.ReadOnlyCollection<string> PlaceholderWords = new System.Collections.ObjectModel.ReadOnlyCollection<string>(new[]
        {
            "example", "sample", "your", "xxxx", "placeholder", "dummy", "redacted", "changeme", "insert", "replace",
            "secret", "token", "here", "...", "abcdefghij", "0123456789", "1234567890",
        });

        private static bool IsPlaceholderText(string s, int start, int count)
        {
            for (var i = 0; i < PlaceholderWords.Count; i++)
            {
                var word = PlaceholderWords[i];
                if (count >= word.Length && s.IndexOf(word, start, count, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Eight or more identical characters in a row (AAAAAAAA, 00000000) are a mask, not a key.</summary>
        private static bool HasLongSequence(string s, int start, int count)
        {
            var run = 1;
            for (var k = start + 1; k < start + count; k++)
            {
                run = s[k] == s[k - 1] ? run + 1 : 1;
                if (run >= 8)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasMixedClasses(string s, int start, int count)
        {
            bool upper = false, lower = false, digit = false;
            for (var k = start; k < start + count; k++)
            {
                var c = s[k];
                upper |= c >= 'A' && c <= 'Z';
                lower |= c >= 'a' && c <= 'z';
                digit |= c >= '0' && c <= '9';
            }

            return upper && lower && digit;
        }

        /// <summary>Decodes base64url into ASCII text, or null when it is not valid base64url.</summary>
        private static string? DecodeBase64UrlAscii(string s, int start, int count)
        {
            if (count > 2048)
            {
                return null;
            }

            var chars = new char[count * 3 / 4 + 3];
            var n = 0;
            var buffer = 0;
            var bits = 0;
            for (var k = start; k < start + count; k++)
            {
                var c = s[k];
                int v;
                if (c >= 'A' && c <= 'Z') { v = c - 'A'; }
                else if (c >= 'a' && c <= 'z') { v = c - 'a' + 26; }
                else if (c >= '0' && c <= '9') { v = c - '0' + 52; }
                else if (c == '-' || c == '+') { v = 62; }
                else if (c == '_' || c == '/') { v = 63; }
                else if (c == '=') { break; }
                else { return null; }

                buffer = (buffer << 6) | v;
                bits += 6;
                if (bits >= 8)
                {
                    bits -= 8;
                    chars[n++] = (char)((buffer >> bits) & 0xFF);
                }
            }

            return new string(chars, 0, n);
        }

        // ---- character helpers ---------------------------------------------------------------------------------

        private static char CharAt(string s, int i) => i >= 0 && i < s.Length ? s[i] : '\0';

        private static bool At(string s, int i, string value)
            => i >= 0 && i + value.Length <= s.Length && string.CompareOrdinal(s, i, value, 0, value.Length) == 0;

        private static int RunLength(string s, int start, Func<char, bool> accept)
        {
            var k = start;
            while (k < s.Length && accept(s[k]))
            {
                k++;
            }

            return k - start;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsAlnum(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

        private static bool IsAlnumOrUnderscore(char c) => IsAlnum(c) || c == '_';

        private static bool IsBase64Url(char c) => IsAlnum(c) || c == '-' || c == '_';

        private static bool IsBase64UrlChar(char c) => IsBase64Url(c);

        private static bool IsBase64(char c) => IsAlnum(c) || c == '+' || c == '/' || c == '=';

        private static bool IsBase64OrUrl(char c) => IsBase64(c) || c == '-' || c == '_';

        private static bool IsHex(char c) => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        private static int HexValue(char c) => IsDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
    }
}
