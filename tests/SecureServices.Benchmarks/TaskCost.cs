using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using SecureServices.Analyzers.Tasks;

namespace SecureServices.Benchmarks;

/// <summary>
/// Issue goal 3, the task's own share: LintDockerfiles.Execute() on the samples' Dockerfiles with a recording
/// build engine, first call (assembly load, JIT, first .editorconfig read) and warm calls (a reused MSBuild
/// node). The whole-build view (`scripts/bench.sh build`) measures the same task inside `dotnet build`.
/// </summary>
internal static class TaskCost
{
    public const double WarmGoalMs = 30;

    public static int Run(int iterations, StringBuilder report)
    {
        var root = RepoRoot();
        var dockerfiles = Directory.EnumerateFiles(Path.Combine(root, "samples"), "Dockerfile*", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !p.EndsWith(".dockerignore", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        var stamp = Path.Combine(Path.GetTempPath(), "ssa-bench-" + Environment.ProcessId + ".stamp");
        double Once(out RecordingEngine engine)
        {
            var e = new RecordingEngine();
            var task = new LintDockerfiles
            {
                BuildEngine = e,
                Dockerfiles = dockerfiles.Select(p => (ITaskItem)new TaskItem(p)).ToArray(),
                NoWarn = "1701;1702",
                StampFile = stamp,
            };
            var watch = Stopwatch.StartNew();
            task.Execute();
            engine = e;
            return watch.Elapsed.TotalMilliseconds;
        }

        var first = Once(out var firstEngine);
        var warm = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            warm.Add(Once(out _));
        }

        File.Delete(stamp);
        var median = AnalyzerCost.Median(warm);
        report.AppendLine(AnalyzerCost.Inv($"### Dockerfile task, in process ({dockerfiles.Count} sample Dockerfiles, {iterations} warm calls)"));
        report.AppendLine();
        report.AppendLine(AnalyzerCost.Inv($"- first call (loads and JITs the engine, reads .editorconfig): **{first:F1} ms**"));
        report.AppendLine(AnalyzerCost.Inv($"- warm call (a reused MSBuild node): **{median:F2} ms** median, {warm.Min():F2} ms best (goal ≤ {WarmGoalMs:F0} ms: {(median <= WarmGoalMs ? "met" : "NOT met")})"));
        report.AppendLine(AnalyzerCost.Inv($"- findings logged per call: {firstEngine.Warnings + firstEngine.Errors} (warnings {firstEngine.Warnings}, errors {firstEngine.Errors})"));
        report.AppendLine();
        return 0;
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

    private sealed class RecordingEngine : IBuildEngine
    {
        public int Warnings { get; private set; }

        public int Errors { get; private set; }

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "bench.csproj";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => true;

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public void LogErrorEvent(BuildErrorEventArgs e) => Errors++;

        public void LogMessageEvent(BuildMessageEventArgs e)
        {
        }

        public void LogWarningEvent(BuildWarningEventArgs e) => Warnings++;
    }
}
