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
    /// SSA2006: <c>ChannelCredentials.Insecure</c> (unless it is given, through GrpcChannelOptions, to a
    /// <c>GrpcChannel.ForAddress</c> of a loopback or allowed address) and
    /// <c>GrpcChannelOptions.UnsafeUseInsecureChannelCallCredentials = true</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InsecureGrpcChannelAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.InsecureGrpcChannel);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var insecure = TransitSymbols.Properties(start.Compilation, ("Grpc.Core.ChannelCredentials", "Insecure"));
                var unsafeCallCredentials = TransitSymbols.Properties(start.Compilation, ("Grpc.Net.Client.GrpcChannelOptions", "UnsafeUseInsecureChannelCallCredentials"));
                var channel = start.Compilation.GetTypeByMetadataName("Grpc.Net.Client.GrpcChannel");
                if (insecure.IsEmpty && unsafeCallCredentials.IsEmpty)
                {
                    return;
                }

                start.RegisterOperationAction(
                    ctx =>
                    {
                        var reference = (IPropertyReferenceOperation)ctx.Operation;
                        if (reference.Property.Name == "Insecure"
                            && TransitSymbols.In(insecure, reference.Property)
                            && !ChannelAddressIsExempt(ctx, reference, channel)
                            && !DevelopmentGuard.IsGuarded(reference))
                        {
                            ctx.ReportDiagnostic(Diagnostic.Create(Rule, reference.Syntax.GetLocation(), "ChannelCredentials.Insecure"));
                        }
                    },
                    OperationKind.PropertyReference);

                start.RegisterOperationAction(
                    ctx =>
                    {
                        var assignment = (ISimpleAssignmentOperation)ctx.Operation;
                        var property = TransitSymbols.AssignedProperty(assignment);
                        if (TransitSymbols.In(unsafeCallCredentials, property)
                            && TransitValues.ResolveConstant(assignment.Value) is { HasValue: true, Value: true }
                            && !DevelopmentGuard.IsGuarded(assignment))
                        {
                            ctx.ReportDiagnostic(Diagnostic.Create(
                                Rule,
                                assignment.Value.Syntax.GetLocation(),
                                CertificateValidationAnalyzer.RemovableProperties(assignment),
                                "UnsafeUseInsecureChannelCallCredentials = true"));
                        }
                    },
                    OperationKind.SimpleAssignment);
            });
        }

        /// <summary>Is the reference inside the options given to <c>GrpcChannel.ForAddress(address, options)</c> with a loopback or allowed address?</summary>
        private static bool ChannelAddressIsExempt(OperationAnalysisContext ctx, IOperation reference, INamedTypeSymbol? channel)
        {
            for (var parent = reference.Parent; parent != null; parent = parent.Parent)
            {
                if (parent is IInvocationOperation invocation)
                {
                    if (!SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, channel) || invocation.Arguments.Length == 0)
                    {
                        return false;
                    }

                    var address = TransitValues.ResolveString(UriText(invocation.Arguments[0].Value));
                    return address.HasValue
                        && Endpoints.TryParse(address.Text, address.IsComplete, out var parsed)
                        && parsed.HostIsComplete
                        && Endpoints.IsExempt(parsed.Host, Endpoints.AllowedHosts(ctx.Options, reference.Syntax.SyntaxTree));
                }

                if (parent is IAnonymousFunctionOperation or IBlockOperation)
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>For <c>new Uri("…")</c>, the string given to it.</summary>
        private static IOperation UriText(IOperation value)
            => TransitValues.Unwrap(value) is IObjectCreationOperation { Arguments.Length: > 0 } creation && creation.Type?.Name == "Uri"
                ? creation.Arguments[0].Value
                : value;
    }
}
