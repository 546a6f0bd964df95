using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace SecureServices.Analyzers.Tests.Robustness;

/// <summary>
/// Half-typed code is the normal case in an IDE. Every analyzer runs over prefixes of real files (cut at a
/// line end or in the middle of a line) and over the files with random tokens deleted, and must never throw
/// (no onAnalyzerException call, no AD0001) nor hang. The number of variants is bounded so CI stays fast
/// as rules are added (SSA_ROBUSTNESS_PREFIXES, SSA_ROBUSTNESS_DELETIONS and SSA_ROBUSTNESS_SEED raise or
/// change it: scripts/robustness.sh runs a deeper pass).
/// </summary>
public sealed class HalfTypedCodeTests
{
    private const int DefaultSeed = 8;
    private readonly ITestOutputHelper output;

    public HalfTypedCodeTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Sample_file_prefixes_never_crash_an_analyzer()
        => Run(AnalyzerHarness.SampleFiles(), Prefixes, AnalyzerHarness.Setting("SSA_ROBUSTNESS_PREFIXES", 120));

    [Fact]
    public void Realistic_file_prefixes_never_crash_an_analyzer()
        => Run(AnalyzerHarness.RealisticFiles(), Prefixes, AnalyzerHarness.Setting("SSA_ROBUSTNESS_PREFIXES", 60));

    [Fact]
    public void Random_token_deletions_never_crash_an_analyzer()
    {
        var files = AnalyzerHarness.SampleFiles().Concat(AnalyzerHarness.RealisticFiles()).ToList();
        Run(files, TokenDeletions, AnalyzerHarness.Setting("SSA_ROBUSTNESS_DELETIONS", 100));
    }

    [Fact]
    public void Variants_are_really_broken_and_cover_every_file()
    {
        // Guards the generator of variants: a harness that silently analysed nothing could never fail.
        var files = AnalyzerHarness.SampleFiles();
        Assert.NotEmpty(files);
        Assert.Contains(files, f => f.Path.Contains("VulnerableService", StringComparison.Ordinal));
        var variants = Prefixes(AnalyzerHarness.RealisticFiles(), 24, new Random(DefaultSeed)).ToList();
        Assert.True(variants.Count >= 12, $"only {variants.Count} variants");
        Assert.Contains(variants, v => AnalyzerHarness.Parse(v.Text, v.Path).GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(AnalyzerHarness.RealisticFiles().Count, variants.Select(v => v.Path).Distinct().Count());
    }

    private void Run(IReadOnlyList<(string Path, string Text)> files, Func<IReadOnlyList<(string Path, string Text)>, int, Random, IEnumerable<Variant>> variants, int budget)
    {
        Assert.NotEmpty(AnalyzerHarness.Analyzers);
        var seed = AnalyzerHarness.Setting("SSA_ROBUSTNESS_SEED", DefaultSeed);
        var failures = new List<string>();
        var count = 0;
        var watch = Stopwatch.StartNew();
        foreach (var variant in variants(files, budget, new Random(seed)))
        {
            count++;
            try
            {
                var outcome = AnalyzerHarness.Analyze(AnalyzerHarness.Compile(variant.Text, "/" + variant.Path));
                failures.AddRange(outcome.Exceptions.Select(e => $"{variant.Description}: {e}"));
            }
            catch (TimeoutException ex)
            {
                failures.Add($"{variant.Description}: {ex.Message}");
            }
        }

        output.WriteLine($"{count} variants of {files.Count} files, {AnalyzerHarness.Analyzers.Length} analyzers, seed {seed}, {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(count > 0, "no variant was analysed");
        Assert.True(failures.Count == 0, $"{failures.Count} analyzer failure(s) (seed {seed}); first ones:{Environment.NewLine}" + string.Join(Environment.NewLine + Environment.NewLine, failures.Take(5)));
    }

    /// <summary>Line prefixes spread over every file (proportionally to its length), alternately cut at the end and in the middle of the line.</summary>
    internal static IEnumerable<Variant> Prefixes(IReadOnlyList<(string Path, string Text)> files, int budget, Random random)
    {
        var totalLines = files.Sum(f => SourceText.From(f.Text).Lines.Count);
        foreach (var (path, text) in files)
        {
            var lines = SourceText.From(text).Lines;
            var quota = Math.Max(2, (int)((long)budget * lines.Count / Math.Max(1, totalLines)));
            var picks = lines.Count <= quota
                ? Enumerable.Range(0, lines.Count)
                : Enumerable.Range(0, quota).Select(i => Math.Min(lines.Count - 1, (int)((i + random.NextDouble()) * lines.Count / quota)));
            foreach (var lineIndex in picks.Distinct())
            {
                var line = lines[lineIndex];
                var midLine = (lineIndex & 1) == 1 && line.Span.Length > 1;
                var end = midLine ? line.Start + (line.Span.Length / 2) : line.End;
                yield return new Variant(path, text.Substring(0, end), string.Create(CultureInfo.InvariantCulture, $"{path} cut at line {lineIndex + 1}{(midLine ? " (mid-line)" : string.Empty)}"));
            }
        }
    }

    /// <summary>Each variant deletes one to three random tokens from one file (files taken in turn).</summary>
    internal static IEnumerable<Variant> TokenDeletions(IReadOnlyList<(string Path, string Text)> files, int budget, Random random)
    {
        var tokens = files.Select(f => AnalyzerHarness.Parse(f.Text, f.Path).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToArray()).ToArray();
        for (var i = 0; i < budget; i++)
        {
            var fileIndex = i % files.Count;
            var (path, text) = files[fileIndex];
            var fileTokens = tokens[fileIndex];
            if (fileTokens.Length == 0)
            {
                continue;
            }

            var deleted = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => fileTokens[random.Next(fileTokens.Length)]).DistinctBy(t => t.SpanStart).OrderByDescending(t => t.SpanStart).ToList();
            var sb = new StringBuilder(text);
            foreach (var token in deleted)
            {
                sb.Remove(token.SpanStart, token.Span.Length);
            }

            var where = string.Join(", ", deleted.Select(t => string.Create(CultureInfo.InvariantCulture, $"'{Shorten(t.Text)}' at {t.GetLocation().GetLineSpan().StartLinePosition.Line + 1}:{t.GetLocation().GetLineSpan().StartLinePosition.Character + 1}")));
            yield return new Variant(path, sb.ToString(), $"{path} without {where}");
        }
    }

    private static string Shorten(string s) => s.Length <= 20 ? s : s.Substring(0, 20) + "…";

    internal sealed record Variant(string Path, string Text, string Description);
}
