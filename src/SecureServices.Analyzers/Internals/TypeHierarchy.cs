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
            if (baseType == null)
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
