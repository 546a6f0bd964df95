using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;

namespace SecureServices.Analyzers.Rules.Input
{
    /// <summary>
    /// SSA4021: a Newtonsoft.Json TypeNameHandling / ItemTypeNameHandling set to a constant other than None —
    /// on JsonSerializerSettings or JsonSerializer (assignments and object initializers) and in
    /// [JsonProperty]/[JsonObject]/[JsonArray]/[JsonDictionary] attributes. Not reported when the same object also
    /// sets SerializationBinder (or the obsolete Binder): restricting the types is the documented mitigation.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class JsonNetTypeNameHandlingAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.JsonNetTypeNameHandling);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var handling = start.Compilation.GetTypeByMetadataName("Newtonsoft.Json.TypeNameHandling");
                if (handling == null)
                {
                    return;
                }

                start.RegisterOperationAction(c => AnalyzeAssignment(c, handling), OperationKind.SimpleAssignment);
                // Attribute arguments have operations only in newer compilers: read them from syntax, once.
                start.RegisterSyntaxNodeAction(c => AnalyzeAttributeArgument(c, handling), SyntaxKind.AttributeArgument);
            });
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context, INamedTypeSymbol handling)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation property
                || property.Property.Name is not ("TypeNameHandling" or "ItemTypeNameHandling")
                || !SymbolEqualityComparer.Default.Equals(property.Type, handling)
                || NonNoneName(assignment.Value.ConstantValue, handling) is not { } name
                || assignment.Syntax.FirstAncestorOrSelf<AttributeSyntax>() != null
                || SetsBinder(assignment, property))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Value.Syntax.GetLocation(), name));
        }

        private static void AnalyzeAttributeArgument(SyntaxNodeAnalysisContext context, INamedTypeSymbol handling)
        {
            var argument = (AttributeArgumentSyntax)context.Node;
            if (argument.NameEquals?.Name.Identifier.ValueText is not ("TypeNameHandling" or "ItemTypeNameHandling"))
            {
                return;
            }

            var type = context.SemanticModel.GetTypeInfo(argument.Expression, context.CancellationToken).Type;
            if (!SymbolEqualityComparer.Default.Equals(type, handling)
                || NonNoneName(context.SemanticModel.GetConstantValue(argument.Expression, context.CancellationToken), handling) is not { } name)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rule, argument.Expression.GetLocation(), name));
        }

        private static string? NonNoneName(Optional<object?> constant, INamedTypeSymbol handling)
        {
            if (!constant.HasValue || constant.Value is not int value || value == 0)
            {
                return null;
            }

            var member = handling.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && f.ConstantValue is int v && v == value);
            return member?.Name ?? value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>The same initializer, or the same variable in the same body, also sets SerializationBinder/Binder.</summary>
        private static bool SetsBinder(ISimpleAssignmentOperation assignment, IPropertyReferenceOperation property)
        {
            if (assignment.Parent is IObjectOrCollectionInitializerOperation initializer)
            {
                return initializer.Initializers.Any(i => i is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation p } && IsBinder(p) && !IsNull(((ISimpleAssignmentOperation)i).Value));
            }

            var target = Symbol(property.Instance);
            if (target == null)
            {
                return false;
            }

            var root = assignment;
            IOperation current = assignment;
            while (current.Parent != null)
            {
                current = current.Parent;
            }

            return current.Descendants().Any(o => o is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation p } a
                && IsBinder(p) && !IsNull(a.Value) && SymbolEqualityComparer.Default.Equals(Symbol(p.Instance), target));
        }

        private static bool IsBinder(IPropertyReferenceOperation p) => p.Property.Name is "SerializationBinder" or "Binder";

        private static bool IsNull(IOperation value) => value.ConstantValue is { HasValue: true, Value: null };

        private static ISymbol? Symbol(IOperation? instance) => instance switch
        {
            ILocalReferenceOperation l => l.Local,
            IFieldReferenceOperation f => f.Field,
            IParameterReferenceOperation p => p.Parameter,
            IPropertyReferenceOperation p => p.Property,
            _ => null,
        };
    }
}
