using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SecureServices.Analyzers.Tests.Infrastructure;

namespace SecureServices.Analyzers.Tests.Configuration;

/// <summary>Code-fix tests for a console application (top-level statements, as in a Program.cs).</summary>
internal static class TopLevelVerifier<TAnalyzer, TFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFix : CodeFixProvider, new()
{
    public static async Task CodeFixAsync(string source, string fixedSource)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferenceSet.Assemblies,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.TestState.AdditionalReferences.AddRange(TestReferenceSet.References);
        test.FixedState.AdditionalReferences.AddRange(TestReferenceSet.References);
        await test.RunAsync(CancellationToken.None);
    }
}
