using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureServices.Analyzers.Tests.Robustness;

namespace SecureServices.Benchmarks;

/// <summary>
/// The same workload and method as <see cref="AnalyzerCost"/>, for the security rules of the tools users compare us
/// with: the .NET SDK's own analyzers (the copy the running SDK ships), SonarAnalyzer.CSharp and Security Code Scan
/// (restored as packages, loaded from their files). Each set runs alone with only its security rules switched on
/// (category "Security", or Sonar's "Vulnerability"/"Security Hotspot"); ours run with every rule on.
/// A set that cannot load on this Roslyn host is reported as such, not skipped silently.
/// </summary>
internal static class PeerCost
{
    public static int Run(int targetLines, int iterations, StringBuilder report)
    {
        var files = RealisticServiceGenerator.Generate(targetLines);
        var trees = Workload.Parse(files);
        var lines = files.Sum(f => RealisticServiceGenerator.CountLines(f.Text));
        report.AppendLine(AnalyzerCost.Inv($"### Peers on the same code ({lines:N0} lines, {files.Count:N0} files; {iterations} measured iterations, medians; each set alone)"));
        report.AppendLine();
        report.AppendLine("| analyzer set | analyzers | rules on | `GetDiagnostics()` | telemetry sum | wall clock of the analyzer pass | findings (top ids) | analyzer exceptions |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---|---:|");
        var status = 0;
        var notes = new List<string>();
        foreach (var (name, load) in Sets())
        {
            ImmutableArray<DiagnosticAnalyzer> analyzers;
            try
            {
                analyzers = load();
            }
            catch (Exception ex) when (ex is IOException or BadImageFormatException or ReflectionTypeLoadException or TypeLoadException or InvalidOperationException)
            {
                report.AppendLine(AnalyzerCost.Inv($"| {name} | – | – | – | – | – | not loadable on Roslyn {typeof(Compilation).Assembly.GetName().Version}: {ex.GetType().Name}: {First(ex.Message)} | – |"));
                continue;
            }

            if (analyzers.IsEmpty)
            {
                report.AppendLine(AnalyzerCost.Inv($"| {name} | 0 | – | – | – | – | no analyzers found | – |"));
                continue;
            }

            var isOurs = name.StartsWith("SecureServices", StringComparison.Ordinal);
            var descriptors = analyzers.SelectMany(SafeDescriptors).GroupBy(d => d.Id, StringComparer.Ordinal).Select(g => g.First()).ToList();
            var on = descriptors.Where(d => isOurs || IsSecurity(d)).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true)
                .WithSpecificDiagnosticOptions(descriptors.Select(d => new KeyValuePair<string, ReportDiagnostic>(d.Id, on.Contains(d.Id) ? ReportDiagnostic.Warn : ReportDiagnostic.Suppress)));
            var baseCompilation = CSharpCompilation.Create("Contoso.Services", trees, Workload.References, options);

            var compile = new List<double>();
            var telemetry = new List<double>();
            var wall = new List<double>();
            var exceptions = new List<string>();
            ImmutableArray<Diagnostic> findings = ImmutableArray<Diagnostic>.Empty;
            for (var i = -1; i < iterations; i++)
            {
                var clone = baseCompilation.Clone();
                var compileTime = Workload.Time(() => clone.GetDiagnostics());
                var cwa = Workload.WithAnalyzers(clone, analyzers, exceptions);
                var diagnostics = ImmutableArray<Diagnostic>.Empty;
                var elapsed = Workload.Time(() => diagnostics = cwa.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult());
                var sum = analyzers.Sum(a => cwa.GetAnalyzerTelemetryInfoAsync(a, default).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);
                if (i < 0)
                {
                    findings = diagnostics;
                    continue;
                }

                compile.Add(compileTime.TotalMilliseconds);
                telemetry.Add(sum);
                wall.Add(elapsed.TotalMilliseconds);
                GC.Collect();
            }

            var reported = findings.Where(d => d.Id != "AD0001").ToList();
            var top = string.Join(", ", reported.GroupBy(d => d.Id).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(10).Select(g => $"{g.Key}×{g.Count()}"));
            var crashes = findings.Count(d => d.Id == "AD0001") + exceptions.Distinct().Count();
            report.AppendLine(AnalyzerCost.Inv($"| {name} | {analyzers.Length} | {on.Count} | {AnalyzerCost.Median(compile):F0} ms | **{AnalyzerCost.Median(telemetry):F0} ms** | {AnalyzerCost.Median(wall):F0} ms | {reported.Count:N0}{(top.Length > 0 ? ": " + top : string.Empty)} | {crashes} |"));
            if (crashes > 0)
            {
                var first = findings.FirstOrDefault(d => d.Id == "AD0001")?.GetMessage(System.Globalization.CultureInfo.InvariantCulture) ?? exceptions.First();
                notes.Add(AnalyzerCost.Inv($"{name}: {First(first)}"));
                status |= isOurs ? 1 : 0;
            }
        }

