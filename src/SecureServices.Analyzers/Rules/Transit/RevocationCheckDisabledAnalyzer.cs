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
    /// SSA2003: <c>CheckCertificateRevocationList = false</c> (HttpClientHandler, ServicePointManager),
    /// Kestrel <c>CheckCertificateRevocation = false</c>, and <c>X509RevocationMode.NoCheck</c> given to any
    /// property or parameter (X509ChainPolicy.RevocationMode, CertificateRevocationCheckMode…).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RevocationCheckDisabledAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.CertificateRevocationCheckDisabled);

        private const string OnlineMode = "global::System.Security.Cryptography.X509Certificates.X509RevocationMode.Online";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var flags = TransitSymbols.Properties(
                    start.Compilation,
                    ("System.Net.Http.HttpClientHandler", "CheckCertificateRevocationList"),
                    ("System.Net.ServicePointManager", "CheckCertificateRevocationList"),
                    ("Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions", "CheckCertificateRevocation"));
                var revocationMode = start.Compilation.GetTypeByMetadataName("System.Security.Cryptography.X509Certificates.X509RevocationMode");

                start.RegisterOperationAction(
                    ctx =>
                    {
                        var assignment = (ISimpleAssignmentOperation)ctx.Operation;
                        var property = TransitSymbols.AssignedProperty(assignment);
                        if (property == null)
                        {
                            return;
                        }

                        // Cheap symbol checks first; the value's operation tree and the development-only
                        // analysis only for candidates.
                        if (TransitSymbols.In(flags, property))
                        {
                            if (TransitValues.ResolveConstant(assignment.Value) is { HasValue: true, Value: false } && !DevelopmentGuard.IsGuarded(assignment))
                            {
                                Report(ctx, assignment.Value, TransitSymbols.Describe(property), "true");
                            }
                        }
                        else if (SymbolEqualityComparer.Default.Equals(property.Type, revocationMode)
                            && IsNoCheck(assignment.Value, revocationMode) && !DevelopmentGuard.IsGuarded(assignment))
                        {
                            Report(ctx, assignment.Value, TransitSymbols.Describe(property), OnlineMode);
                        }
                    },
                    OperationKind.SimpleAssignment);

                if (revocationMode == null)
                {
                    return;
                }

                start.RegisterOperationAction(
                    ctx =>
                    {
                        var argument = (IArgumentOperation)ctx.Operation;
                        if (argument.Parameter != null && argument.ArgumentKind != ArgumentKind.DefaultValue
                            && SymbolEqualityComparer.Default.Equals(argument.Parameter.Type, revocationMode)
                            && argument.Parameter.ContainingSymbol.DeclaringSyntaxReferences.IsEmpty
                            && IsNoCheck(argument.Value, revocationMode) && !DevelopmentGuard.IsGuarded(argument))
                        {
                            Report(ctx, argument.Value, argument.Parameter.Name, OnlineMode);
                        }
                    },
                    OperationKind.Argument);
            });
        }

        private static bool IsNoCheck(IOperation value, INamedTypeSymbol? revocationMode)
            => revocationMode != null
            && SymbolEqualityComparer.Default.Equals(value.Type, revocationMode)
            && TransitValues.ResolveConstant(value) is { HasValue: true, Value: 0 };

        private static void Report(OperationAnalysisContext ctx, IOperation value, string name, string replacement)
        {
            // Offer the fix only where the value is written in place (not through a local).
            var properties = TransitValues.Unwrap(value) is ILocalReferenceOperation
                ? ImmutableDictionary<string, string?>.Empty
                : TransitFix.WithReplacement(replacement);
            ctx.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), properties, name));
        }
    }
}
