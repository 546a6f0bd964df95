using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SecureServices.Benchmarks;

/// <summary>
/// Usage: dotnet run -c Release --project tests/SecureServices.Benchmarks -- [mode] [options]
///   all (default)  analyzers + dockerfile + scaling, Markdown report on stdout and in artifacts/benchmarks/report.md
///   analyzers      [--lines 100000] [--iterations 5]   analyzer cost vs compile time and the no-op floor
///   dockerfile     [--files 3000] [--seconds 5]         Dockerfile engine throughput and allocations
///   task           [--iterations 200]                   the MSBuild task's in-process cost, first and warm calls
///   scaling        [--scale 1] [--repetitions 5]        hostile inputs at n and 4n: fails when superlinear
///   bdn            [BenchmarkDotNet arguments]          the BenchmarkDotNet classes (in-process toolchain)
///   --smoke        every mode at a tiny size with a dry BenchmarkDotNet job (CI: proves they still run)
/// Exit code 1 when an analyzer throws, the engine cannot analyse its corpus, or time grows superlinearly.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        if (mode == "bdn")
        {
            var rest = args.SkipWhile(a => a != "bdn").Skip(1).Where(a => a != "--smoke").ToArray();
            return RunBenchmarkDotNet(rest, smoke);
        }

        var report = new StringBuilder();
        report.AppendLine(AnalyzerCost.Inv($"## Benchmark run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(smoke ? " (smoke: tiny sizes, figures meaningless)" : string.Empty)}"));
        report.AppendLine();
        report.AppendLine($"- machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.ProcessArchitecture}; .NET {Environment.Version}; Roslyn {typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version}; load average at start {LoadAverage()} (the machine is shared: high load inflates every figure)");
        report.AppendLine($"- analyzer assembly: {Workload.AnalyzerAssembly.GetName().Name} {Workload.AnalyzerAssembly.GetName().Version}, {Workload.Analyzers().Length} analyzers, {Workload.Analyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Count()} rule ids (all at warning)");
        report.AppendLine();

        var status = 0;
        if (mode is "all" or "analyzers")
        {
            // --only <name part>: measure a subset of the analyzers (and their floor), e.g. while working on one of them.
            var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
            status |= AnalyzerCost.Run(Option(args, "--lines", smoke ? 3000 : 100_000), Option(args, "--iterations", smoke ? 1 : 5), report, only);
            Flush(report);
        }

        if (mode is "all" or "dockerfile")
        {
            status |= DockerfileThroughput.Run(Option(args, "--files", smoke ? 300 : 3000), TimeSpan.FromSeconds(Option(args, "--seconds", smoke ? 0.3 : 5.0)), report);
            Flush(report);
        }

        if (mode is "all" or "task")
        {
            status |= TaskCost.Run(Option(args, "--iterations", smoke ? 3 : 200), report);
            Flush(report);
        }

        if (mode is "all" or "scaling")
        {
            status |= Scaling.Run(Option(args, "--scale", smoke ? 0.05 : 1.0), Option(args, "--repetitions", smoke ? 1 : 5), judge: !smoke, report);
            Flush(report);
        }

        if (smoke && mode == "all")
        {
            status |= RunBenchmarkDotNet(new[] { "--filter", "*" }, smoke: true);
        }

        var path = Path.Combine(RepoRoot(), "artifacts", "benchmarks", smoke ? "smoke.md" : "report.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Written.ToString());
        Console.WriteLine($"report: {path}; exit {status}");
        return status;
    }

    private static readonly StringBuilder Written = new();

    private static void Flush(StringBuilder report)
    {
        Console.Write(report.ToString());
        Written.Append(report);
        report.Clear();
    }

    private static int RunBenchmarkDotNet(string[] args, bool smoke)
    {
        // In-process: no child project to generate, restore and build (slow on 2 cores, and offline-fragile).
        var job = (smoke ? Job.Dry : Job.ShortRun).WithToolchain(InProcessEmitToolchain.Instance);
        var config = DefaultConfig.Instance
            .AddJob(job)
            .WithArtifactsPath(Path.Combine(RepoRoot(), "artifacts", "benchmarks", "bdn"))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Length == 0 ? new[] { "--filter", "*" } : args, config);
        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        Console.WriteLine(failed ? "BenchmarkDotNet: a benchmark failed" : $"BenchmarkDotNet: {summaries.Sum(s => s.Reports.Length)} benchmarks ran");
        return failed ? 1 : 0;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static T Option<T>(string[] args, string name, T fallback)
        where T : IParsable<T>
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && T.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecureServices.Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
