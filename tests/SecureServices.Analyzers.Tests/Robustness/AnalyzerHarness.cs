using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Tests.Infrastructure;

namespace SecureServices.Analyzers.Tests.Robustness;

/// <summary>
/// Runs every analyzer of the analyzer assembly (found by reflection, so rules added later are covered
/// without editing this file) over a compilation, with every rule switched on at warning, and records
/// analyzer exceptions (the <c>onAnalyzerException</c> hook and AD0001 diagnostics) and hangs.
/// </summary>
internal static class AnalyzerHarness
{
    /// <summary>A single analysis taking longer than this is reported as a hang.</summary>
    public static readonly TimeSpan HangTimeout = TimeSpan.FromSeconds(60);

    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> LazyAnalyzers = new(DiscoverAnalyzers);

    private static readonly Lazy<CSharpCompilation> LazyBase = new(CreateBase);

    public static Assembly AnalyzerAssembly => typeof(DescriptorFactory).Assembly;

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => LazyAnalyzers.Value;

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>Every concrete analyzer type of the analyzer assembly that declares itself for C#.</summary>
    public static ImmutableArray<Type> AnalyzerTypes() => AnalyzerAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Where(t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>An empty compilation with the test references and the Web SDK's implicit usings; derive from it so references are bound once.</summary>
    public static CSharpCompilation Base => LazyBase.Value;

    public static SyntaxTree Parse(string text, string path)
        => CSharpSyntaxTree.ParseText(text, ParseOptions, path, Encoding.UTF8);

    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) => Base.AddSyntaxTrees(trees);

    public static CSharpCompilation Compile(string text, string path = "/src/Test.cs") => Compile(new[] { Parse(text, path) });

    /// <summary>Analyses the whole compilation; throws <see cref="TimeoutException"/> on a hang.</summary>
    public static AnalysisOutcome Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer>? analyzers = null, bool concurrent = true)
    {
        var set = analyzers ?? Analyzers;
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (ex, analyzer, diagnostic) => exceptions.Enqueue($"{analyzer.GetType().Name}: {ex.GetType().Name}: {ex.Message}{Environment.NewLine}{ex.StackTrace}"),
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        using var cts = new CancellationTokenSource();
        var withAnalyzers = compilation.WithAnalyzers(set, options);
        var task = Task.Run(() => withAnalyzers.GetAnalyzerDiagnosticsAsync(cts.Token));
        if (!task.Wait(HangTimeout))
        {
            cts.Cancel();
            throw new TimeoutException($"analysis did not finish within {HangTimeout.TotalSeconds} s (hang)");
        }

        var diagnostics = task.Result;
        foreach (var d in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Enqueue(d.ToString());
        }

        return new AnalysisOutcome(diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray(), exceptions.ToImmutableArray());
    }

    /// <summary>A stable, comparable rendering of a diagnostic: what a user sees.</summary>
    public static string Render(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return string.Create(CultureInfo.InvariantCulture, $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1},{span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}): {d.Severity} {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}");
    }

    /// <summary>The C# files of the samples (every sample, every file, found on disk: new files are covered).</summary>
    public static IReadOnlyList<(string Path, string Text)> SampleFiles()
    {
        var root = RepoPaths.Combine("samples");
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(p))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path.GetRelativePath(RepoPaths.Root, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToList();
    }

    /// <summary>Generated realistic files, one per kind, each carrying one area's finding (see <see cref="RealisticServiceGenerator"/>).</summary>
    public static IReadOnlyList<(string Path, string Text)> RealisticFiles()
    {
        var picks = new (int Index, string Kind)[]
        {
            (0, "Entity"), (0, "Messages"), (1, "Options"), (2, "Client"), (3, "Controller"), (4, "DbContext"),
            (5, "SqlRepository"), (6, "Crypto"), (7, "Controller"), (8, "Endpoints"), (9, "Setup"), (10, "Setup"),
        };
        var list = new List<(string Path, string Text)>();
        foreach (var (index, kind) in picks)
        {
            var noun = "Item" + index.ToString(CultureInfo.InvariantCulture);
            list.AddRange(RealisticServiceGenerator.Module(noun, index).Where(f => f.Path.StartsWith(kind + "/", StringComparison.Ordinal)));
        }

        return list;
    }

    /// <summary>A budget from the environment (scripts/robustness.sh raises them), else the CI default.</summary>
    public static int Setting(string name, int ciDefault)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : ciDefault;

    private static bool IsBuildOutput(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        return parts.Contains("obj") || parts.Contains("bin");
    }

    private static ImmutableArray<DiagnosticAnalyzer> DiscoverAnalyzers()
        => AnalyzerTypes().Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

    private static CSharpCompilation CreateBase()
    {
        // Every rule on, at warning at least: rules that are off or hidden by default must not hide a crash.
        var ids = Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct(StringComparer.Ordinal);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(ids.Select(id => new KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Warn)));
        var compilation = CSharpCompilation.Create(
            "RobustnessSubject",
            new[] { Parse(RealisticServiceGenerator.GlobalUsings, "/src/GlobalUsings.g.cs") },
            TestReferenceSet.References,
            options);
        _ = compilation.GetTypeByMetadataName("System.Object"); // bind the references once, up front
        return compilation;
    }
}

internal sealed record AnalysisOutcome(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Exceptions);
