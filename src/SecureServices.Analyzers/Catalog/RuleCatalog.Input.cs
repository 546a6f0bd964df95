using System.Collections.ObjectModel;

namespace SecureServices.Analyzers.Catalog
{
    internal static partial class RuleIds
    {
        public const string SqlInjection = "SSA4001";
        public const string CommandInjection = "SSA4002";
        public const string PathTraversal = "SSA4003";
        public const string ServerSideRequestForgery = "SSA4004";
        public const string OpenRedirect = "SSA4005";
        public const string RegexInjection = "SSA4006";
        public const string SqlBuiltFromNonConstant = "SSA4010";
        public const string InsecureDeserializer = "SSA4020";
        public const string JsonNetTypeNameHandling = "SSA4021";
    }

    // SSA4xxx — input validation, injection, deserialization (§5.4)
    internal static partial class RuleCatalog
    {
        public const string InputCategory = "Security.Input";

        private static readonly ReadOnlyCollection<RuleDefinition> InputRules = Table(new[]
        {
            CSharp(
                RuleIds.SqlInjection, InputCategory, RuleSeverity.Error, Sections("5.4"), 89,
                T("Untrusted input reaches SQL command text",
                  "Une entrée non fiable atteint le texte d'une commande SQL"),
                T("Untrusted input ({0}) reaches the SQL text passed to '{1}'; pass it as a parameter instead",
                  "Une entrée non fiable ({0}) atteint le texte SQL passé à '{1}' ; passez-la plutôt en paramètre"),
                T("A value that comes from the request (route, query, headers, form, body, cookies), a gRPC or SignalR message, or a Kafka/RabbitMQ payload flows, without a parse to a number, Guid or enum or an allow-list check, into the text of a SQL command (ADO.NET CommandText, EF Core FromSqlRaw/ExecuteSqlRaw/SqlQueryRaw, Dapper). The caller can change the query.",
                  "Une valeur issue de la requête (route, chaîne de requête, en-têtes, formulaire, corps, témoins), d'un message gRPC ou SignalR, ou d'un message Kafka/RabbitMQ atteint, sans conversion en nombre, Guid ou énumération ni vérification par liste d'autorisation, le texte d'une commande SQL (CommandText ADO.NET, FromSqlRaw/ExecuteSqlRaw/SqlQueryRaw d'EF Core, Dapper). L'appelant peut modifier la requête.")),
            CSharp(
                RuleIds.CommandInjection, InputCategory, RuleSeverity.Error, Sections("5.4"), 78,
                T("Untrusted input reaches an operating-system command",
                  "Une entrée non fiable atteint une commande du système d'exploitation"),
                T("Untrusted input ({0}) reaches the process started by '{1}'; start a fixed program and validate the argument against an allow-list",
                  "Une entrée non fiable ({0}) atteint le processus lancé par '{1}' ; lancez un programme fixe et validez l'argument par une liste d'autorisation"),
                T("A value from the request or a message flows into Process.Start or into ProcessStartInfo.FileName, Arguments or ArgumentList. The caller can choose the program or inject options and extra commands.",
                  "Une valeur issue de la requête ou d'un message atteint Process.Start ou ProcessStartInfo.FileName, Arguments ou ArgumentList. L'appelant peut choisir le programme ou injecter des options et des commandes.")),
            CSharp(
                RuleIds.PathTraversal, InputCategory, RuleSeverity.Warning, Sections("5.4"), 22,
                T("Untrusted input reaches a file-system path",
                  "Une entrée non fiable atteint un chemin du système de fichiers"),
                T("Untrusted input ({0}) reaches the path used by '{1}'; keep only Path.GetFileName or check the full path stays under a root",
                  "Une entrée non fiable ({0}) atteint le chemin utilisé par '{1}' ; ne gardez que Path.GetFileName ou vérifiez que le chemin complet reste sous une racine"),
                T("A value from the request or a message flows into a path given to File, Directory, FileStream, StreamReader/StreamWriter, FileInfo/DirectoryInfo, Results.File/PhysicalFile or a controller's PhysicalFile/File. '../' segments or an absolute path let the caller read or overwrite any file the process can reach, including mounted secrets.",
                  "Une valeur issue de la requête ou d'un message atteint un chemin passé à File, Directory, FileStream, StreamReader/StreamWriter, FileInfo/DirectoryInfo, Results.File/PhysicalFile ou PhysicalFile/File d'un contrôleur. Des segments « ../ » ou un chemin absolu permettent à l'appelant de lire ou d'écraser tout fichier accessible au processus, y compris les secrets montés.")),
            CSharp(
                RuleIds.ServerSideRequestForgery, InputCategory, RuleSeverity.Warning, Sections("5.4", "5.3"), 918,
                T("Untrusted input chooses the target of an outgoing HTTP request",
                  "Une entrée non fiable choisit la cible d'une requête HTTP sortante"),
                T("Untrusted input ({0}) reaches the request URI of '{1}'; fix the scheme and host and put input only in the path or query",
                  "Une entrée non fiable ({0}) atteint l'URI de la requête de '{1}' ; fixez le schéma et l'hôte et ne placez l'entrée que dans le chemin ou la chaîne de requête"),
                T("A value from the request or a message flows into the URI of an HttpClient call or HttpRequestMessage where it can set the scheme or host. The service can be made to call internal endpoints (metadata services, the cluster API, other pods) on the attacker's behalf.",
                  "Une valeur issue de la requête ou d'un message atteint l'URI d'un appel HttpClient ou d'un HttpRequestMessage à un endroit où elle peut fixer le schéma ou l'hôte. On peut faire appeler au service des points de terminaison internes (service de métadonnées, API de la grappe, autres pods) pour le compte de l'attaquant.")),
            CSharp(
                RuleIds.OpenRedirect, InputCategory, RuleSeverity.Warning, Sections("5.4"), 601,
                T("Untrusted input chooses a redirect target",
                  "Une entrée non fiable choisit la cible d'une redirection"),
                T("Untrusted input ({0}) reaches the redirect target of '{1}'; check it with Url.IsLocalUrl or use LocalRedirect",
                  "Une entrée non fiable ({0}) atteint la cible de redirection de '{1}' ; vérifiez-la avec Url.IsLocalUrl ou utilisez LocalRedirect"),
                T("A value from the request flows into Redirect, Results.Redirect, HttpResponse.Redirect or RedirectResult without an Url.IsLocalUrl check or an allow-list. Phishing links can then bounce users through the service to any site.",
                  "Une valeur issue de la requête atteint Redirect, Results.Redirect, HttpResponse.Redirect ou RedirectResult sans vérification Url.IsLocalUrl ni liste d'autorisation. Des liens d'hameçonnage peuvent alors faire passer les utilisateurs par le service vers n'importe quel site.")),
            CSharp(
                RuleIds.RegexInjection, InputCategory, RuleSeverity.Warning, Sections("5.4"), 1333,
                T("Regular expression built from untrusted input without a timeout",
                  "Expression régulière construite à partir d'une entrée non fiable sans délai d'expiration"),
                T("Untrusted input ({0}) is used as a regular expression by '{1}' without a match timeout; pass a timeout or escape the input with Regex.Escape",
                  "Une entrée non fiable ({0}) sert d'expression régulière à '{1}' sans délai d'expiration ; passez un délai ou échappez l'entrée avec Regex.Escape"),
                T("A pattern that comes from the request or a message is compiled without a match timeout (and without RegexOptions.NonBacktracking). A crafted pattern can make matching take exponential time and pin a CPU (ReDoS).",
                  "Un motif issu de la requête ou d'un message est compilé sans délai d'expiration (et sans RegexOptions.NonBacktracking). Un motif forgé peut rendre la recherche exponentielle et bloquer un processeur (ReDoS).")),
            CSharp(
                RuleIds.SqlBuiltFromNonConstant, InputCategory, RuleSeverity.Warning, Sections("5.4"), 89,
                T("SQL text built from non-constant values",
                  "Texte SQL construit à partir de valeurs non constantes"),
                T("The SQL text passed to '{0}' is built by {1} from the non-constant value '{2}'; use parameters",
                  "Le texte SQL passé à '{0}' est construit par {1} à partir de la valeur non constante '{2}' ; utilisez des paramètres"),
                T("The text of a SQL command is built by concatenation, interpolation or string.Format from a string that is not a constant, even though no untrusted source was seen. If that value ever comes from a user, the query can be changed; parameters make the question moot. Numbers, Guids, enums and booleans are not reported.",
                  "Le texte d'une commande SQL est construit par concaténation, interpolation ou string.Format à partir d'une chaîne non constante, même si aucune source non fiable n'a été vue. Si cette valeur vient un jour d'un utilisateur, la requête peut être modifiée ; les paramètres règlent la question. Les nombres, Guid, énumérations et booléens ne sont pas signalés.")),
            CSharp(
                RuleIds.InsecureDeserializer, InputCategory, RuleSeverity.Error, Sections("5.4"), 502,
                T("Insecure deserializer",
                  "Désérialiseur non sécurisé"),
                T("'{0}' can instantiate any type named in its input and run code while deserializing; use System.Text.Json or a serializer with a fixed contract",
                  "'{0}' peut instancier n'importe quel type nommé dans ses données et exécuter du code en désérialisant ; utilisez System.Text.Json ou un sérialiseur à contrat fixe"),
                T("BinaryFormatter, SoapFormatter, NetDataContractSerializer, LosFormatter, ObjectStateFormatter and JavaScriptSerializer with a type resolver read type names from the payload. A crafted payload builds a gadget chain that runs arbitrary code; no validation of the data afterwards can help.",
                  "BinaryFormatter, SoapFormatter, NetDataContractSerializer, LosFormatter, ObjectStateFormatter et JavaScriptSerializer avec un résolveur de types lisent des noms de types dans les données. Des données forgées construisent une chaîne de gadgets qui exécute du code arbitraire ; aucune validation ultérieure n'y peut rien.")),
            CSharp(
                RuleIds.JsonNetTypeNameHandling, InputCategory, RuleSeverity.Warning, Sections("5.4"), 502,
                T("Json.NET TypeNameHandling other than None",
                  "TypeNameHandling de Json.NET différent de None"),
                T("TypeNameHandling.{0} lets the JSON choose the .NET type to create; use TypeNameHandling.None or restrict types with an ISerializationBinder",
                  "TypeNameHandling.{0} laisse le JSON choisir le type .NET à créer ; utilisez TypeNameHandling.None ou limitez les types avec un ISerializationBinder"),
                T("With TypeNameHandling set to Objects, Arrays, All or Auto, Newtonsoft.Json honours the $type property of the input and creates that type. Known gadget types turn this into remote code execution. Not reported when the same settings object also sets a SerializationBinder.",
                  "Avec TypeNameHandling à Objects, Arrays, All ou Auto, Newtonsoft.Json respecte la propriété $type des données et crée ce type. Des types gadgets connus en font une exécution de code à distance. Non signalé lorsque le même objet de paramètres définit aussi un SerializationBinder.")),
        });
    }
}
