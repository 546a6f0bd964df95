using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SecureServices.Analyzers.Tests.Infrastructure;

namespace SecureServices.Analyzers.Tests.Secrets;

/// <summary>
/// What the shared verifier cannot express: a .globalconfig (build properties such as IsTestProject), additional
/// files (appsettings.json) and explicit expected diagnostics with severities.
/// </summary>
internal static class SecretsVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static async Task RunAsync(
        string source,
        string? globalConfig = null,
        (string Path, string Text)[]? additionalFiles = null,
        string? editorConfig = null,
        params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = TestReferenceSet.Assemblies,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferenceSet.References);
        if (globalConfig != null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        }

        if (editorConfig != null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n" + editorConfig));
        }

        foreach (var file in additionalFiles ?? System.Array.Empty<(string, string)>())
        {
            test.TestState.AdditionalFiles.Add((file.Path, file.Text));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    public static DiagnosticResult Diagnostic(string id, DiagnosticSeverity severity) => new(id, severity);
}
