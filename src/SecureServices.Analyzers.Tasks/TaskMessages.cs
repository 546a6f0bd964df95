using SecureServices.Analyzers.Catalog;

namespace SecureServices.Analyzers.Tasks
{
    /// <summary>The task's own messages, in English and French like every catalog text.</summary>
    internal static class TaskMessages
    {
        public static readonly LocalizedText Summary = new LocalizedText(
            "SecureServices: linted {0} Dockerfile(s), {1} finding(s) reported.",
            "SecureServices : {0} Dockerfile(s) analysé(s), {1} constat(s) signalé(s).");

        public static readonly LocalizedText StampNotWritten = new LocalizedText(
            "SecureServices: could not write '{0}' ({1}); the Dockerfiles will be linted again on the next build.",
            "SecureServices : impossible d'écrire '{0}' ({1}) ; les Dockerfiles seront de nouveau analysés à la prochaine construction.");

        public static readonly LocalizedText SarifNotWritten = new LocalizedText(
            "SecureServices: could not write the SARIF file '{0}' ({1}).",
            "SecureServices : impossible d'écrire le fichier SARIF '{0}' ({1}).");
    }
}
