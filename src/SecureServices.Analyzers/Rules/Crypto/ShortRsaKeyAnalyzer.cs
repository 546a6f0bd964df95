using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals;

namespace SecureServices.Analyzers.Rules.Crypto
{
    /// <summary>
    /// SSA5004: a constant RSA key size under 2048 bits in <c>RSA.Create(n)</c>, a constructor of an RSA class
    /// (<c>new RSACryptoServiceProvider(1024)</c>, <c>new RSACng(1024)</c>…) or an assignment to <c>KeySize</c>
    /// of an RSA instance. Non-constant sizes are not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ShortRsaKeyAnalyzer : DiagnosticAnalyzer
    {
        internal const int MinimumBits = 2048;

        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.ShortRsaKey);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var rsa = start.Compilation.GetTypeByMetadataName("System.Security.Cryptography.RSA");
                if (rsa == null)
                {
                    return;
                }

                start.RegisterOperationAction(
                    c =>
                    {
                        var invocation = (IInvocationOperation)c.Operation;
                        if (invocation.TargetMethod is { IsStatic: true, Name: "Create" } method
                            && SymbolEqualityComparer.Default.Equals(method.ContainingType, rsa))
                        {
                            CheckKeySizeArgument(c, invocation.Arguments);
                        }
                    },
                    OperationKind.Invocation);
                start.RegisterOperationAction(
                    c =>
                    {
                        var creation = (IObjectCreationOperation)c.Operation;
                        if (TypeHierarchy.DerivesFrom(creation.Type, rsa))
                        {
                            CheckKeySizeArgument(c, creation.Arguments);
                        }
                    },
                    OperationKind.ObjectCreation);
                start.RegisterOperationAction(
                    c =>
                    {
                        var assignment = (ISimpleAssignmentOperation)c.Operation;
                        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "KeySize" } property
                            && TypeHierarchy.DerivesFrom(property.Instance?.Type ?? property.Property.ContainingType, rsa))
                        {
                            CheckValue(c, assignment.Value);
                        }
                    },
                    OperationKind.SimpleAssignment);
            });
        }

        private static void CheckKeySizeArgument(OperationAnalysisContext context, ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { Type.SpecialType: SpecialType.System_Int32 } parameter
                    && parameter.Name.IndexOf("KeySize", System.StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    CheckValue(context, argument.Value);
                }
            }
        }

        private static void CheckValue(OperationAnalysisContext context, IOperation value)
        {
            if (value.ConstantValue is { HasValue: true, Value: int bits } && bits > 0 && bits < MinimumBits)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), bits));
            }
        }
    }
}
