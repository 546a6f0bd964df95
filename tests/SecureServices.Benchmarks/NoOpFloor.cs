using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureServices.Benchmarks;

/// <summary>
/// The no-op floor: for each real analyzer, an analyzer that registers the same actions (same syntax,
/// symbol and operation kinds, same compilation-start nesting) whose callbacks do nothing. The driver's
/// own cost of calling us is the floor; what a real analyzer spends above it is its work.
/// Registrations are recorded once by running the real Initialize and compilation-start actions against
/// recording contexts (nothing is analysed while recording).
/// </summary>
internal static class NoOpFloor
{
    public static ImmutableArray<DiagnosticAnalyzer> Create(ImmutableArray<DiagnosticAnalyzer> analyzers, Compilation compilation, AnalyzerOptions options)
    {
        var builder = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var analyzer in analyzers)
        {
            var top = new RecordingContext();
            analyzer.Initialize(top);
            var nested = new List<Action<CompilationStartAnalysisContext>>();
            foreach (var start in top.CompilationStartActions)
            {
                var recorder = new RecordingStartContext(compilation, options);
                start(recorder);
                nested.AddRange(recorder.Replays);
            }

            builder.Add(new FloorAnalyzer(analyzer, top, nested.ToImmutableArray()));
        }

        return builder.ToImmutable();
    }

    /// <summary>How many actions of each kind an analyzer registers (for the report).</summary>
    public static int CountRegistrations(DiagnosticAnalyzer floor) => floor is FloorAnalyzer f ? f.Top.Replays.Count + f.Nested.Length : 0;

#pragma warning disable RS1001 // built at run time from a real analyzer, never discovered by a host
    private sealed class FloorAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        private readonly DiagnosticAnalyzer real;

        public FloorAnalyzer(DiagnosticAnalyzer real, RecordingContext top, ImmutableArray<Action<CompilationStartAnalysisContext>> nested)
        {
            this.real = real;
            Top = top;
            Nested = nested;
        }

        public RecordingContext Top { get; }

        public ImmutableArray<Action<CompilationStartAnalysisContext>> Nested { get; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => real.SupportedDiagnostics;

        public override void Initialize(AnalysisContext context)
        {
            if (Top.Concurrent)
            {
                context.EnableConcurrentExecution();
            }

            context.ConfigureGeneratedCodeAnalysis(Top.GeneratedCode);
            foreach (var replay in Top.Replays)
            {
                replay(context);
            }

            if (!Nested.IsEmpty)
            {
                context.RegisterCompilationStartAction(start =>
                {
                    foreach (var replay in Nested)
                    {
                        replay(start);
                    }
                });
            }
        }
    }

    private sealed class RecordingContext : AnalysisContext
    {
        public List<Action<AnalysisContext>> Replays { get; } = new();

        public List<Action<CompilationStartAnalysisContext>> CompilationStartActions { get; } = new();

        public bool Concurrent { get; private set; }

        public GeneratedCodeAnalysisFlags GeneratedCode { get; private set; } = GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics;

        public override void EnableConcurrentExecution() => Concurrent = true;

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCode = analysisMode;

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => CompilationStartActions.Add(action);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => Replays.Add(c => c.RegisterCompilationAction(static _ => { }));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Replays.Add(c => c.RegisterSemanticModelAction(static _ => { }));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Replays.Add(c => c.RegisterSymbolAction(static _ => { }, symbolKinds));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => Replays.Add(c => c.RegisterSymbolStartAction(static _ => { }, symbolKind));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Replays.Add(c => c.RegisterCodeBlockStartAction<TLanguageKindEnum>(static _ => { }));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Replays.Add(c => c.RegisterCodeBlockAction(static _ => { }));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Replays.Add(c => c.RegisterOperationBlockStartAction(static _ => { }));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Replays.Add(c => c.RegisterOperationBlockAction(static _ => { }));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Replays.Add(c => c.RegisterSyntaxTreeAction(static _ => { }));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => Replays.Add(c => c.RegisterAdditionalFileAction(static _ => { }));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => Replays.Add(c => c.RegisterSyntaxNodeAction(static _ => { }, syntaxKinds));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Replays.Add(c => c.RegisterOperationAction(static _ => { }, operationKinds));
    }

    private sealed class RecordingStartContext : CompilationStartAnalysisContext
    {
        public RecordingStartContext(Compilation compilation, AnalyzerOptions options)
            : base(compilation, options, CancellationToken.None)
        {
        }

        public List<Action<CompilationStartAnalysisContext>> Replays { get; } = new();

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => Replays.Add(c => c.RegisterCompilationEndAction(static _ => { }));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Replays.Add(c => c.RegisterSemanticModelAction(static _ => { }));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Replays.Add(c => c.RegisterSymbolAction(static _ => { }, symbolKinds));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => Replays.Add(c => c.RegisterSymbolStartAction(static _ => { }, symbolKind));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Replays.Add(c => c.RegisterCodeBlockStartAction<TLanguageKindEnum>(static _ => { }));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Replays.Add(c => c.RegisterCodeBlockAction(static _ => { }));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Replays.Add(c => c.RegisterOperationBlockStartAction(static _ => { }));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Replays.Add(c => c.RegisterOperationBlockAction(static _ => { }));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Replays.Add(c => c.RegisterSyntaxTreeAction(static _ => { }));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => Replays.Add(c => c.RegisterAdditionalFileAction(static _ => { }));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => Replays.Add(c => c.RegisterSyntaxNodeAction(static _ => { }, syntaxKinds));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Replays.Add(c => c.RegisterOperationAction(static _ => { }, operationKinds));
    }
}
