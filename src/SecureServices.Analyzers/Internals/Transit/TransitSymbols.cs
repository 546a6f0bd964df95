using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureServices.Analyzers.Internals.Transit
{
    /// <summary>Symbol look-ups shared by the SSA2xxx analyzers (resolved once per compilation).</summary>
    internal static class TransitSymbols
    {
        /// <summary>The properties called <paramref name="names"/> of the types that exist in this compilation.</summary>
        public static ImmutableHashSet<IPropertySymbol> Properties(Compilation compilation, params (string Type, string Property)[] names)
        {
            var builder = ImmutableHashSet.CreateBuilder<IPropertySymbol>(SymbolEqualityComparer.Default);
            foreach (var (typeName, propertyName) in names)
            {
                var type = compilation.GetTypeByMetadataName(typeName);
                if (type == null)
                {
                    continue;
                }

                foreach (var member in type.GetMembers(propertyName))
                {
                    if (member is IPropertySymbol property)
                    {
                        builder.Add(property);
                    }
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>The property an assignment writes, or null.</summary>
        public static IPropertySymbol? AssignedProperty(IAssignmentOperation assignment)
            => assignment.Target is IPropertyReferenceOperation reference ? reference.Property.OriginalDefinition : null;

        /// <summary>Is <paramref name="property"/> (or the property it overrides) in <paramref name="set"/>?</summary>
        public static bool In(ImmutableHashSet<IPropertySymbol> set, IPropertySymbol? property)
        {
            for (var p = property; p != null; p = p.OverriddenProperty)
            {
                if (set.Contains(p.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"HttpClientHandler.ServerCertificateCustomValidationCallback".</summary>
        public static string Describe(ISymbol symbol) => symbol.ContainingType == null ? symbol.Name : symbol.ContainingType.Name + "." + symbol.Name;

    }
}
