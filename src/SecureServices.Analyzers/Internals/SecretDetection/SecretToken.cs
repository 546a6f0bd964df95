#nullable enable

namespace SecureServices.Analyzers.Internals.SecretDetection
{
    /// <summary>A recognised secret token inside a piece of text: what it is and where it is (never the value itself).</summary>
    internal readonly struct SecretToken
    {
        public SecretToken(string kind, int start, int length)
        {
            Kind = kind;
            Start = start;
            Length = length;
        }

        /// <summary>A short product name usable in English and French messages, e.g. "GitHub token", "JWT".</summary>
        public string Kind { get; }

        /// <summary>Offset of the first character of the token in the searched text.</summary>
        public int Start { get; }

        /// <summary>Number of characters of the token.</summary>
        public int Length { get; }

        /// <summary>
        /// At most the first 4 characters of the token, for messages ("AKIA", "ghp_"), and never more than a
        /// quarter of it, so even a short match is not echoed whole.
        /// </summary>
        public string Prefix(string text)
            => text.Substring(Start, System.Math.Min(4, Length / 4));
    }
}
