using System;
using System.Collections.Generic;
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

        // Files larger than this are not configuration files a person edits.
        private const int MaximumFileLength = 2 * 1024 * 1024;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterAdditionalFileAction(AnalyzeFile);
        }

        private static void AnalyzeFile(AdditionalFileAnalysisContext context)
        {
            var path = context.AdditionalFile.Path;
            var fileName = Path.GetFileName(path);
            var isJson = fileName.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            var isDotEnv = fileName.Equals(".env", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".env", StringComparison.OrdinalIgnoreCase);
            if (!isJson && !isDotEnv)
            {
                return;
            }

            var text = context.AdditionalFile.GetText(context.CancellationToken);
            if (text == null || text.Length > MaximumFileLength)
            {
                return;
            }

            var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.AdditionalFile);
            var severity = Severity(context, fileName, options);
            if (severity == null)
            {
                return;
            }

            var content = text.ToString();
            var values = isJson ? ConfigurationFileValues.ReadJson(content) : ConfigurationFileValues.ReadDotEnv(content);
            var words = new SecretWordOptions(
                List(options, context.Options, SecretSyntax.SecretWordsOption),
                List(options, context.Options, SecretSyntax.ExcludedSecretWordsOption),
                List(options, context.Options, SecretSyntax.IgnoredSecretValuesOption));
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

                var span = new TextSpan(start, length);
                var location = Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, severity.Value, additionalLocations: null, properties: null, value.Path, fileName, length));
            }
        }

        /// <summary>The rule's severity, a suggestion for Development settings or test projects (configurable), or null to skip the file.</summary>
        private static DiagnosticSeverity? Severity(AdditionalFileAnalysisContext context, string fileName, AnalyzerConfigOptions options)
        {
            var severity = Rule.DefaultSeverity;
            if (fileName.IndexOf(".Development.", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                switch (Option(options, context.Options, DevelopmentSettingsOption))
                {
                    case "ignore":
                        return null;
                    case "report":
                        break;
                    default:
                        severity = DiagnosticSeverity.Info;
                        break;
                }
            }

            if (string.Equals(SecureServicesOptions.GetBuildProperty(context.Options, "IsTestProject")?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                switch (Option(options, context.Options, SecretSyntax.TestProjectsOption))
                {
                    case "ignore":
                        return null;
                    case "report":
                        break;
                    default:
                        severity = DiagnosticSeverity.Info;
                        break;
                }
            }

            return severity;
        }

        private static string? Option(AnalyzerConfigOptions fileOptions, AnalyzerOptions options, string name)
            => RawOption(fileOptions, options, name)?.ToLowerInvariant();

        private static string? RawOption(AnalyzerConfigOptions fileOptions, AnalyzerOptions options, string name)
        {
            var key = SecureServicesOptions.Prefix + name;
            return fileOptions.TryGetValue(key, out var value) || options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(key, out value)
                ? value.Trim()
                : null;
        }

        private static ImmutableArray<string> List(AnalyzerConfigOptions fileOptions, AnalyzerOptions options, string name)
        {
            var raw = RawOption(fileOptions, options, name);
            return string.IsNullOrWhiteSpace(raw)
                ? ImmutableArray<string>.Empty
                : ImmutableArray.Create(raw!.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries));
        }

        private static string LastSegment(string path)
        {
            var colon = path.LastIndexOf(':');
            return colon < 0 ? path : path.Substring(colon + 1);
        }
    }
}
