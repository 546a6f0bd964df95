using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals;
using SecureServices.Analyzers.Internals.SecretDetection;

namespace SecureServices.Analyzers.Rules.Secrets
{
    /// <summary>
    /// SSA1006: secrets in <c>appsettings*.json</c> and <c>*.env</c> files passed as AdditionalFiles (the package adds the
    /// project's own): recognised tokens, connection-string/URI passwords, and secret-named settings with a literal value.
    /// <c>appsettings.Development.json</c> findings are suggestions unless <c>secureservices.secrets_in_development_settings</c>
    /// says otherwise.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SecretInConfigurationFileAnalyzer : DiagnosticAnalyzer
    {
        public const string DevelopmentSettingsOption = "secrets_in_development_settings";

        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.SecretInConfigurationFile);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterAdditionalFileAction(AnalyzeFile);
        }

        private static void AnalyzeFile(AdditionalFileAnalysisContext context)
        {
            var severity = ConfigurationFiles.Severity(context, Rule.DefaultSeverity, DevelopmentSettingsOption, SecretSyntax.TestProjectsOption);
            if (severity == null || !ConfigurationFiles.TryRead(context.AdditionalFile, context.CancellationToken, out var text, out var values))
            {
                return;
            }

            var fileName = Path.GetFileName(context.AdditionalFile.Path);
            var content = text.ToString();
            var words = new SecretWordOptions(
                ConfigurationFiles.List(context, SecretSyntax.SecretWordsOption),
                ConfigurationFiles.List(context, SecretSyntax.ExcludedSecretWordsOption),
                ConfigurationFiles.List(context, SecretSyntax.IgnoredSecretValuesOption));
            foreach (var value in values)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (value.Value.Length == 0 || words.IgnoredValues.Contains(value.Value))
                {
                    continue;
                }

                var raw = content.Substring(value.Start, value.Length);
                int start, length;
                if (SecretTokenDetector.TryFind(raw, out var token) || ConnectionStringCredentials.TryFind(raw, out token))
                {
                    start = value.Start + token.Start;
                    length = token.Length;
                }
                else if (words.IsSecretName(value.Path) && !words.IsNotASecret(value.Value, LastSegment(value.Path)))
                {
                    start = value.Start;
                    length = value.Length;
                }
                else
                {
                    continue;
                }

                var location = ConfigurationFiles.Location(context.AdditionalFile, text, new TextSpan(start, length));
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, severity.Value, additionalLocations: null, properties: null, value.Path, fileName, length));
            }
        }

        private static string LastSegment(string path)
        {
            var colon = path.LastIndexOf(':');
            return colon < 0 ? path : path.Substring(colon + 1);
        }
    }
}
