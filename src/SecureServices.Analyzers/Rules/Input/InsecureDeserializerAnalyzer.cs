using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;

namespace SecureServices.Analyzers.Rules.Input
{
    /// <summary>
    /// SSA4020: deserializing with BinaryFormatter, SoapFormatter, NetDataContractSerializer, LosFormatter or
    /// ObjectStateFormatter (the call that reads: Deserialize, UnsafeDeserialize, ReadObject — serializing alone is
    /// not reported), and creating a JavaScriptSerializer with a type resolver.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InsecureDeserializerAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.InsecureDeserializer);

        private static readonly ImmutableArray<string> FormatterNames = ImmutableArray.Create(
            "System.Runtime.Serialization.Formatters.Binary.BinaryFormatter",
            "System.Runtime.Serialization.Formatters.Soap.SoapFormatter",
            "System.Runtime.Serialization.NetDataContractSerializer",
            "System.Web.UI.LosFormatter",
            "System.Web.UI.ObjectStateFormatter");

        private static readonly ImmutableHashSet<string> ReadingMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal, "Deserialize", "UnsafeDeserialize", "UnsafeDeserializeMethodResponse", "ReadObject");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var formatters = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                foreach (var name in FormatterNames)
                {
                    if (start.Compilation.GetTypeByMetadataName(name) is { } type)
                    {
                        formatters.Add(type);
                    }
                }

                var javaScriptSerializer = start.Compilation.GetTypeByMetadataName("System.Web.Script.Serialization.JavaScriptSerializer");
                var set = formatters.ToImmutable();
                if (!set.IsEmpty)
                {
                    start.RegisterOperationAction(c => AnalyzeInvocation(c, set), OperationKind.Invocation);
                }

                if (javaScriptSerializer != null)
                {
                    start.RegisterOperationAction(c => AnalyzeCreation(c, javaScriptSerializer), OperationKind.ObjectCreation);
                }
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, ImmutableHashSet<INamedTypeSymbol> formatters)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!ReadingMethods.Contains(invocation.TargetMethod.Name))
            {
                return;
            }

            var receiverType = CreatedType(invocation.Instance) ?? invocation.Instance?.Type as INamedTypeSymbol ?? invocation.TargetMethod.ContainingType;
            for (var t = receiverType; t != null; t = t.BaseType)
            {
                if (formatters.Contains(t))
                {
                    var syntax = invocation.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax call ? call.Expression : invocation.Syntax;
                    context.ReportDiagnostic(Diagnostic.Create(Rule, syntax.GetLocation(), t.Name));
                    return;
                }
            }
        }

        /// <summary><c>IFormatter formatter = new BinaryFormatter();</c>: the type the local was initialised with.</summary>
        private static INamedTypeSymbol? CreatedType(IOperation? instance)
        {
            if (instance is not ILocalReferenceOperation local || local.Local.Type.TypeKind != TypeKind.Interface)
            {
                return null;
            }

            IOperation root = instance;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            INamedTypeSymbol? created = null;
            foreach (var operation in root.Descendants())
            {
                var value = operation switch
                {
                    IVariableDeclaratorOperation d when SymbolEqualityComparer.Default.Equals(d.Symbol, local.Local) => d.Initializer?.Value,
                    ISimpleAssignmentOperation { Target: ILocalReferenceOperation t } a when SymbolEqualityComparer.Default.Equals(t.Local, local.Local) => a.Value,
                    _ => null,
                };
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                if (value is IObjectCreationOperation { Type: INamedTypeSymbol type })
                {
                    created = type;
                }
                else if (value != null)
                {
                    return null;
                }
            }

            return created;
        }

        private static void AnalyzeCreation(OperationAnalysisContext context, INamedTypeSymbol javaScriptSerializer)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (!SymbolEqualityComparer.Default.Equals(creation.Type, javaScriptSerializer) || creation.Arguments.Length == 0)
            {
                return;
            }

            var resolver = creation.Arguments[0].Value;
            while (resolver is IConversionOperation conversion)
            {
                resolver = conversion.Operand;
            }

            if (resolver.ConstantValue is { HasValue: true, Value: null })
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rule, creation.Syntax.GetLocation(), "JavaScriptSerializer"));
        }
    }
}
