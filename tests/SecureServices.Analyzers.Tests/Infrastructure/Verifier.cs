using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SecureServices.Analyzers.Tests.Infrastructure;

/// <summary>
/// Analyzer tests: sources use the markup <c>{|SSA1001:text|}</c> for the exact span of each expected
/// diagnostic, so a test fails on a wrong id, a wrong location, a missing or an extra finding.
/// </summary>
public static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Warning);

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
        => AnalyzerAsync(source, editorConfig: null, expected);

    public static Task AnalyzerAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
        => RunAsync(source, editorConfig, CompilerDiagnostics.Errors, expected);

    /// <summary>For half-typed code: compiler errors are expected and ignored; only this analyzer's findings count.</summary>
    public static Task BrokenCodeAsync(string source, params DiagnosticResult[] expected)
        => RunAsync(source, null, CompilerDiagnostics.None, expected);

    private static async Task RunAsync(string source, string? editorConfig, CompilerDiagnostics compilerDiagnostics, DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = TestReferenceSet.Assemblies,
            CompilerDiagnostics = compilerDiagnostics,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferenceSet.References);
        if (editorConfig != null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>Applies the fix to every marked diagnostic (one by one and with FixAll) and compares the exact text.</summary>
    public static async Task CodeFixAsync<TFix>(string source, string fixedSource, int? codeActionIndex = null)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferenceSet.Assemblies,
            CodeActionIndex = codeActionIndex,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferenceSet.References);
        test.FixedState.AdditionalReferences.AddRange(TestReferenceSet.References);
        await test.RunAsync(CancellationToken.None);
    }
}