        report.AppendLine();
        foreach (var note in notes)
        {
            report.AppendLine("- analyzer exception in " + note);
        }

        report.AppendLine();
        return status;
    }

    private static IEnumerable<(string Name, Func<ImmutableArray<DiagnosticAnalyzer>> Load)> Sets()
    {
        yield return ("SecureServices (ours, every rule)", Workload.Analyzers);
        var sdkAnalyzers = SdkAnalyzerDirectory();
        yield return ($".NET SDK analyzers ({(sdkAnalyzers == null ? "not found" : Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(sdkAnalyzers)))))})", () =>
            sdkAnalyzers == null
                ? throw new IOException("the running SDK's analyzers folder was not found")
                : Load(Path.Combine(sdkAnalyzers, "Microsoft.CodeAnalysis.NetAnalyzers.dll"), Path.Combine(sdkAnalyzers, "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll")));
        yield return ("SonarAnalyzer.CSharp 9.32", () => Load(Path.Combine(PackagePath("SonarAnalyzer.CSharp"), "analyzers", "SonarAnalyzer.CSharp.dll")));
        yield return ("Security Code Scan 5.6.7", () => Load(Path.Combine(PackagePath("SecurityCodeScan.VS2019"), "analyzers", "dotnet", "SecurityCodeScan.VS2019.dll")));
    }

    private static bool IsSecurity(DiagnosticDescriptor descriptor)
        => descriptor.Category.Contains("Security", StringComparison.OrdinalIgnoreCase)
           || descriptor.Category.Contains("Vulnerability", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<DiagnosticDescriptor> SafeDescriptors(DiagnosticAnalyzer analyzer)
    {
        try
        {
            return analyzer.SupportedDiagnostics;
        }
        catch (Exception)
        {
            return Array.Empty<DiagnosticDescriptor>();
        }
    }

    private static string PackagePath(string package)
        => typeof(PeerCost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == package)?.Value is { Length: > 0 } path
            ? path
            : throw new IOException($"package {package} was not restored");

    /// <summary>The analyzers folder of the SDK whose runtime runs this process (dotnet root / sdk / version / Sdks / Microsoft.NET.Sdk / analyzers).</summary>
    private static string? SdkAnalyzerDirectory()
    {
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var sdk = Path.Combine(root, "sdk");
        if (!Directory.Exists(sdk))
        {
            return null;
        }

        return Directory.GetDirectories(sdk)
            .Select(d => Path.Combine(d, "Sdks", "Microsoft.NET.Sdk", "analyzers"))
            .Where(d => File.Exists(Path.Combine(d, "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll")))
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(d))))?.Split('-')[0], out var v) ? v : new Version(0, 0))
            .FirstOrDefault();
    }

    private static ImmutableArray<DiagnosticAnalyzer> Load(params string[] paths)
    {
        var loader = new FolderLoader();
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new IOException("missing " + path);
            }

            loader.AddDependencyLocation(path);
            var reference = new AnalyzerFileReference(path, loader);
            Exception? failure = null;
            reference.AnalyzerLoadFailed += (_, e) => failure ??= e.Exception ?? new InvalidOperationException(e.Message);
            analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
            if (failure != null && analyzers.Count == 0)
            {
                throw new InvalidOperationException(failure.Message, failure);
            }
        }

        return analyzers.ToImmutable();
    }

    private static string First(string message) => message.Split('\n')[0].Trim();

    /// <summary>Loads an analyzer and resolves its dependencies from its own folder (the host's Roslyn is shared).</summary>
    private sealed class FolderLoader : IAnalyzerAssemblyLoader
    {
        private readonly List<string> folders = new();

        public FolderLoader() => AssemblyLoadContext.Default.Resolving += Resolve;

        public void AddDependencyLocation(string fullPath)
        {
            var folder = Path.GetDirectoryName(fullPath)!;
            lock (folders)
            {
                if (!folders.Contains(folder))
                {
                    folders.Add(folder);
                }
            }
        }

        public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);

        private Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
        {
            lock (folders)
            {
                foreach (var folder in folders)
                {
                    var candidate = Path.Combine(folder, name.Name + ".dll");
                    if (File.Exists(candidate))
                    {
                        return context.LoadFromAssemblyPath(candidate);
                    }
                }
            }

            return null;
        }
    }
}
