using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using SecureServices.Dockerfile;

namespace SecureServices.Benchmarks;

/// <summary>
/// Issue goal 2: the Dockerfile engine's single-threaded throughput (files/s, MB/s) and allocations per
/// file over a generated corpus, through the same entry point the MSBuild task uses (bytes in: binary
/// check, UTF-8 decoding, parsing, every rule the engine registers, suppressions, sorting).
/// </summary>
internal static class DockerfileThroughput
{
    public const double FilesPerSecondGoal = 100_000;

    public static int Run(int corpusSize, TimeSpan duration, StringBuilder report)
    {
        var corpus = DockerfileCorpus.Generate(corpusSize);
        var corpusBytes = corpus.Sum(f => (long)f.Length);
        var lines = corpus.Sum(f => f.Count(b => b == (byte)'\n'));

        // Correctness first: the engine must not fail on its own corpus, and the corpus must produce findings.
        var findings = new Dictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var file in corpus)
        {
            foreach (var f in DockerfileLinter.Lint(file))
            {
                findings[f.RuleId] = findings.TryGetValue(f.RuleId, out var c) ? c + 1 : 1;
                if (f.RuleId == "SSA9001")
                {
                    failures.Add(f.GetMessage(System.Globalization.CultureInfo.InvariantCulture) + " in:\n" + Encoding.UTF8.GetString(file));
                }
            }
        }

        // Warm up (JIT, tiering), then measure whole passes over the corpus until the duration is reached.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromMilliseconds(Math.Min(1000, duration.TotalMilliseconds / 2)))
        {
            foreach (var file in corpus)
            {
                DockerfileLinter.Lint(file);
            }
        }

        long files = 0, bytes = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var gen0Before = GC.CollectionCount(0);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            foreach (var file in corpus)
            {
                DockerfileLinter.Lint(file);
            }

            files += corpus.Count;
            bytes += corpusBytes;
        }

        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var seconds = watch.Elapsed.TotalSeconds;
        var filesPerSecond = files / seconds;

        report.AppendLine(AnalyzerCost.Inv($"### Dockerfile engine ({corpus.Count:N0} generated Dockerfiles, {corpusBytes / 1024.0:F0} KB, {lines:N0} lines; {DockerfileLinter.Rules.Count} rule classes; single thread, {seconds:F1} s)"));
        report.AppendLine();
        report.AppendLine(AnalyzerCost.Inv($"- **{filesPerSecond:N0} files/s** (goal ≥ {FilesPerSecondGoal:N0}: {(filesPerSecond >= FilesPerSecondGoal ? "met" : "NOT met")}), **{bytes / seconds / 1024 / 1024:F1} MB/s**, {seconds * 1e6 / files:F2} µs per file"));
        report.AppendLine(AnalyzerCost.Inv($"- allocations: **{allocated / (double)files:N0} bytes per file** ({allocated / (double)bytes:F1} bytes per input byte); gen-0 collections: {GC.CollectionCount(0) - gen0Before}"));
        report.AppendLine("- findings over the corpus: " + string.Join(", ", findings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}×{p.Value}")));
        report.AppendLine();
        if (failures.Count > 0)
        {
            report.AppendLine($"**The engine could not analyse {failures.Count} corpus files (SSA9001); first:** {failures[0]}");
            return 1;
        }

        return 0;
    }
}
