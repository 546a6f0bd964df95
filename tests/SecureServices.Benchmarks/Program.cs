using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime;
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

        var child = args.Contains("--child");
        var report = new StringBuilder();
        if (child)
        {
            // The analyzer measurement re-run under server GC by the parent: print the section only.
            var status0 = RunAnalyzerCost(args, smoke, report);
            Console.Write(report.ToString());
            return status0;
        }

        report.AppendLine(AnalyzerCost.Inv($"## Benchmark run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(smoke ? " (smoke: tiny sizes, figures meaningless)" : string.Empty)}"));
        report.AppendLine();
        report.AppendLine($"- machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.ProcessArchitecture}; .NET {Environment.Version}; Roslyn {typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version}; load average at start {LoadAverage()} (the machine is shared: high load inflates every figure)");
        report.AppendLine($"- analyzer assembly: {Workload.AnalyzerAssembly.GetName().Name} {Workload.AnalyzerAssembly.GetName().Version}, {Workload.Analyzers().Length} analyzers, {Workload.Analyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Count()} rule ids (all at warning)");
        report.AppendLine();

        var status = 0;
        if (mode is "all" or "analyzers")
        {
            // The compiler (csc, VBCSCompiler) runs with server GC, MSBuild (the task) with workstation GC: the GC mode
            // decides how much pause time lands inside analyzer callbacks, so the analyzer figures come from a child
            // process with the compiler's setting.
            status |= GCSettings.IsServerGC ? RunAnalyzerCost(args, smoke, report) : RunAnalyzerCostWithServerGc(args, report);
            Flush(report);
        }

        if (mode == "peers")
        {
            // Not part of "all": loads other vendors' analyzers; run on demand (`scripts/bench.sh peers`).
            status |= PeerCost.Run(Option(args, "--lines", smoke ? 3000 : 100_000), Option(args, "--iterations", smoke ? 1 : 3), report);
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

    private static int RunAnalyzerCost(string[] args, bool smoke, StringBuilder report)
    {
        // --only <name part>: measure a subset of the analyzers (and their floor), e.g. while working on one of them.
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        report.AppendLine(AnalyzerCost.Inv($"(GC: {(GCSettings.IsServerGC ? "server, as the compiler runs" : "workstation — the compiler runs with server GC: figures not comparable")}, {Environment.ProcessorCount} heaps max)"));
        report.AppendLine();
        return AnalyzerCost.Run(Option(args, "--lines", smoke ? 3000 : 100_000), Option(args, "--iterations", smoke ? 1 : 5), report, only);
    }

    private static int RunAnalyzerCostWithServerGc(string[] args, StringBuilder report)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
        }

        start.ArgumentList.Add("analyzers");
        foreach (var arg in args.Where(a => a is not ("all" or "analyzers")))
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--child");
        start.Environment["DOTNET_gcServer"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        report.Append(output);
        if (process.ExitCode != 0 && output.Length == 0)
        {
            report.AppendLine(AnalyzerCost.Inv($"**The analyzer measurement (child process, server GC) failed with exit code {process.ExitCode}.**"));
        }

        return process.ExitCode == 0 ? 0 : 1;
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
