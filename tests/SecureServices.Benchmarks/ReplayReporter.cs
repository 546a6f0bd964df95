using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SecureServices.Benchmarks;

/// <summary>
/// Re-reports exactly the diagnostics a real analyzer reported, from a syntax-node action on the node each
/// diagnostic sits on (as a syntax-node analyzer would). Its telemetry is
/// what Roslyn's driver charges for accepting that many diagnostics (ReportDiagnostic is not free, and in
/// Roslyn 4.x grows faster than linearly with thousands of diagnostics in one file); the scaling check
/// subtracts it so an analyzer is judged on its own work.
/// </summary>
#pragma warning disable RS1001 // built at run time, never discovered by a host
internal sealed class ReplayReporter : DiagnosticAnalyzer
#pragma warning restore RS1001
{
    private static readonly object[] Arguments = { "a", "b", "c", "d", "e", "f", "g", "h" };
    private readonly ImmutableArray<DiagnosticDescriptor> descriptors;
    private readonly ImmutableDictionary<(SyntaxTree, TextSpan), ImmutableArray<Diagnostic>> bySpan;
    private readonly ImmutableArray<SyntaxKind> kinds;

    public ReplayReporter(DiagnosticAnalyzer real, IEnumerable<Diagnostic> diagnostics)
    {
        descriptors = real.SupportedDiagnostics;
        var ids = descriptors.Select(d => d.Id).ToImmutableHashSet();
        var mine = diagnostics.Where(d => ids.Contains(d.Id) && d.Location.SourceTree != null).ToList();
        bySpan = mine.GroupBy(d => (d.Location.SourceTree!, Node(d).Span)).ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray());
        kinds = mine.Select(d => Node(d).Kind()).Distinct().ToImmutableArray();
    }

    private static SyntaxNode Node(Diagnostic d)
        => d.Location.SourceTree!.GetRoot().FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => descriptors;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        if (kinds.IsEmpty)
        {
            return;
        }

        context.RegisterSyntaxNodeAction(
            c =>
            {
                if (bySpan.TryGetValue((c.Node.SyntaxTree, c.Node.Span), out var list))
                {
                    foreach (var d in list)
                    {
                        // A fresh diagnostic, as the real analyzer creates one (re-reporting the same instance is cheaper).
                        c.ReportDiagnostic(Diagnostic.Create(d.Descriptor, d.Location, Arguments));
                    }
                }
            },
            kinds);
    }
}
