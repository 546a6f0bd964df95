using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals;

namespace SecureServices.Analyzers.Rules.Crypto
{
    /// <summary>
    /// SSA5008: (1) a class outside the framework deriving from <c>SymmetricAlgorithm</c>, <c>AsymmetricAlgorithm</c> or
    /// <c>HashAlgorithm</c> (non-cryptographic checksums named CRC/Adler/FNV/Murmur/xxHash/Checksum are not reported);
    /// (2) an XOR with an indexed operand (<c>data[i] ^ key[i % key.Length]</c>) inside a loop of a method whose name
    /// says encrypt/decrypt/cipher/obfuscate/scramble/hash (not GetHashCode), reported once per method.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HomeMadeCryptographyAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.HomeMadeCryptography);

        private static readonly ImmutableArray<string> CryptoBases = ImmutableArray.Create(
            "System.Security.Cryptography.SymmetricAlgorithm",
            "System.Security.Cryptography.AsymmetricAlgorithm",
            "System.Security.Cryptography.HashAlgorithm");

        private static readonly ImmutableHashSet<string> ChecksumWords = ImmutableHashSet.Create(
            "crc", "crc16", "crc32", "crc64", "adler", "adler32", "fnv", "fnv1a", "murmur", "murmur3", "xxhash", "xxhash64", "xxhash3", "checksum", "city", "farm");

        private static readonly ImmutableHashSet<string> CipherWords = ImmutableHashSet.Create(
            "encrypt", "decrypt", "encipher", "decipher", "cipher", "crypt", "obfuscate", "deobfuscate", "scramble", "unscramble", "hash");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
                foreach (var name in CryptoBases)
                {
                    if (start.Compilation.GetTypeByMetadataName(name) is { } type)
                    {
                        builder.Add(type);
                    }
                }

                var bases = builder.ToImmutable();
                if (bases.Length > 0)
                {
                    start.RegisterSymbolAction(c => AnalyzeType(c, bases), SymbolKind.NamedType);
                }

                start.RegisterOperationBlockAction(AnalyzeMethodBody);
            });
        }

        private static void AnalyzeType(SymbolAnalysisContext context, ImmutableArray<INamedTypeSymbol> bases)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (type.TypeKind != TypeKind.Class || type.Locations.Length == 0 || !type.Locations[0].IsInSource)
            {
                return;
            }

            for (var t = type.BaseType; t != null; t = t.BaseType)
            {
                foreach (var b in bases)
                {
                    if (SymbolEqualityComparer.Default.Equals(t, b))
                    {
                        if (IsChecksumName(type.Name))
                        {
                            return; // a CRC/xxHash implemented as a HashAlgorithm is not cryptography
                        }

                        context.ReportDiagnostic(Diagnostic.Create(Rule, type.Locations[0], type.Name, b.Name));
                        return;
                    }
                }
            }
        }

        private static void AnalyzeMethodBody(OperationBlockAnalysisContext context)
        {
            if (context.OwningSymbol is not IMethodSymbol method || !IsCipherName(method.Name, hashCounts: true) || IsChecksumName(method.ContainingType?.Name))
            {
                return;
            }

            // uint StableHash(string key): a hash that fits in an integer is for buckets and shards, never a cryptographic digest.
            if (IsIntegral(method.ReturnType) && !IsCipherName(method.Name, hashCounts: false))
            {
                return;
            }

            foreach (var block in context.OperationBlocks)
            {
                foreach (var op in block.Descendants())
                {
                    if (IsKeyedXor(op) && IsInLoop(op))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Rule, op.Syntax.GetLocation(), method.Name, "^"));
                        return;
                    }
                }
            }
        }

        private static bool IsChecksumName(string? name)
        {
            if (name == null)
            {
                return false;
            }

            foreach (var word in IdentifierWords.Split(name))
            {
                if (ChecksumWords.Contains(word))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsIntegral(ITypeSymbol type) => type.SpecialType is SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64;

        private static bool IsCipherName(string name, bool hashCounts)
        {
            if (name == "GetHashCode" || name.IndexOf("HashCode", StringComparison.Ordinal) >= 0)
            {
                return false;
            }

            // Every method of the compilation comes here: no word split (a list and a string per word) unless the
            // name contains the stem of a cipher word at all.
            if (name.IndexOf("crypt", StringComparison.OrdinalIgnoreCase) < 0 && name.IndexOf("cipher", StringComparison.OrdinalIgnoreCase) < 0
                && name.IndexOf("hash", StringComparison.OrdinalIgnoreCase) < 0 && name.IndexOf("obfuscate", StringComparison.OrdinalIgnoreCase) < 0
                && name.IndexOf("scramble", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return false;
            }

            foreach (var word in IdentifierWords.Split(name))
            {
                if ((CipherWords.Contains(word) && (hashCounts || word != "hash")) || word.StartsWith("encrypt", StringComparison.Ordinal) || word.StartsWith("decrypt", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsKeyedXor(IOperation op)
        {
            var (left, right) = op switch
            {
                IBinaryOperation { OperatorKind: BinaryOperatorKind.ExclusiveOr } b => (b.LeftOperand, b.RightOperand),
                ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.ExclusiveOr } a => (a.Target, a.Value),
                _ => (null, null),
            };
            if (left == null || right == null || left.Type?.SpecialType == SpecialType.System_Boolean)
            {
                return false;
            }

            return IsIndexed(left) || IsIndexed(right);
        }

        private static bool IsIndexed(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation is IArrayElementReferenceOperation
                || operation is IPropertyReferenceOperation { Property.IsIndexer: true };
        }

        private static bool IsInLoop(IOperation op)
        {
            for (var p = op.Parent; p != null; p = p.Parent)
            {
                if (p is ILoopOperation)
                {
                    return true;
                }

                if (p is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return false;
                }
            }

            return false;
        }
    }
}
