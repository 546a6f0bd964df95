using System.Collections.ObjectModel;

namespace SecureServices.Analyzers.Catalog
{
    internal static partial class RuleIds
    {
        public const string ServerCertificateValidationDisabled = "SSA2001";
        public const string ClientCertificateValidationDisabled = "SSA2002";
        public const string CertificateRevocationCheckDisabled = "SSA2003";
        public const string WeakTlsProtocol = "SSA2004";
        public const string ClearTextEndpoint = "SSA2005";
        public const string InsecureGrpcChannel = "SSA2006";
        public const string ClearTextMessageBroker = "SSA2007";
        public const string UnencryptedDatabaseConnection = "SSA2008";
        public const string TokenMetadataOverHttp = "SSA2009";
        public const string HttpsRedirectionMissing = "SSA2010";
    }

    // SSA2xxx — data in transit (§5.4 Data in Transit, §5.3)
    internal static partial class RuleCatalog
    {
        public const string TransitCategory = "Security.Transit";

        private static readonly ReadOnlyCollection<RuleDefinition> TransitRules = Table(new[]
        {
            CSharp(
                RuleIds.ServerCertificateValidationDisabled, TransitCategory, RuleSeverity.Error, Sections("5.4", "5.3"), 295,
                T("Server certificate validation is switched off",
                  "La validation du certificat du serveur est désactivée"),
                T("'{0}' accepts every server certificate; any machine on the path can impersonate the server and read the traffic",
                  "'{0}' accepte tous les certificats de serveur ; toute machine sur le chemin peut usurper le serveur et lire le trafic"),
                T("A TLS client is given a certificate validation callback that returns true whatever the certificate, chain and policy errors are (or DangerousAcceptAnyServerCertificateValidator). The connection is encrypted but not authenticated, which defeats TLS.",
                  "Un client TLS reçoit un rappel de validation de certificat qui renvoie true quels que soient le certificat, la chaîne et les erreurs de stratégie (ou DangerousAcceptAnyServerCertificateValidator). La connexion est chiffrée mais non authentifiée, ce qui annule l'intérêt de TLS.")),
            CSharp(
                RuleIds.ClientCertificateValidationDisabled, TransitCategory, RuleSeverity.Error, Sections("5.3", "5.4"), 295,
                T("Client certificates are accepted without validation",
                  "Les certificats clients sont acceptés sans validation"),
                T("'{0}' accepts every client certificate; mutual TLS no longer authenticates the calling service",
                  "'{0}' accepte tous les certificats clients ; le TLS mutuel n'authentifie plus le service appelant"),
                T("A TLS server (Kestrel, SslStream) that asks for client certificates is told to accept any of them: AllowAnyClientCertificate() or a validation callback that returns true on every path. Any client with any self-signed certificate passes mutual TLS.",
                  "Un serveur TLS (Kestrel, SslStream) qui demande des certificats clients est configuré pour les accepter tous : AllowAnyClientCertificate() ou un rappel de validation qui renvoie true sur tous les chemins. N'importe quel client muni d'un certificat auto-signé passe le TLS mutuel.")),
            CSharp(
                RuleIds.CertificateRevocationCheckDisabled, TransitCategory, RuleSeverity.Warning, Sections("5.4", "5.3"), 299,
                T("Certificate revocation check is switched off",
                  "La vérification de révocation des certificats est désactivée"),
                T("'{0}' switches off the revocation check; a stolen certificate stays trusted after it is revoked",
                  "'{0}' désactive la vérification de révocation ; un certificat volé reste approuvé après sa révocation"),
                T("Revocation checking is switched off (CheckCertificateRevocationList = false, X509RevocationMode.NoCheck). A certificate whose private key leaked keeps being accepted until it expires.",
                  "La vérification de révocation est désactivée (CheckCertificateRevocationList = false, X509RevocationMode.NoCheck). Un certificat dont la clé privée a fuité reste accepté jusqu'à son expiration.")),
            CSharp(
                RuleIds.WeakTlsProtocol, TransitCategory, RuleSeverity.Warning, Sections("5.4", "5.3"), 326,
                T("Obsolete SSL/TLS protocol version",
                  "Version obsolète du protocole SSL/TLS"),
                T("{0} enables {1}; use TLS 1.2 or 1.3, or let the operating system choose",
                  "{0} active {1} ; utilisez TLS 1.2 ou 1.3, ou laissez le système d'exploitation choisir"),
                T("SSL 2.0, SSL 3.0, TLS 1.0 and TLS 1.1 are broken or deprecated (RFC 8996). Hard-coding them, alone or combined with newer versions, lets an attacker downgrade the connection.",
                  "SSL 2.0, SSL 3.0, TLS 1.0 et TLS 1.1 sont cassés ou abandonnés (RFC 8996). Les coder en dur, seuls ou combinés à des versions récentes, permet à un attaquant de rétrograder la connexion.")),
            CSharp(
                RuleIds.ClearTextEndpoint, TransitCategory, RuleSeverity.Warning, Sections("5.4", "5.3"), 319,
                T("Clear-text endpoint",
                  "Point de terminaison en clair"),
                T("'{0}' sends traffic to '{1}' in clear text; use {2}",
                  "'{0}' envoie le trafic vers '{1}' en clair ; utilisez {2}"),
                T("An http://, ws:// or ftp:// address of a host that is not the local machine is used as an endpoint (Uri, HttpClient, gRPC channel, WebSocket, JWT authority). Requests, tokens and responses cross the network unencrypted and unauthenticated.",
                  "Une adresse http://, ws:// ou ftp:// d'un hôte qui n'est pas la machine locale sert de point de terminaison (Uri, HttpClient, canal gRPC, WebSocket, autorité JWT). Les requêtes, les jetons et les réponses traversent le réseau sans chiffrement ni authentification.")),
            CSharp(
                RuleIds.InsecureGrpcChannel, TransitCategory, RuleSeverity.Warning, Sections("5.3", "5.4"), 319,
                T("Insecure gRPC channel",
                  "Canal gRPC non sécurisé"),
                T("{0} makes the gRPC channel send calls (and their credentials) without TLS",
                  "{0} fait envoyer les appels gRPC (et leurs identifiants) sans TLS"),
                T("A gRPC channel to a remote host uses ChannelCredentials.Insecure, or UnsafeUseInsecureChannelCallCredentials lets call credentials (bearer tokens) travel over a channel without TLS.",
                  "Un canal gRPC vers un hôte distant utilise ChannelCredentials.Insecure, ou UnsafeUseInsecureChannelCallCredentials laisse les identifiants d'appel (jetons de type « bearer ») circuler sur un canal sans TLS.")),
            CSharp(
                RuleIds.ClearTextMessageBroker, TransitCategory, RuleSeverity.Warning, Sections("5.3", "5.4"), 319,
                T("Message broker or mail server reached in clear text",
                  "Courtier de messages ou serveur de courriel joint en clair"),
                T("{0}: the connection to {1} is not encrypted; enable TLS",
                  "{0} : la connexion à {1} n'est pas chiffrée ; activez TLS"),
                T("Kafka with security.protocol plaintext or sasl_plaintext, RabbitMQ over amqp:// or without Ssl.Enabled, Redis with ssl=false, SMTP with EnableSsl = false: messages, and often passwords, cross the network in clear text.",
                  "Kafka avec security.protocol plaintext ou sasl_plaintext, RabbitMQ en amqp:// ou sans Ssl.Enabled, Redis avec ssl=false, SMTP avec EnableSsl = false : les messages, et souvent les mots de passe, traversent le réseau en clair.")),
            CSharp(
                RuleIds.UnencryptedDatabaseConnection, TransitCategory, RuleSeverity.Warning, Sections("5.4", "5.3"), 319,
                T("Database connection without verified encryption",
                  "Connexion à la base de données sans chiffrement vérifié"),
                T("{0}: the connection to the database is not encrypted or does not verify the server certificate",
                  "{0} : la connexion à la base de données n'est pas chiffrée ou ne vérifie pas le certificat du serveur"),
                T("A SQL Server, PostgreSQL or MongoDB connection to a remote server turns encryption off (Encrypt=False, SSL Mode=Disable, tls=false) or trusts any server certificate (TrustServerCertificate=True), so queries and credentials can be read or the server impersonated.",
                  "Une connexion SQL Server, PostgreSQL ou MongoDB vers un serveur distant désactive le chiffrement (Encrypt=False, SSL Mode=Disable, tls=false) ou approuve tout certificat de serveur (TrustServerCertificate=True) : les requêtes et les identifiants peuvent être lus ou le serveur usurpé.")),
            CSharp(
                RuleIds.TokenMetadataOverHttp, TransitCategory, RuleSeverity.Warning, Sections("5.3", "5.4"), 319,
                T("Token metadata may be fetched over HTTP",
                  "Les métadonnées des jetons peuvent être obtenues en HTTP"),
                T("'{0}' is set to false: signing keys for token validation may be downloaded over clear text",
                  "'{0}' vaut false : les clés de signature des jetons peuvent être téléchargées en clair"),
                T("RequireHttpsMetadata = false on JwtBearer or OpenID Connect options allows the authority's metadata and signing keys to be fetched over HTTP; an attacker who tampers with them can forge tokens the service accepts.",
                  "RequireHttpsMetadata = false dans les options JwtBearer ou OpenID Connect permet d'obtenir les métadonnées et les clés de signature de l'autorité en HTTP ; un attaquant qui les modifie peut forger des jetons que le service accepte.")),
            CSharp(
                RuleIds.HttpsRedirectionMissing, TransitCategory, RuleSeverity.Suggestion, Sections("5.4", "5.3"), 319,
                T("Web application without HTTPS redirection or HSTS",
                  "Application web sans redirection HTTPS ni HSTS"),
                T("The web application built here calls neither UseHttpsRedirection nor UseHsts",
                  "L'application web construite ici n'appelle ni UseHttpsRedirection ni UseHsts"),
                T("A WebApplication pipeline has neither UseHttpsRedirection nor UseHsts, so browsers and clients may keep talking plain HTTP. Often fine when TLS ends at an ingress or a mesh sidecar; raise the severity when the service terminates TLS itself.",
                  "Un pipeline WebApplication n'a ni UseHttpsRedirection ni UseHsts : navigateurs et clients peuvent continuer en HTTP simple. Souvent acceptable quand TLS se termine à une entrée (ingress) ou dans un conteneur sidecar du maillage ; augmentez la gravité quand le service termine TLS lui-même.")),
        });
    }
}
