using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SecureServices.Analyzers.Internals
{
    /// <summary>
    /// The configuration files a rule reads from AdditionalFiles (<c>appsettings*.json</c>, <c>.env</c>, <c>*.env</c>):
    /// which files qualify, their values, per-file options, the severity in Development settings and test projects,
    /// and locations inside them. Shared by every rule that looks at configuration files so they agree on all of it.
    /// </summary>
    internal static class ConfigurationFiles
    {
        // Files larger than this are not configuration files a person edits.
        private const int MaximumFileLength = 2 * 1024 * 1024;

        /// <summary>
        /// The string values of <paramref name="file"/> when it is a configuration file of a readable size; false
        /// for any other file. Never throws on malformed content (the values read before the error are returned).
        /// </summary>
        public static bool TryRead(AdditionalText file, System.Threading.CancellationToken cancellationToken, out SourceText text, out List<ConfigurationValue> values)
        {
            text = null!;
            values = null!;
            var fileName = Path.GetFileName(file.Path);
            var isJson = fileName.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            var isDotEnv = fileName.Equals(".env", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".env", StringComparison.OrdinalIgnoreCase);
            if (!isJson && !isDotEnv)
            {
                return false;
            }

            var read = file.GetText(cancellationToken);
            if (read == null || read.Length > MaximumFileLength)
            {
                return false;
            }

            text = read;
            var content = read.ToString();
            values = isJson ? ConfigurationFileValues.ReadJson(content) : ConfigurationFileValues.ReadDotEnv(content);
            return true;
        }

        /// <summary>
        /// <paramref name="defaultSeverity"/>, lowered to a suggestion for <c>appsettings.Development.json</c> and in test
        /// projects (<c>IsTestProject=true</c>), or null to skip the file. Each case can be changed with its option
        /// (<c>suggestion</c> by default, <c>report</c>, <c>ignore</c>); a null option name keeps the suggestion.
        /// </summary>
        public static DiagnosticSeverity? Severity(AdditionalFileAnalysisContext context, DiagnosticSeverity defaultSeverity, string? developmentOption, string? testProjectsOption)
        {
            var severity = defaultSeverity;
            if (Path.GetFileName(context.AdditionalFile.Path).IndexOf(".Development.", StringComparison.OrdinalIgnoreCase) >= 0
                && !Lower(context, developmentOption, ref severity))
            {
                return null;
            }

            if (string.Equals(SecureServicesOptions.GetBuildProperty(context.Options, "IsTestProject")?.Trim(), "true", StringComparison.OrdinalIgnoreCase)
                && !Lower(context, testProjectsOption, ref severity))
            {
                return null;
            }

            return severity;
        }

        /// <summary>A <c>secureservices.*</c> option for this file (its .editorconfig sections), else the global one; trimmed.</summary>
        public static string? Option(AdditionalFileAnalysisContext context, string name)
        {
            var key = SecureServicesOptions.Prefix + name;
            return context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.AdditionalFile).TryGetValue(key, out var value)
                || context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(key, out value)
                ? value.Trim()
                : null;
        }

        /// <summary>A list option for this file: comma-, semicolon- or space-separated, empty entries dropped.</summary>
        public static ImmutableArray<string> List(AdditionalFileAnalysisContext context, string name)
        {
            var raw = Option(context, name);
            return string.IsNullOrWhiteSpace(raw)
                ? ImmutableArray<string>.Empty
                : ImmutableArray.Create(raw!.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries));
        }

        /// <summary>The location of <paramref name="span"/> in the file, with its line and column.</summary>
        public static Location Location(AdditionalText file, SourceText text, TextSpan span)
            => Microsoft.CodeAnalysis.Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));

        private static bool Lower(AdditionalFileAnalysisContext context, string? option, ref DiagnosticSeverity severity)
        {
            switch (option == null ? null : Option(context, option)?.ToLowerInvariant())
            {
                case "ignore":
                    return false;
                case "report":
                    return true;
                default:
                    severity = DiagnosticSeverity.Info;
                    return true;
            }
        }
    }
}
