using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals;

namespace SecureServices.Analyzers.Rules.Crypto
{
    /// <summary>
    /// SSA5003: <c>CipherMode.ECB</c> given as a value (assigned to <c>Mode</c>, passed, stored, returned) and the
    /// one-shot <c>EncryptEcb</c>/<c>TryEncryptEcb</c>. Comparisons with <c>CipherMode.ECB</c> (validation code) and
    /// <c>DecryptEcb</c> (reading data that already exists) are not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EcbModeAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.EcbMode);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var cipherMode = start.Compilation.GetTypeByMetadataName("System.Security.Cryptography.CipherMode");
                var symmetric = start.Compilation.GetTypeByMetadataName("System.Security.Cryptography.SymmetricAlgorithm");
                if (cipherMode == null || symmetric == null)
                {
                    return;
                }

                start.RegisterOperationAction(
                    c =>
                    {
                        var field = (IFieldReferenceOperation)c.Operation;
                        if (field.Field.Name != "ECB" || !SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, cipherMode))
                        {
                            return;
                        }

                        IOperation value = field;
                        while (value.Parent is IConversionOperation or IParenthesizedOperation)
                        {
                            value = value.Parent;
                        }

                        var used = value.Parent switch
                        {
                            IAssignmentOperation assignment when assignment.Value == value => assignment.Target is IPropertyReferenceOperation p ? p.Property.Name : "=",
                            IArgumentOperation argument => argument.Parameter?.Name ?? "argument",
                            IVariableInitializerOperation => "=",
                            IReturnOperation => "return",
                            _ => null,
                        };
                        if (used != null)
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, field.Syntax.GetLocation(), "CipherMode.ECB"));
                        }
                    },
                    OperationKind.FieldReference);
                start.RegisterOperationAction(
                    c =>
                    {
                        var invocation = (IInvocationOperation)c.Operation;
                        var method = invocation.TargetMethod;
                        if ((method.Name == "EncryptEcb" || method.Name == "TryEncryptEcb") && TypeHierarchy.DerivesFrom(method.ContainingType, symmetric))
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), method.Name));
                        }
                    },
                    OperationKind.Invocation);
            });
        }
    }
}
