using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals.Transit;
using SecureServices.Analyzers.Internals;

namespace SecureServices.Analyzers.Rules.Transit
{
    /// <summary>
    /// SSA2010 (suggestion): <c>WebApplicationBuilder.Build()</c> in a method (or top-level program) that never
    /// calls <c>UseHttpsRedirection</c> or <c>UseHsts</c>. Not reported when the application is handed to a
    /// method declared in source (the pipeline may be configured there).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HttpsRedirectionMissingAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.HttpsRedirectionMissing);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var builder = start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplicationBuilder");
                var application = start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplication");
                if (builder == null || application == null)
                {
                    return;
                }

                start.RegisterOperationAction(
                    ctx =>
                    {
                        var build = (IInvocationOperation)ctx.Operation;
                        if (build.TargetMethod.Name != "Build" || !SymbolEqualityComparer.Default.Equals(build.TargetMethod.ContainingType, builder))
                        {
                            return;
                        }

                        foreach (var operation in BodyScan.Descendants(build))
                        {
                            if (operation is not IInvocationOperation invocation)
                            {
                                continue;
                            }

                            var name = invocation.TargetMethod.Name;
                            if (name == "UseHttpsRedirection" || name == "UseHsts")
                            {
                                return;
                            }

                            // app.ConfigurePipeline() or Configure(app) declared in this project: it may add them.
                            if (!invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty
                                && invocation.Arguments.Any(a => a.Value.Type is { } t && TypeHierarchy.DerivesFrom(t, application)))
                            {
                                return;
                            }
                        }

                        ctx.ReportDiagnostic(Diagnostic.Create(Rule, build.Syntax.GetLocation()));
                    },
                    OperationKind.Invocation);
            });
        }
    }
}
