using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals;

namespace SecureServices.Analyzers.Rules.Configuration
{
    /// <summary>
    /// SSA6001: <c>UseDeveloperExceptionPage()</c> (DeveloperExceptionPageExtensions) not guarded by a development
    /// check (see <see cref="DevelopmentGuard"/>: <c>if (app.Environment.IsDevelopment())</c>, <c>env.IsDevelopment()</c>,
    /// <c>builder.Environment.IsDevelopment()</c>, early return, <c>#if DEBUG</c>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DeveloperExceptionPageAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.DeveloperExceptionPageOutsideDevelopment);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var extensions = start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.DeveloperExceptionPageExtensions");
                if (extensions == null)
                {
                    return;
                }

                start.RegisterOperationAction(
                    c =>
                    {
                        var invocation = (IInvocationOperation)c.Operation;
                        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
                        if (method.Name == "UseDeveloperExceptionPage"
                            && SymbolEqualityComparer.Default.Equals(method.ContainingType, extensions)
                            && !DevelopmentGuard.IsGuarded(invocation.Syntax, invocation.SemanticModel!))
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation()));
                        }
                    },
                    OperationKind.Invocation);
            });
        }
    }
}
