#nullable enable

using System;
using System.Globalization;

namespace SecureServices.Analyzers.Internals.SecretDetection
{
    /// <summary>
    /// A recognised kind of secret ("GitHub token", "connection string", …) used as a message argument. Roslyn
    /// and the Dockerfile engine format message arguments with the message's culture, so a French build reads
    /// « jeton GitHub » inside a French sentence instead of an English phrase.
    /// </summary>
    internal sealed class LocalizedSecretKind : IFormattable
    {
        public LocalizedSecretKind(string kind) => Kind = kind;

        /// <summary>The English name (one of the <see cref="SecretTokenDetector"/> or <see cref="ConnectionStringCredentials"/> kinds).</summary>
        public string Kind { get; }

        public static string French(string kind)
        {
            switch (kind)
            {
                case SecretTokenDetector.AwsAccessKeyId: return "identifiant de clé d'accès AWS";
                case SecretTokenDetector.GitHubToken: return "jeton GitHub";
                case SecretTokenDetector.GitLabToken: return "jeton GitLab";
                case SecretTokenDetector.SlackToken: return "jeton Slack";
                case SecretTokenDetector.StripeKey: return "clé Stripe";
                case SecretTokenDetector.GoogleApiKey: return "clé d'API Google";
                case SecretTokenDetector.SendGridKey: return "clé SendGrid";
                case SecretTokenDetector.NpmToken: return "jeton npm";
                case SecretTokenDetector.OpenAiKey: return "clé d'API de type OpenAI";
                case SecretTokenDetector.AzureStorageKey: return "clé de compte de stockage Azure";
                case SecretTokenDetector.AzureSharedAccessKey: return "clé d'accès partagé Azure";
                case SecretTokenDetector.AzureSasSignature: return "signature SAS Azure";
                case SecretTokenDetector.AzureIdentifiableKey: return "clé identifiable Azure";
                case SecretTokenDetector.PemPrivateKey: return "clé privée PEM";
                case ConnectionStringCredentials.ConnectionStringKind: return "chaîne de connexion";
                default: return kind; // JWT, URI and product names read the same in French.
            }
        }

        public string ToString(string? format, IFormatProvider? formatProvider)
            => formatProvider is CultureInfo culture && culture.TwoLetterISOLanguageName == "fr" ? French(Kind) : Kind;

        public override string ToString() => Kind;
    }
}
