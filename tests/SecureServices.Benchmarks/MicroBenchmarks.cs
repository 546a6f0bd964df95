using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureServices.Analyzers.Tests.Robustness;
using SecureServices.Dockerfile;

namespace SecureServices.Benchmarks;

/// <summary>BenchmarkDotNet view of the Dockerfile engine: time and allocations per file (1,000-file corpus per operation).</summary>
[MemoryDiagnoser]
public class DockerfileBenchmarks
{
    private const int Files = 1000;
    private IReadOnlyList<byte[]> corpus = null!;

    [GlobalSetup]
    public void Setup() => corpus = DockerfileCorpus.Generate(Files);

    [Benchmark(OperationsPerInvoke = Files, Description = "Lint one Dockerfile (bytes in, findings out)")]
    public int LintPerFile()
    {
        var findings = 0;
        foreach (var file in corpus)
        {
            findings += DockerfileLinter.Lint(file).Count;
        }

        return findings;
    }
}

/// <summary>
/// BenchmarkDotNet view of analyzer cost on a generated service: our analyzers against the no-op floor on a
/// fresh, already-bound clone of the compilation per invocation (the telemetry report in `analyzers` mode
/// gives the per-analyzer split).
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private CSharpCompilationHolder holder = null!;
    private Compilation current = null!;

    [Params(4000)]
    public int Lines { get; set; }

    [Params("ours", "floor")]
    public string Set { get; set; } = "ours";

    [GlobalSetup]
    public void Setup()
    {
        var analyzers = Workload.Analyzers();
        var compilation = Workload.Compile(Workload.Parse(RealisticServiceGenerator.Generate(Lines)), analyzers);
        holder = new CSharpCompilationHolder(compilation, Set == "ours" ? analyzers : NoOpFloor.Create(analyzers, compilation, Workload.EmptyOptions));
    }

    [IterationSetup]
    public void Bind()
    {
        current = holder.Compilation.Clone();
        current.GetDiagnostics();
    }

    [Benchmark(Description = "GetAnalyzerDiagnosticsAsync on a bound compilation")]
    public int Analyze() => Workload.WithAnalyzers(current, holder.Analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length;

    private sealed record CSharpCompilationHolder(Compilation Compilation, ImmutableArray<DiagnosticAnalyzer> Analyzers);
}
