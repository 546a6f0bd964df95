using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Tests.Robustness;

namespace SecureServices.Benchmarks;

/// <summary>What every benchmark analyses: the analyzers (found by reflection) and compilations of generated code.</summary>
internal static class Workload
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    public static Assembly AnalyzerAssembly => typeof(DescriptorFactory).Assembly;

    /// <summary>Every concrete C# analyzer of the analyzer assembly: rules added later are measured without editing this file.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() => AnalyzerAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Where(t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static AnalyzerOptions EmptyOptions { get; } = new(ImmutableArray<AdditionalText>.Empty);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static IReadOnlyList<SyntaxTree> Parse(IEnumerable<(string Path, string Text)> files)
        => files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, "/src/" + f.Path, Encoding.UTF8)).ToList();

    /// <summary>A library compilation with the Web SDK's implicit usings and every rule switched on at warning.</summary>
    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var ids = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct(StringComparer.Ordinal);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true)
            .WithSpecificDiagnosticOptions(ids.Select(id => new KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Warn)));
        return CSharpCompilation.Create("Contoso.Services", trees, References, options);
    }

    public static CompilationWithAnalyzers WithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, List<string>? exceptions = null)
        => compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            EmptyOptions,
            (ex, analyzer, _) => { lock (exceptions ?? new List<string>()) { exceptions?.Add($"{analyzer.GetType().Name}: {ex.GetType().Name}: {ex.Message}"); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false));

    public static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var list = Path.Combine(AppContext.BaseDirectory, "references.txt");
        if (!File.Exists(list))
        {
            throw new InvalidOperationException("references.txt is missing: build tests/TestReferences first.");
        }

        return File.ReadAllLines(list)
            .Where(l => l.Length > 0 && File.Exists(l))
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
