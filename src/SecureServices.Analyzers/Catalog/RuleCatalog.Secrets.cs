namespace SecureServices.Analyzers.Catalog
{
    internal static partial class RuleIds
    {
        public const string HardCodedPassword = "SSA1001";
        public const string HardCodedSecretToken = "SSA1002";
    }

    // SSA1xxx — secrets in code and configuration (§5.8, §5.4 Secrets Management).
    internal static partial class RuleCatalog
    {
        public const string SecretsCategory = "Security.Secrets";

        private static readonly RuleDefinition[] SecretsRules =
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
        };
    }
}
