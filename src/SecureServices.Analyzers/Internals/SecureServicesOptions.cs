using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureServices.Analyzers.Internals
{
    /// <summary>
    /// Reads <c>secureservices.*</c> options from .editorconfig / .globalconfig (and MSBuild properties made
    /// compiler-visible as <c>build_property.*</c>). Every option is documented in docs/configuration.md.
    /// </summary>
    internal static class SecureServicesOptions
    {
        public const string Prefix = "secureservices.";

        /// <summary>The raw value for <paramref name="tree"/> (its .editorconfig sections), else the global options.</summary>
        public static string? Get(AnalyzerOptions options, SyntaxTree? tree, string name)
        {
            var key = name.StartsWith(Prefix, StringComparison.Ordinal) ? name : Prefix + name;
            if (tree != null && options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(key, out var value))
            {
                return value;
            }

            return options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(key, out value) ? value : null;
        }

        /// <summary>A list option: comma-, semicolon- or space-separated, trimmed, empty entries dropped.</summary>
        public static ImmutableArray<string> GetList(AnalyzerOptions options, SyntaxTree? tree, string name)
        {
            var raw = Get(options, tree, name);
            return string.IsNullOrWhiteSpace(raw)
                ? ImmutableArray<string>.Empty
                : ImmutableArray.Create(raw!.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries));
        }

        public static bool GetBool(AnalyzerOptions options, SyntaxTree? tree, string name, bool defaultValue)
        {
            var raw = Get(options, tree, name);
            return raw != null && bool.TryParse(raw.Trim(), out var value) ? value : defaultValue;
        }

        /// <summary>An MSBuild property the package made compiler-visible (<c>build_property.IsTestProject</c>…).</summary>
        public static string? GetBuildProperty(AnalyzerOptions options, string property)
            => options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property." + property, out var value) ? value : null;
    }
}
