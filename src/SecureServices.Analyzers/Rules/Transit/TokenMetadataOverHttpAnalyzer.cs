using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals;
using SecureServices.Analyzers.Internals.Transit;

namespace SecureServices.Analyzers.Rules.Transit
{
    /// <summary>
    /// SSA2009: <c>RequireHttpsMetadata = false</c> on JwtBearerOptions or OpenIdConnectOptions (not when
    /// the value is computed, e.g. <c>!env.IsDevelopment()</c>, nor in development-only code).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TokenMetadataOverHttpAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.TokenMetadataOverHttp);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var properties = TransitSymbols.Properties(
                    start.Compilation,
                    ("Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions", "RequireHttpsMetadata"),
                    ("Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions", "RequireHttpsMetadata"));
                if (properties.IsEmpty)
                {
                    return;
                }

                start.RegisterOperationAction(
                    ctx =>
                    {
                        var assignment = (ISimpleAssignmentOperation)ctx.Operation;
                        var property = TransitSymbols.AssignedProperty(assignment);
                        if (TransitSymbols.In(properties, property)
                            && TransitValues.ResolveConstant(assignment.Value) is { HasValue: true, Value: false }
                            && !DevelopmentGuard.IsGuarded(assignment))
                        {
                            ctx.ReportDiagnostic(Diagnostic.Create(
                                Rule,
                                assignment.Value.Syntax.GetLocation(),
                                CertificateValidationAnalyzer.RemovableProperties(assignment),
                                TransitSymbols.Describe(property!)));
                        }
                    },
                    OperationKind.SimpleAssignment);
            });
        }
    }
}
