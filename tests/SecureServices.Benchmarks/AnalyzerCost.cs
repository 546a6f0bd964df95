using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureServices.Analyzers.Tests.Robustness;

namespace SecureServices.Benchmarks;

/// <summary>
/// Issue goal 1: analyzer cost on a generated ~100,000-line ASP.NET Core service. Per iteration, on a fresh
/// clone of the compilation: the compiler's own GetDiagnostics() time, then our analyzers' execution time
/// (CompilationWithAnalyzers telemetry, per analyzer) and the no-op floor's on another clone. Medians.
/// The compilation is bound before the analyzers run (as in a build, where the compiler's binding is shared),
/// so telemetry charges each analyzer only for its own work.
/// </summary>
internal static class AnalyzerCost
{
    public const double CompileGoal = 0.05;
    public const double FloorGoal = 3.0;

    public static int Run(int targetLines, int iterations, StringBuilder report, string? only = null)
    {
        var analyzers = Workload.Analyzers();
        if (only != null)
        {
            analyzers = analyzers.Where(a => a.GetType().Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToImmutableArray();
            report.AppendLine(Inv($"(only the analyzers whose name contains '{only}': {string.Join(", ", analyzers.Select(a => a.GetType().Name))})"));
            report.AppendLine();
        }

        var files = RealisticServiceGenerator.Generate(targetLines);
        var lines = files.Sum(f => RealisticServiceGenerator.CountLines(f.Text));
        var bytes = files.Sum(f => (long)Encoding.UTF8.GetByteCount(f.Text));
        IReadOnlyList<SyntaxTree> trees = Array.Empty<SyntaxTree>();
        var parse = Workload.Time(() => trees = Workload.Parse(files));
        var baseCompilation = Workload.Compile(trees, analyzers);
        var compilerErrors = baseCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var floor = NoOpFloor.Create(analyzers, baseCompilation, Workload.EmptyOptions);

        var compile = new List<double>();
        var oursTotal = new List<double>();
        var floorTotal = new List<double>();
        var oursWall = new List<double>();
        var floorWall = new List<double>();
        var oursAllocated = new List<double>();
        var floorAllocated = new List<double>();
        var oursPauses = new List<double>();
        var floorPauses = new List<double>();
        var perAnalyzer = analyzers.ToDictionary(a => a, _ => new List<double>());
        var perFloor = floor.ToDictionary(a => a, _ => new List<double>());
        var exceptions = new List<string>();
        ImmutableArray<Diagnostic> findings = ImmutableArray<Diagnostic>.Empty;

        for (var i = -1; i < iterations; i++)
        {
            var measured = i >= 0; // iteration -1 warms up the JIT and the reference symbols
            var c1 = baseCompilation.Clone();
            var compileTime = Workload.Time(() => c1.GetDiagnostics());
            var (ours, oursTelemetry, oursElapsed, oursGc) = RunAnalyzers(c1, analyzers, exceptions);
            var c2 = baseCompilation.Clone();
            c2.GetDiagnostics();
            var (_, floorTelemetry, floorElapsed, floorGc) = RunAnalyzers(c2, floor, exceptions);
            if (!measured)
            {
                findings = ours;
                continue;
            }

            compile.Add(compileTime.TotalMilliseconds);
            oursWall.Add(oursElapsed);
            oursAllocated.Add(oursGc.AllocatedMb);
            floorAllocated.Add(floorGc.AllocatedMb);
            oursPauses.Add(oursGc.PauseMs);
            floorPauses.Add(floorGc.PauseMs);
            floorWall.Add(floorElapsed);
            oursTotal.Add(oursTelemetry.Values.Sum());
            floorTotal.Add(floorTelemetry.Values.Sum());
            foreach (var (a, ms) in oursTelemetry)
            {
                perAnalyzer[a].Add(ms);
            }

            foreach (var (a, ms) in floorTelemetry)
            {
                perFloor[a].Add(ms);
            }

            GC.Collect();
        }

        var compileMs = Median(compile);
        var oursMs = Median(oursTotal);
        var floorMs = Median(floorTotal);
        var toCompile = oursMs / compileMs;
        var toFloor = floorMs > 0 ? oursMs / floorMs : double.PositiveInfinity;

        report.AppendLine(Inv($"### Analyzer cost ({lines:N0} lines in {files.Count:N0} files, {bytes / 1024.0 / 1024.0:F1} MB; {analyzers.Length} analyzers; {iterations} measured iterations, medians)"));
        report.AppendLine();
        report.AppendLine(Inv($"- parse: {parse.TotalMilliseconds:F0} ms (once); compiler errors in the generated code: {compilerErrors.Count}{(compilerErrors.Count > 0 ? " (first: " + compilerErrors[0].ToString() + ")" : string.Empty)}"));
        report.AppendLine(Inv($"- compilation `GetDiagnostics()`: **{compileMs:F0} ms**"));
        report.AppendLine(Inv($"- our analyzers (telemetry, sum over analyzers): **{oursMs:F1} ms**; wall clock of `GetAnalyzerDiagnosticsAsync` {Median(oursWall):F0} ms"));
        report.AppendLine(Inv($"- no-op floor (same registrations, empty callbacks): **{floorMs:F1} ms**; wall clock {Median(floorWall):F0} ms"));
        report.AppendLine(Inv($"- memory allocated during the analyzer pass (all threads, a figure that load does not inflate): ours {Median(oursAllocated):F0} MB, floor {Median(floorAllocated):F0} MB; GC pauses during the pass: ours {Median(oursPauses):F0} ms, floor {Median(floorPauses):F0} ms (a pause inside a callback is charged to that analyzer's telemetry)"));
        report.AppendLine(Inv($"- ours / compile = **{toCompile:P2}** (goal ≤ {CompileGoal:P0}: {(toCompile <= CompileGoal ? "met" : "NOT met")})"));
        report.AppendLine(Inv($"- ours / floor = **{toFloor:F2}×** (goal ≤ {FloorGoal:F0}×: {(toFloor <= FloorGoal ? "met" : "NOT met")})"));
        report.AppendLine(Inv($"- findings: {string.Join(", ", findings.Where(d => d.Id.StartsWith("SSA", StringComparison.Ordinal)).GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"))}"));
        report.AppendLine();
        report.AppendLine("| analyzer | ours (ms) | floor (ms) | ours − floor (ms) | share of compile |");
        report.AppendLine("|---|---:|---:|---:|---:|");
        var rows = analyzers.Select((a, index) => (Name: a.GetType().Name, Ours: Median(perAnalyzer[a]), Floor: Median(perFloor[floor[index]])))
            .OrderByDescending(r => r.Ours)
            .ToList();
        foreach (var r in rows)
        {
            report.AppendLine(Inv($"| {r.Name} | {r.Ours:F1} | {r.Floor:F1} | {r.Ours - r.Floor:F1} | {r.Ours / compileMs:P2} |"));
        }

        report.AppendLine();
        report.AppendLine("Most expensive: " + string.Join(", ", rows.Take(3).Select(r => Inv($"{r.Name} ({r.Ours:F1} ms)"))));
        report.AppendLine();
        if (exceptions.Count > 0)
        {
            report.AppendLine("**Analyzer exceptions:** " + string.Join("; ", exceptions.Distinct().Take(5)));
            return 1;
        }

        return 0;
    }

    private static (ImmutableArray<Diagnostic> Diagnostics, Dictionary<DiagnosticAnalyzer, double> Telemetry, double WallMs, (double AllocatedMb, double PauseMs) Gc) RunAnalyzers(
        Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, List<string> exceptions)
    {
        var cwa = Workload.WithAnalyzers(compilation, analyzers, exceptions);
        var diagnostics = ImmutableArray<Diagnostic>.Empty;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var pausedBefore = GC.GetTotalPauseDuration();
        var wall = Workload.Time(() => diagnostics = cwa.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult());
        var gc = ((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024.0, (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds);
        var telemetry = new Dictionary<DiagnosticAnalyzer, double>();
        foreach (var analyzer in analyzers)
        {
            telemetry[analyzer] = cwa.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;
        }

        foreach (var d in diagnostics.Where(d => d.Id == "AD0001"))
        {
            lock (exceptions)
            {
                exceptions.Add(d.GetMessage(CultureInfo.InvariantCulture));
            }
        }

        return (diagnostics, telemetry, wall.TotalMilliseconds, gc);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
