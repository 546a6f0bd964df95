using System.Collections.ObjectModel;

namespace SecureServices.Analyzers.Catalog
{
    internal static partial class RuleIds
    {
        public const string DeveloperExceptionPageOutsideDevelopment = "SSA6001";
        public const string ExceptionDetailsSentToClient = "SSA6002";
        public const string ExceptionMessageSentToClient = "SSA6003";
        public const string DetailedErrorsEnabled = "SSA6004";
        public const string EfSensitiveDataLogging = "SSA6005";
        public const string LogForging = "SSA6006";
    }

    // SSA6xxx — error handling, logging, secure configuration (§5.4)
    internal static partial class RuleCatalog
    {
        public const string ConfigurationCategory = "Security.Configuration";

        private static readonly ReadOnlyCollection<RuleDefinition> ConfigurationRules = Table(new[]
        {
            CSharp(
                RuleIds.DeveloperExceptionPageOutsideDevelopment, ConfigurationCategory, RuleSeverity.Warning, Sections("5.4"), 209,
                T("Developer exception page not limited to Development",
                  "Page d'exception du développeur non limitée à Development"),
                T("UseDeveloperExceptionPage() is not guarded by IsDevelopment(); stack traces, source and configuration would be shown to any client",
                  "UseDeveloperExceptionPage() n'est pas protégé par IsDevelopment() ; les traces de pile, le code source et la configuration seraient montrés à tout client"),
                T("The developer exception page shows the stack trace, source lines, headers, cookies and routing of every unhandled exception. Register it only inside an IsDevelopment() check (or #if DEBUG) and use UseExceptionHandler elsewhere.",
                  "La page d'exception du développeur affiche la trace de pile, les lignes de code, les en-têtes, les témoins et le routage de chaque exception non gérée. Enregistrez-la seulement dans un test IsDevelopment() (ou #if DEBUG) et utilisez UseExceptionHandler ailleurs.")),
            CSharp(
                RuleIds.ExceptionDetailsSentToClient, ConfigurationCategory, RuleSeverity.Warning, Sections("5.4"), 209,
                T("Exception details sent to the client",
                  "Détails d'exception envoyés au client"),
                T("'{0}' sends exception details (stack trace, inner exceptions, types) to the client; log the exception and return a generic error with a correlation id",
                  "'{0}' envoie au client les détails d'une exception (trace de pile, exceptions internes, types) ; journalisez l'exception et renvoyez une erreur générique avec un identifiant de corrélation"),
                T("An exception's ToString(), StackTrace, InnerException or the exception object itself, written into a response (Results, controller results, ObjectResult, ProblemDetails, Response.WriteAsync), tells an attacker the framework, code paths, file names, SQL and sometimes connection details. Code guarded by IsDevelopment() is not reported.",
                  "Le ToString(), la StackTrace, l'InnerException ou l'objet exception lui-même, écrit dans une réponse (Results, résultats de contrôleur, ObjectResult, ProblemDetails, Response.WriteAsync), révèle à un attaquant le cadriciel, les chemins du code, les noms de fichiers, le SQL et parfois des informations de connexion. Le code protégé par IsDevelopment() n'est pas signalé.")),
            CSharp(
                RuleIds.ExceptionMessageSentToClient, ConfigurationCategory, RuleSeverity.Suggestion, Sections("5.4"), 209,
                T("Exception message sent to the client",
                  "Message d'exception envoyé au client"),
                T("'{0}' sends an exception message to the client; messages of framework and driver exceptions can reveal internals, return a message you wrote instead",
                  "'{0}' envoie au client le message d'une exception ; les messages des exceptions du cadriciel et des pilotes peuvent révéler des détails internes, renvoyez plutôt un message rédigé par vous"),
                T("Exception.Message is often harmless for your own exceptions but framework, database and I/O exceptions put table names, file paths, host names and values in it. Send a message you control and log the exception.",
                  "Exception.Message est souvent anodin pour vos propres exceptions, mais les exceptions du cadriciel, des bases de données et des entrées-sorties y placent des noms de tables, des chemins de fichiers, des noms d'hôtes et des valeurs. Envoyez un message que vous maîtrisez et journalisez l'exception.")),
            CSharp(
                RuleIds.DetailedErrorsEnabled, ConfigurationCategory, RuleSeverity.Warning, Sections("5.4"), 209,
                T("Detailed errors enabled outside Development",
                  "Erreurs détaillées activées hors de Development"),
                T("'{0}' turns on detailed errors for every environment; exception messages and stack traces reach clients, enable it only when IsDevelopment()",
                  "'{0}' active les erreurs détaillées dans tous les environnements ; messages d'exception et traces de pile parviennent aux clients, activez-les seulement si IsDevelopment()"),
                T("EnableDetailedErrors on gRPC (GrpcServiceOptions) and SignalR (HubOptions) sends exception messages to callers, and the detailedErrors web host setting shows startup exception details. Set them from IsDevelopment() rather than to true.",
                  "EnableDetailedErrors de gRPC (GrpcServiceOptions) et de SignalR (HubOptions) envoie les messages d'exception aux appelants, et le paramètre d'hôte web detailedErrors affiche les détails des exceptions de démarrage. Réglez-les d'après IsDevelopment() plutôt qu'à true.")),
            CSharp(
                RuleIds.EfSensitiveDataLogging, ConfigurationCategory, RuleSeverity.Warning, Sections("5.4", "5.7"), 532,
                T("EF Core sensitive data logging or detailed errors outside Development",
                  "Journalisation des données sensibles ou erreurs détaillées d'EF Core hors de Development"),
                T("'{0}' is not limited to Development; parameter values (personal data, credentials) would be written to the logs",
                  "'{0}' n'est pas limité à Development ; les valeurs des paramètres (données personnelles, identifiants) seraient écrites dans les journaux"),
                T("EnableSensitiveDataLogging() puts every SQL parameter value and entity key into logs and exception messages, and EnableDetailedErrors() adds data values to errors. Call them with IsDevelopment() as the argument, or inside an IsDevelopment() check.",
                  "EnableSensitiveDataLogging() écrit chaque valeur de paramètre SQL et chaque clé d'entité dans les journaux et les messages d'exception, et EnableDetailedErrors() ajoute des valeurs aux erreurs. Appelez-les avec IsDevelopment() en argument, ou dans un test IsDevelopment().")),
            CSharp(
                RuleIds.LogForging, ConfigurationCategory, RuleSeverity.Warning, Sections("5.4", "5.7"), 117,
                T("Request data written to a log as raw text",
                  "Données de requête écrites telles quelles dans un journal"),
                T("'{0}' writes request data ('{1}') into the log text; an attacker can forge log lines with line breaks, log it as a structured argument of an ILogger template instead",
                  "'{0}' écrit des données de requête ('{1}') dans le texte du journal ; un attaquant peut forger des lignes avec des sauts de ligne, journalisez-les plutôt comme argument structuré d'un modèle ILogger"),
                T("Text built from query strings, headers, cookies, form fields, route values or handler parameters and written with Console, Trace or Debug lets a caller inject line breaks and fake entries (log forging). ILogger message templates built the same way are reported by the SDK rule CA2254, not here.",
                  "Un texte construit à partir de chaînes de requête, d'en-têtes, de témoins, de champs de formulaire, de valeurs de route ou de paramètres de gestionnaire et écrit avec Console, Trace ou Debug permet à un appelant d'injecter des sauts de ligne et de fausses entrées (falsification de journal). Les modèles de message ILogger construits de la même façon sont signalés par la règle CA2254 du SDK, pas ici.")),
        });
    }
}
