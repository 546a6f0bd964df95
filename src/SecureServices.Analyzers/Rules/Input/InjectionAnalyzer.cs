using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals.Taint;

namespace SecureServices.Analyzers.Rules.Input
{
    /// <summary>
    /// SSA4001–SSA4006 (untrusted input reaching SQL, OS command, file path, outgoing request URI, redirect,
    /// regex pattern) and SSA4010 (SQL text built from non-constant values). One analyzer, one data-flow engine:
    /// it runs only at a sink (an invocation, creation or property set matched against the sink table), so a
    /// method without a sink costs one symbol comparison per call. See Internals/Taint for the tables.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InjectionAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor SqlInjection = DescriptorFactory.Create(RuleIds.SqlInjection);
        internal static readonly DiagnosticDescriptor CommandInjection = DescriptorFactory.Create(RuleIds.CommandInjection);
        internal static readonly DiagnosticDescriptor PathTraversal = DescriptorFactory.Create(RuleIds.PathTraversal);
        internal static readonly DiagnosticDescriptor Ssrf = DescriptorFactory.Create(RuleIds.ServerSideRequestForgery);
        internal static readonly DiagnosticDescriptor OpenRedirect = DescriptorFactory.Create(RuleIds.OpenRedirect);
        internal static readonly DiagnosticDescriptor RegexInjection = DescriptorFactory.Create(RuleIds.RegexInjection);
        internal static readonly DiagnosticDescriptor SqlBuilt = DescriptorFactory.Create(RuleIds.SqlBuiltFromNonConstant);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(SqlInjection, CommandInjection, PathTraversal, Ssrf, OpenRedirect, RegexInjection, SqlBuilt);

        private static readonly ImmutableArray<OperationKind> AnalyzedKinds =
            ImmutableArray.Create(OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var types = TaintKnownTypes.Create(start.Compilation);
                if (types.InvocationSinkTypes.IsEmpty && types.ProcessStartInfo == null && types.DbCommandInterface == null)
                {
                    return;
                }

                // Per-method facts (flattened tree, definitions of every local) are computed once for all of a method's
                // sinks, not once per sink: linear in methods with thousands of sinks. The cache is found from the
                // operation's root only when a sink is there, instead of registering a block-start action (and a
                // nested operation action) for every method of the compilation.
                var caches = new ConditionalWeakTable<IOperation, TaintBlockCache>();
                start.RegisterOperationAction(c => Analyze(c, types, caches), AnalyzedKinds);
            });
        }

        private static void Analyze(OperationAnalysisContext context, TaintKnownTypes types, ConditionalWeakTable<IOperation, TaintBlockCache> caches)
        {
            List<SinkUse>? uses = null;
            TaintSinks.Collect(context.Operation, types, ref uses);
            if (uses == null)
            {
                return;
            }

            var root = context.Operation;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            var cache = caches.GetValue(root, _ => new TaintBlockCache());

            foreach (var use in uses)
            {
                if (use.Value.ConstantValue.HasValue || use.Value.Syntax == null)
                {
                    continue;
                }

                var taint = types.HasAnySource
                    ? new TaintEvaluator(types, use.Kind, TaintEvaluator.DefaultBudget, context.CancellationToken, cache).Evaluate(use.Value)
                    : null;
                var location = ReportedSyntax(use.Value).GetLocation();
                if (taint != null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptor(use.Kind), location, taint, use.Api));
                }
                else if (use.Kind == SinkKind.Sql && SqlTextConstruction.Find(use.Value, types, cache) is { } built)
                {
                    context.ReportDiagnostic(Diagnostic.Create(SqlBuilt, location, use.Api, built.How, built.Part));
                }
            }
        }

        /// <summary>The argument as written (an implicit conversion's operand has the same syntax).</summary>
        private static SyntaxNode ReportedSyntax(IOperation value) => value.Syntax;

        private static DiagnosticDescriptor Descriptor(SinkKind kind) => kind switch
        {
            SinkKind.Sql => SqlInjection,
            SinkKind.Command => CommandInjection,
            SinkKind.Path => PathTraversal,
            SinkKind.Ssrf => Ssrf,
            SinkKind.Redirect => OpenRedirect,
            _ => RegexInjection,
        };
    }
}
