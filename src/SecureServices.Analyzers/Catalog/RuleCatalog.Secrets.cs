namespace SecureServices.Analyzers.Catalog
{
    internal static partial class RuleIds
    {
        public const string HardCodedPassword = "SSA1001";
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
        };
    }
}
