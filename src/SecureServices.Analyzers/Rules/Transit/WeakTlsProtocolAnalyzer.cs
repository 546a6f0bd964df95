using System.Collections.Generic;
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
    /// SSA2004: an <c>SslProtocols</c> or <c>SecurityProtocolType</c> value that includes SSL 2.0, SSL 3.0,
    /// TLS 1.0 or TLS 1.1 — alone, OR-combined, cast from a number or through a local — written to a property
    /// (handler, SslClient/ServerAuthenticationOptions, Kestrel, ServicePointManager.SecurityProtocol, also
    /// with <c>|=</c>) or passed to a parameter (SslStream.AuthenticateAsClient…).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class WeakTlsProtocolAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.WeakTlsProtocol);

        // Identical bit values in SslProtocols and SecurityProtocolType.
        private static readonly ImmutableArray<(long Bits, string Name)> WeakVersions = ImmutableArray.Create(
            (12L, "SSL 2.0"), (48L, "SSL 3.0"), (192L, "TLS 1.0"), (768L, "TLS 1.1"));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var sslProtocols = start.Compilation.GetTypeByMetadataName("System.Security.Authentication.SslProtocols");
                var securityProtocol = start.Compilation.GetTypeByMetadataName("System.Net.SecurityProtocolType");
                if (sslProtocols == null && securityProtocol == null)
                {
                    return;
                }

                string? Replacement(ITypeSymbol? type)
                    => SymbolEqualityComparer.Default.Equals(type, sslProtocols)
                        ? "global::System.Security.Authentication.SslProtocols.Tls12 | global::System.Security.Authentication.SslProtocols.Tls13"
                        : SymbolEqualityComparer.Default.Equals(type, securityProtocol)
                            ? "global::System.Net.SecurityProtocolType.Tls12 | global::System.Net.SecurityProtocolType.Tls13"
                            : null;

                void Check(OperationAnalysisContext ctx, ITypeSymbol? targetType, IOperation value, string target)
                {
                    var replacement = Replacement(targetType);
                    if (replacement == null || WeakNames(value) is not { } weak || DevelopmentGuard.IsGuarded(value))
                    {
                        return;
                    }

                    var properties = TransitValues.Unwrap(value) is ILocalReferenceOperation
                        ? ImmutableDictionary<string, string?>.Empty
                        : TransitFix.WithReplacement(replacement);
                    ctx.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), properties, target, weak));
                }

                start.RegisterOperationAction(
                    ctx =>
                    {
                        var assignment = (IAssignmentOperation)ctx.Operation;
                        if (assignment is ICompoundAssignmentOperation compound && compound.OperatorKind != BinaryOperatorKind.Or)
                        {
                            return;
                        }

                        var targetType = assignment.Target.Type;
                        if (targetType?.TypeKind != TypeKind.Enum || Replacement(targetType) == null)
                        {
                            return;
                        }

                        var target = assignment.Target switch
                        {
                            IPropertyReferenceOperation p => TransitSymbols.Describe(p.Property),
                            IFieldReferenceOperation f => f.Field.Name,
                            _ => null,
                        };
                        if (target != null)
                        {
                            Check(ctx, targetType, assignment.Value, target);
                        }
                    },
                    OperationKind.SimpleAssignment,
                    OperationKind.CompoundAssignment);

                start.RegisterOperationAction(
                    ctx =>
                    {
                        var argument = (IArgumentOperation)ctx.Operation;
                        // Library APIs only (SslStream.AuthenticateAsClient…): a helper of the project that takes
                        // an SslProtocols (IsDeprecated(SslProtocols.Tls11)) does not configure a connection.
                        if (argument.Parameter != null && argument.ArgumentKind != ArgumentKind.DefaultValue
                            && argument.Parameter.ContainingSymbol.DeclaringSyntaxReferences.IsEmpty)
                        {
                            Check(ctx, argument.Parameter.Type, argument.Value, argument.Parameter.Name);
                        }
                    },
                    OperationKind.Argument);
            });
        }

        /// <summary>"TLS 1.0, TLS 1.1" for a value that enables weak versions; null otherwise.</summary>
        private static string? WeakNames(IOperation value)
        {
            var constant = TransitValues.ResolveConstant(value);
            if (!constant.HasValue || constant.Value == null)
            {
                return null;
            }

            long bits;
            try
            {
                bits = System.Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (System.Exception e) when (e is System.FormatException or System.InvalidCastException or System.OverflowException)
            {
                return null;
            }

            var names = new List<string>();
            foreach (var (weakBits, name) in WeakVersions)
            {
                if ((bits & weakBits) != 0)
                {
                    names.Add(name);
                }
            }

            return names.Count == 0 ? null : string.Join(", ", names);
        }
    }
}
