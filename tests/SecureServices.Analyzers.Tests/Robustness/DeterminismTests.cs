using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace SecureServices.Analyzers.Tests.Robustness;

/// <summary>
/// The same compilation analysed repeatedly, concurrently and with concurrent execution gives the same
/// diagnostics (id, location, severity, message); so does a fresh compilation of the same files.
/// </summary>
public sealed class DeterminismTests
{
    [Fact]
    public async Task Repeated_concurrent_runs_give_identical_diagnostics()
    {
        var files = RealisticServiceGenerator.Generate(targetLines: 3000).Skip(1) // the harness adds the global usings
            .Concat(AnalyzerHarness.SampleFiles())
            .ToList();
        var trees = files.Select(f => AnalyzerHarness.Parse(f.Text, "/" + f.Path)).ToList();
        var compilation = AnalyzerHarness.Compile(trees);

        var reference = Snapshot(AnalyzerHarness.Analyze(compilation, concurrent: false));
        Assert.NotEmpty(reference); // the generated code carries real findings: an empty list would prove nothing

        // Four analyses of the same compilation at once, each with concurrent execution; then a fresh compilation.
        var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Snapshot(AnalyzerHarness.Analyze(compilation)))).ToArray();
        foreach (var result in await Task.WhenAll(runs))
        {
            AssertSame(reference, result);
        }

        AssertSame(reference, Snapshot(AnalyzerHarness.Analyze(AnalyzerHarness.Compile(trees))));
    }

    private static ImmutableArray<string> Snapshot(AnalysisOutcome outcome)
    {
        Assert.True(outcome.Exceptions.IsEmpty, string.Join("\n\n", outcome.Exceptions.Take(3)));
        return outcome.Diagnostics
            .Where(d => d.Id.StartsWith("SSA", StringComparison.Ordinal))
            .Select(AnalyzerHarness.Render)
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    private static void AssertSame(ImmutableArray<string> expected, ImmutableArray<string> actual)
    {
        var missing = expected.Except(actual).Take(5).ToList();
        var extra = actual.Except(expected).Take(5).ToList();
        Assert.True(
            expected.SequenceEqual(actual),
            $"nondeterministic diagnostics: {expected.Length} vs {actual.Length}; missing: {string.Join(" | ", missing)}; extra: {string.Join(" | ", extra)}");
    }
}
