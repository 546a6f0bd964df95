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
    /// SSA2001: a TLS client told to accept every server certificate (a callback returning true on every
    /// path, or DangerousAcceptAnyServerCertificateValidator). SSA2002: a TLS server (Kestrel, SslStream) told
    /// to accept every client certificate (AllowAnyClientCertificate(), or such a callback).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CertificateValidationAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the fixer may delete the assignment that carries the finding.</summary>
        public const string RemovableAssignment = "RemovableAssignment";

        internal static readonly DiagnosticDescriptor ServerRule = DescriptorFactory.Create(RuleIds.ServerCertificateValidationDisabled);
        internal static readonly DiagnosticDescriptor ClientRule = DescriptorFactory.Create(RuleIds.ClientCertificateValidationDisabled);

        private const string KestrelHttpsOptions = "Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(ServerRule, ClientRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var compilation = start.Compilation;
                var callbackType = compilation.GetTypeByMetadataName("System.Net.Security.RemoteCertificateValidationCallback");
                var serverCallbacks = TransitSymbols.Properties(
                    compilation,
                    ("System.Net.Http.HttpClientHandler", "ServerCertificateCustomValidationCallback"),
                    ("System.Net.Security.SslClientAuthenticationOptions", "RemoteCertificateValidationCallback"),
                    ("System.Net.ServicePointManager", "ServerCertificateValidationCallback"),
                    ("System.Net.HttpWebRequest", "ServerCertificateCustomValidationCallback"));
                var clientCallbacks = TransitSymbols.Properties(
                    compilation,
                    ("System.Net.Security.SslServerAuthenticationOptions", "RemoteCertificateValidationCallback"),
                    (KestrelHttpsOptions, "ClientCertificateValidation"));
                var dangerous = TransitSymbols.Properties(compilation, ("System.Net.Http.HttpClientHandler", "DangerousAcceptAnyServerCertificateValidator"));
                var kestrelOptions = compilation.GetTypeByMetadataName(KestrelHttpsOptions);
                if (serverCallbacks.IsEmpty && clientCallbacks.IsEmpty && callbackType == null)
                {
                    return;
                }

                start.RegisterOperationAction(
                    ctx =>
                    {
                        var assignment = (IAssignmentOperation)ctx.Operation;
                        if (assignment is ICompoundAssignmentOperation compound && compound.OperatorKind != BinaryOperatorKind.Add)
                        {
                            return;
                        }

                        var property = TransitSymbols.AssignedProperty(assignment);
                        var descriptor = TransitSymbols.In(serverCallbacks, property) ? ServerRule
                            : TransitSymbols.In(clientCallbacks, property) ? ClientRule
                            : null;
                        if (descriptor != null && CallbackAnalysis.AcceptsEverything(assignment.Value) && !DevelopmentGuard.IsGuarded(assignment))
                        {
                            ctx.ReportDiagnostic(Diagnostic.Create(
                                descriptor,
                                assignment.Value.Syntax.GetLocation(),
                                RemovableProperties(assignment),
                                TransitSymbols.Describe(property!)));
                        }
                    },
                    OperationKind.SimpleAssignment,
                    OperationKind.CompoundAssignment);

                start.RegisterOperationAction(
                    ctx =>
                    {
                        var argument = (IArgumentOperation)ctx.Operation;
                        if (callbackType == null || argument.Parameter == null
                            || !SymbolEqualityComparer.Default.Equals(argument.Parameter.Type, callbackType)
                            || argument.ArgumentKind == ArgumentKind.DefaultValue
                            || !CallbackAnalysis.AcceptsEverything(argument.Value)
                            || DevelopmentGuard.IsGuarded(argument))
                        {
                            return;
                        }

                        var method = argument.Parameter.ContainingSymbol;
                        ctx.ReportDiagnostic(Diagnostic.Create(ServerRule, argument.Value.Syntax.GetLocation(), TransitSymbols.Describe(method.ContainingType ?? (ISymbol)method)));
                    },
                    OperationKind.Argument);

                start.RegisterOperationAction(
                    ctx =>
                    {
                        var reference = (IPropertyReferenceOperation)ctx.Operation;
                        if (reference.Property.Name == "DangerousAcceptAnyServerCertificateValidator"
                            && TransitSymbols.In(dangerous, reference.Property) && !DevelopmentGuard.IsGuarded(reference))
                        {
                            var properties = reference.Parent is IAssignmentOperation assignment && assignment.Value == reference
                                ? RemovableProperties(assignment)
                                : ImmutableDictionary<string, string?>.Empty;
                            ctx.ReportDiagnostic(Diagnostic.Create(ServerRule, reference.Syntax.GetLocation(), properties, TransitSymbols.Describe(reference.Property)));
                        }
                    },
                    OperationKind.PropertyReference);

                start.RegisterOperationAction(
                    ctx =>
                    {
                        var invocation = (IInvocationOperation)ctx.Operation;
                        if (invocation.TargetMethod.Name == "AllowAnyClientCertificate"
                            && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, kestrelOptions)
                            && !DevelopmentGuard.IsGuarded(invocation))
                        {
                            var properties = invocation.Parent is IExpressionStatementOperation
                                ? ImmutableDictionary<string, string?>.Empty.Add(RemovableAssignment, "statement")
                                : ImmutableDictionary<string, string?>.Empty;
                            ctx.ReportDiagnostic(Diagnostic.Create(ClientRule, invocation.Syntax.GetLocation(), properties, "HttpsConnectionAdapterOptions.AllowAnyClientCertificate()"));
                        }
                    },
                    OperationKind.Invocation);
            });
        }

        /// <summary>The assignment is a statement or an object-initializer member: removing it is a clean edit.</summary>
        internal static ImmutableDictionary<string, string?> RemovableProperties(IAssignmentOperation assignment)
            => assignment.Parent is IExpressionStatementOperation || assignment.Parent is IObjectOrCollectionInitializerOperation
                ? ImmutableDictionary<string, string?>.Empty.Add(RemovableAssignment, "assignment")
                : ImmutableDictionary<string, string?>.Empty;
    }
}
