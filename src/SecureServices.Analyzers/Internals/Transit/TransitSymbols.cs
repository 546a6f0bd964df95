using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureServices.Analyzers.Internals.Transit
{
    /// <summary>Symbol look-ups shared by the SSA2xxx analyzers (resolved once per compilation).</summary>
    internal static class TransitSymbols
    {
        /// <summary>The properties called <paramref name="names"/> of the types that exist in this compilation.</summary>
        public static PropertySet Properties(Compilation compilation, params (string Type, string Property)[] names)
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

            return new PropertySet(builder.ToImmutable());
        }

        /// <summary>The property an assignment writes, or null.</summary>
        public static IPropertySymbol? AssignedProperty(IAssignmentOperation assignment)
            => assignment.Target is IPropertyReferenceOperation reference ? reference.Property.OriginalDefinition : null;

        /// <summary>Is <paramref name="property"/> (or the property it overrides) in <paramref name="set"/>?</summary>
        public static bool In(PropertySet set, IPropertySymbol? property)
        {
            // Called for every assignment of the compilation by several rules: a name test before the symbol lookup.
            if (property == null || !set.HasName(property.Name))
            {
                return false;
            }

            for (var p = property; p != null; p = p.OverriddenProperty)
            {
                if (set.Symbols.Contains(p.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"HttpClientHandler.ServerCertificateCustomValidationCallback".</summary>
        public static string Describe(ISymbol symbol) => symbol.ContainingType == null ? symbol.Name : symbol.ContainingType.Name + "." + symbol.Name;

    }

    /// <summary>
    /// Well-known properties resolved once per compilation, with their names for a cheap first test (an override
    /// keeps its name, so a name miss is a definite miss).
    /// </summary>
    internal sealed class PropertySet
    {
        private readonly ImmutableArray<string> names;

        public PropertySet(ImmutableHashSet<IPropertySymbol> symbols)
        {
            Symbols = symbols;
            var distinct = ImmutableArray.CreateBuilder<string>();
            foreach (var symbol in symbols)
            {
                if (!distinct.Contains(symbol.Name))
                {
                    distinct.Add(symbol.Name);
                }
            }

            names = distinct.ToImmutable();
        }

        public ImmutableHashSet<IPropertySymbol> Symbols { get; }

        public bool IsEmpty => Symbols.IsEmpty;

        public bool HasName(string name)
        {
            foreach (var candidate in names)
            {
                if (string.Equals(candidate, name, System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
