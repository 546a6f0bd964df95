using System.Collections.ObjectModel;

namespace SecureServices.Analyzers.Catalog
{
    internal static partial class RuleIds
    {
        public const string HardCodedPassword = "SSA1001";
        public const string HardCodedSecretToken = "SSA1002";
        public const string ConnectionStringPassword = "SSA1003";
        public const string HardCodedSecretFallback = "SSA1004";
        public const string HardCodedCryptographicKey = "SSA1005";
        public const string SecretInConfigurationFile = "SSA1006";
        public const string SecretWrittenToLog = "SSA1007";
    }

    // SSA1xxx — secrets in code and configuration (§5.8, §5.4 Secrets Management).
    internal static partial class RuleCatalog
    {
        public const string SecretsCategory = "Security.Secrets";

        private static readonly ReadOnlyCollection<RuleDefinition> SecretsRules = Table(new[]
        {
            CSharp(
                RuleIds.HardCodedPassword, SecretsCategory, RuleSeverity.Warning, Sections("5.8", "5.4"), 798,
                T("Hard-coded password or secret",
                  "Mot de passe ou secret codé en dur"),
                T("'{0}' is given a hard-coded secret ({1} characters); read it from configuration or a secret store instead",
                  "'{0}' reçoit un secret codé en dur ({1} caractères) ; lisez-le plutôt depuis la configuration ou un coffre de secrets"),
                T("A string literal is assigned to a variable, field, property or parameter whose name says it holds a password or secret. Anyone who can read the source, the assembly or the image can read the secret.",
                  "Une chaîne littérale est affectée à une variable, un champ, une propriété ou un paramètre dont le nom indique un mot de passe ou un secret. Quiconque lit le code source, l'assembly ou l'image peut lire le secret.")),
            CSharp(
                RuleIds.HardCodedSecretToken, SecretsCategory, RuleSeverity.Error, Sections("5.8", "5.4"), 798,
                T("Recognised secret token in source code",
                  "Jeton secret reconnu dans le code source"),
                T("Hard-coded {0} ('{1}…', {2} characters); revoke it and load it from configuration or a secret store",
                  "Secret de type « {0} » codé en dur (« {1}… », {2} caractères) ; révoquez-le et chargez-le depuis la configuration ou un coffre de secrets"),
                T("A string literal contains a credential in a format issued by a known provider (cloud access key, personal access token, API key, private key, signed JWT), whatever the name it is given. Such a value is almost always live: it is readable by anyone with the source, the assembly or the image, and automated scanners harvest public repositories for it within minutes.",
                  "Une chaîne littérale contient un identifiant dans un format émis par un fournisseur connu (clé d'accès infonuagique, jeton d'accès personnel, clé d'API, clé privée, JWT signé), quel que soit le nom qu'on lui donne. Une telle valeur est presque toujours active : quiconque a le code source, l'assembly ou l'image peut la lire, et des robots fouillent les dépôts publics à sa recherche en quelques minutes.")),
            CSharp(
                RuleIds.ConnectionStringPassword, SecretsCategory, RuleSeverity.Warning, Sections("5.8", "5.4"), 798,
                T("Password in a connection string or URI",
                  "Mot de passe dans une chaîne de connexion ou une URI"),
                T("This {0} contains a hard-coded password ({1} characters); keep the connection string in configuration and the password in a secret store",
                  "Cette valeur ({0}) contient un mot de passe codé en dur ({1} caractères) ; gardez la chaîne de connexion dans la configuration et le mot de passe dans un coffre de secrets"),
                T("A string literal is a connection string with a Password= or Pwd= value (SQL Server, PostgreSQL, MySQL, Oracle, Redis, Kafka) or a URI with a password in its user information (amqp://user:pass@host, mongodb://…). The password ships with the source, the assembly and the image.",
                  "Une chaîne littérale est une chaîne de connexion avec une valeur Password= ou Pwd= (SQL Server, PostgreSQL, MySQL, Oracle, Redis, Kafka) ou une URI dont les informations d'utilisateur contiennent un mot de passe (amqp://user:pass@host, mongodb://…). Le mot de passe est livré avec le code source, l'assembly et l'image.")),
            CSharp(
                RuleIds.HardCodedSecretFallback, SecretsCategory, RuleSeverity.Warning, Sections("5.8", "5.4"), 798,
                T("Hard-coded fallback for a secret setting",
                  "Valeur de repli codée en dur pour un secret"),
                T("'{0}' falls back to a hard-coded secret ({1} characters) when it is not configured; fail instead of shipping a default",
                  "'{0}' se rabat sur un secret codé en dur ({1} caractères) s'il n'est pas configuré ; échouez plutôt que de livrer une valeur par défaut"),
                T("A secret is read from configuration or the environment, but a literal is used when the setting is missing (configuration[\"Db:Password\"] ?? \"…\", GetValue<string>(\"Jwt:Key\", \"…\"), GetConnectionString(…) ?? \"…Password=…\"). The default ships in the code, and a deployment that forgets the setting silently runs with a known secret.",
                  "Un secret est lu depuis la configuration ou l'environnement, mais une chaîne littérale est utilisée quand le paramètre manque (configuration[\"Db:Password\"] ?? \"…\", GetValue<string>(\"Jwt:Key\", \"…\"), GetConnectionString(…) ?? \"…Password=…\"). La valeur par défaut est livrée dans le code, et un déploiement qui oublie le paramètre tourne silencieusement avec un secret connu.")),
            CSharp(
                RuleIds.HardCodedCryptographicKey, SecretsCategory, RuleSeverity.Error, Sections("5.8", "5.4"), 321,
                T("Hard-coded cryptographic key",
                  "Clé cryptographique codée en dur"),
                T("'{0}' receives a key built from constants in the code; load key material from a key store instead",
                  "'{0}' reçoit une clé construite à partir de constantes du code ; chargez plutôt la clé depuis un magasin de clés"),
                T("Key material built from constants (Encoding.UTF8.GetBytes(\"…\"), Convert.FromBase64String(\"…\"), \"…\"u8, new byte[] { … }) is given to a JWT signing key, an HMAC, a symmetric cipher or a key derivation. Anyone with the source or the assembly can forge tokens or decrypt data, and the key cannot be rotated without a release.",
                  "Une clé construite à partir de constantes (Encoding.UTF8.GetBytes(\"…\"), Convert.FromBase64String(\"…\"), \"…\"u8, new byte[] { … }) est donnée à une clé de signature JWT, un HMAC, un chiffrement symétrique ou une dérivation de clé. Quiconque a le code source ou l'assembly peut forger des jetons ou déchiffrer les données, et la clé ne peut pas être changée sans nouvelle version.")),
            CSharp(
                RuleIds.SecretInConfigurationFile, SecretsCategory, RuleSeverity.Warning, Sections("5.8", "5.4"), 260,
                T("Secret in a configuration file",
                  "Secret dans un fichier de configuration"),
                T("'{0}' in {1} holds a secret in clear text ({2} characters); move it to user secrets or a secret store",
                  "'{0}' dans {1} contient un secret en clair ({2} caractères) ; déplacez-le vers les secrets d'utilisateur ou un coffre de secrets"),
                T("An appsettings*.json or .env file passed to the compiler holds a secret-named setting with a literal value, a connection string with a password or a recognised token. Configuration files are committed, copied into the build output and into container images.",
                  "Un fichier appsettings*.json ou .env transmis au compilateur contient un paramètre au nom de secret avec une valeur littérale, une chaîne de connexion avec un mot de passe ou un jeton reconnu. Les fichiers de configuration sont versionnés, copiés dans la sortie de compilation et dans les images de conteneur.")),
            CSharp(
                RuleIds.SecretWrittenToLog, SecretsCategory, RuleSeverity.Warning, Sections("5.8", "5.4", "5.7"), 532,
                T("Secret written to a log",
                  "Secret écrit dans un journal"),
                T("'{0}' is written to a log or the console; log whether it is set, never its value",
                  "'{0}' est écrit dans un journal ou la console ; journalisez s'il est défini, jamais sa valeur"),
                T("A value whose name says it is a password, secret, key or token, the Authorization header, or a secret configuration setting is passed to an ILogger call, a [LoggerMessage] method, Console or Debug/Trace output. Logs are shipped to central systems, kept for months and read by many more people than the secret's owners.",
                  "Une valeur dont le nom indique un mot de passe, un secret, une clé ou un jeton, l'en-tête Authorization ou un paramètre de configuration secret est passée à un appel ILogger, une méthode [LoggerMessage], la console ou la sortie Debug/Trace. Les journaux sont envoyés vers des systèmes centraux, conservés des mois et lus par bien plus de personnes que les détenteurs du secret.")),
        });
    }
}
