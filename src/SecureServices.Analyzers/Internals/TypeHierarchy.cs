using Microsoft.CodeAnalysis;

namespace SecureServices.Analyzers.Internals
{
    /// <summary>Base-type checks shared by every area (one implementation, so generic bases behave the same everywhere).</summary>
    internal static class TypeHierarchy
    {
        /// <summary>
        /// True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it; a constructed generic
        /// (<c>DbContextOptionsBuilder&lt;T&gt;</c>) matches its definition. Null-safe: false when either is missing.
        /// </summary>
        public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType == null || type == null)
            {
                return false;
            }

            // Hot callers ask this about every local and parameter: string, int, object… (special types) only derive
            // from special types, and a struct from no class of ours; answer those without walking the chain.
            if (baseType.SpecialType == SpecialType.None
                && (type.SpecialType != SpecialType.None || (type.IsValueType && baseType.TypeKind == TypeKind.Class)))
            {
                return false;
            }

            for (var t = type; t != null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
