using System.Globalization;
using SecureServices.Analyzers.Catalog;

namespace SecureServices.Dockerfile
{
    /// <summary>
    /// A message argument that is itself localized (an SSA9001 reason, a detail of a finding): formatted in
    /// the culture of the message that embeds it, so a French build reads French from end to end.
    /// </summary>
    public sealed class LocalizedArgument
    {
        private readonly LocalizedText format;
        private readonly object[] arguments;

        internal LocalizedArgument(LocalizedText format, params object[] arguments)
        {
            this.format = format;
            this.arguments = arguments;
        }

        public string ToString(CultureInfo? culture)
        {
            var text = format.Get(culture);
            if (arguments.Length == 0)
            {
                return text;
            }

            var args = new object[arguments.Length];
            for (var i = 0; i < args.Length; i++)
            {
                args[i] = arguments[i] is LocalizedArgument inner ? inner.ToString(culture) : arguments[i];
            }

            try
            {
                return string.Format(culture ?? CultureInfo.InvariantCulture, text, args);
            }
            catch (System.FormatException)
            {
                return text;
            }
        }

        public override string ToString() => ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The engine's own texts (SSA9001 reasons, finding details), in English and French.</summary>
    internal static class EngineMessages
    {
        public static readonly LocalizedText NoInstructions = new LocalizedText("the file contains no instructions", "le fichier ne contient aucune instruction");
        public static readonly LocalizedText FromWithoutImage = new LocalizedText("FROM requires an image", "FROM exige une image");
        public static readonly LocalizedText FromSyntax = new LocalizedText("FROM expects 'FROM image [AS name]'", "FROM attend « FROM image [AS nom] »");
        public static readonly LocalizedText BeforeFirstFrom = new LocalizedText("{0} comes before the first FROM (only ARG may)", "{0} précède le premier FROM (seul ARG le peut)");
        public static readonly LocalizedText UnknownInstruction = new LocalizedText("unknown instruction '{0}'", "instruction inconnue « {0} »");
        public static readonly LocalizedText MissingArgument = new LocalizedText("{0} requires at least one argument", "{0} exige au moins un argument");
        public static readonly LocalizedText UnterminatedHeredoc = new LocalizedText("heredoc '{0}' is never terminated", "le document intégré (heredoc) « {0} » n'est jamais terminé");
        public static readonly LocalizedText TooLarge = new LocalizedText("the file is {0} MB, larger than the {1} MB limit", "le fichier fait {0} Mo, plus que la limite de {1} Mo");
        public static readonly LocalizedText Binary = new LocalizedText("the file is binary, not text", "le fichier est binaire, pas du texte");
        public static readonly LocalizedText InternalParserError = new LocalizedText("internal parser error ({0})", "erreur interne de l'analyseur syntaxique ({0})");
        public static readonly LocalizedText RuleFailed = new LocalizedText("rule {0} failed ({1})", "la règle {0} a échoué ({1})");
        public static readonly LocalizedText IsFolder = new LocalizedText("the path is a folder, not a file", "le chemin désigne un dossier, pas un fichier");
        public static readonly LocalizedText DoesNotExist = new LocalizedText("the file does not exist", "le fichier n'existe pas");
        public static readonly LocalizedText NotRegularFile = new LocalizedText("the path is not a regular file (a named pipe, a device or a socket); it is not read", "le chemin ne désigne pas un fichier ordinaire (tube nommé, périphérique ou socket) ; il n'est pas lu");
        public static readonly LocalizedText NotRegularContextFile = new LocalizedText("the build context file '{0}' is not a regular file (a named pipe, a device or a socket); it is not read", "le fichier « {0} » du contexte de construction n'est pas un fichier ordinaire (tube nommé, périphérique ou socket) ; il n'est pas lu");
        public static readonly LocalizedText CannotRead = new LocalizedText("the file cannot be read ({0})", "le fichier ne peut pas être lu ({0})");

        public static LocalizedArgument Arg(LocalizedText text, params object[] args) => new LocalizedArgument(text, args);
    }
}
