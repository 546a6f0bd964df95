using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace SecureServices.Analyzers.Tests.Robustness;

/// <summary>The harness itself: it finds every analyzer and it does report an analyzer that throws.</summary>
public sealed class HarnessTests
{
    [Fact]
    public void Every_analyzer_of_the_assembly_is_run()
    {
        Assert.Contains(AnalyzerHarness.Analyzers, a => a.GetType().Name == "HardCodedPasswordAnalyzer");
        Assert.Equal(AnalyzerHarness.AnalyzerTypes().Length, AnalyzerHarness.Analyzers.Length);
    }

    [Fact]
    public void An_analyzer_exception_is_reported()
    {
        var outcome = AnalyzerHarness.Analyze(AnalyzerHarness.Compile("class C { string s = \"x\"; }"), ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()));
        Assert.Contains(outcome.Exceptions, e => e.Contains(nameof(ThrowingAnalyzer), StringComparison.Ordinal) && e.Contains("half-typed", StringComparison.Ordinal));
    }

#pragma warning disable RS1001, RS1025, RS1026, RS2008 // a deliberately broken subject
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("X0002", "t", "m", "c", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
            => context.RegisterSyntaxNodeAction(_ => throw new InvalidOperationException("half-typed"), SyntaxKind.StringLiteralExpression);
    }
#pragma warning restore RS1001, RS1025, RS1026, RS2008
}
