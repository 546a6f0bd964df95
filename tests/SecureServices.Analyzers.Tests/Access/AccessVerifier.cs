using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SecureServices.Analyzers.Tests.Infrastructure;

namespace SecureServices.Analyzers.Tests.Access;

/// <summary>
/// Whole-app tests: several files (Program.cs, controllers, endpoint modules) compiled together, each with
/// <c>{|SSA3001:span|}</c> markup, optionally with an .editorconfig; code fixes compared file by file.
/// </summary>
public static class AccessVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>Top-level statements need an executable; the files are named so paths (Pages/…) mean something.</summary>
    public static Task AppAsync(params (string Path, string Source)[] files)
        => RunAsync(files, null, CompilerDiagnostics.Errors);

    public static Task AppAsync(string? editorConfig, params (string Path, string Source)[] files)
        => RunAsync(files, editorConfig, CompilerDiagnostics.Errors);

    public static async Task AppWithResultsAsync((string Path, string Source)[] files, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferenceSet.Assemblies };
        Configure(test.TestState, files, null);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    public static Task BrokenAppAsync(params (string Path, string Source)[] files)
        => RunAsync(files, null, CompilerDiagnostics.None);

    private static async Task RunAsync((string Path, string Source)[] files, string? editorConfig, CompilerDiagnostics compilerDiagnostics)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferenceSet.Assemblies,
            CompilerDiagnostics = compilerDiagnostics,
        };
        Configure(test.TestState, files, editorConfig);
        await test.RunAsync(CancellationToken.None);
    }

    public static async Task FixAsync<TFix>((string Path, string Source)[] files, (string Path, string Source)[] fixedFiles, int? iterations = null)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferenceSet.Assemblies,

            // Whole-app rules report at compilation end (non-local diagnostics), as the IDE sees them.
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        Configure(test.TestState, files, null);
        Configure(test.FixedState, fixedFiles, null);
        if (iterations != null)
        {
            test.NumberOfFixAllIterations = iterations;
            test.NumberOfIncrementalIterations = iterations;
        }

        await test.RunAsync(CancellationToken.None);
    }

    private static void Configure(SolutionState state, (string Path, string Source)[] files, string? editorConfig)
    {
        state.OutputKind = System.Array.Exists(files, f => f.Path.EndsWith("Program.cs", System.StringComparison.Ordinal))
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;
        state.AdditionalReferences.AddRange(TestReferenceSet.References);
        foreach (var (path, source) in files)
        {
            state.Sources.Add((path, source));
        }

        if (editorConfig != null)
        {
            state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }
    }
}
