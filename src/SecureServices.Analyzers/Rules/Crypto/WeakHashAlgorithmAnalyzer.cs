using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals.Crypto;

namespace SecureServices.Analyzers.Rules.Crypto
{
    /// <summary>
    /// SSA5001: MD5 / SHA-1 (and HMACMD5 / HMACSHA1) created or used through their static helpers
    /// (<c>Create</c>, <c>HashData</c>, <c>HashDataAsync</c>, <c>TryHashData</c>), their legacy classes
    /// (<c>SHA1Managed</c>, <c>MD5CryptoServiceProvider</c>…), or <c>IncrementalHash.CreateHash/CreateHMAC</c>
    /// with <c>HashAlgorithmName.MD5/SHA1</c>. Not reported when the result plainly is a cache key or ETag
    /// (the enclosing member, the variable or member it is stored in, or a parameter it is passed to is named
    /// like one, or it builds an <c>EntityTagHeaderValue</c>). <c>HashAlgorithmName.SHA1</c> given to RSA/ECDSA
    /// signature or OAEP APIs is interoperability with existing peers and is not reported. Nor are uses a standard
    /// mandates, when every use of the digest in the method provably is one (<see cref="StandardMandatedDigest"/>):
    /// name-based UUIDs (v3 MD5, v5 SHA-1) and the HTTP Content-MD5 header (MD5).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class WeakHashAlgorithmAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.WeakHashAlgorithm);

        /// <summary>Weak type metadata names and the algorithm they implement.</summary>
        internal static readonly ImmutableArray<(string MetadataName, string Algorithm)> WeakTypes = ImmutableArray.Create(
            ("System.Security.Cryptography.MD5", "MD5"),
            ("System.Security.Cryptography.MD5CryptoServiceProvider", "MD5"),
            ("System.Security.Cryptography.SHA1", "SHA-1"),
            ("System.Security.Cryptography.SHA1Managed", "SHA-1"),
            ("System.Security.Cryptography.SHA1CryptoServiceProvider", "SHA-1"),
            ("System.Security.Cryptography.HMACMD5", "HMAC-MD5"),
            ("System.Security.Cryptography.HMACSHA1", "HMAC-SHA1"));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var builder = ImmutableDictionary.CreateBuilder<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
                foreach (var (name, algorithm) in WeakTypes)
                {
                    if (start.Compilation.GetTypeByMetadataName(name) is { } type)
                    {
                        builder[type] = algorithm;
                    }
                }

                if (builder.Count == 0)
                {
                    return;
                }

                var weak = builder.ToImmutable();
                var incrementalHash = start.Compilation.GetTypeByMetadataName("System.Security.Cryptography.IncrementalHash");
                var hashAlgorithmName = start.Compilation.GetTypeByMetadataName("System.Security.Cryptography.HashAlgorithmName");
                var mandated = StandardMandatedDigest.Create(start.Compilation);

                start.RegisterOperationAction(
                    c =>
                    {
                        var invocation = (IInvocationOperation)c.Operation;
                        var method = invocation.TargetMethod;
                        if (method.IsStatic && weak.TryGetValue(method.ContainingType, out var algorithm) && IsFactoryOrOneShot(method.Name))
                        {
                            Report(c, invocation, method.ContainingType.Name + "." + method.Name, algorithm, mandated);
                        }
                        else if (incrementalHash != null && hashAlgorithmName != null && method.IsStatic
                            && SymbolEqualityComparer.Default.Equals(method.ContainingType, incrementalHash)
                            && (method.Name == "CreateHash" || method.Name == "CreateHMAC")
                            && invocation.Arguments.Length > 0
                            && WeakAlgorithmName(invocation.Arguments[0].Value, hashAlgorithmName) is { } named)
                        {
                            Report(c, invocation, "IncrementalHash." + method.Name, method.Name == "CreateHMAC" ? "HMAC-" + named : named, mandated);
                        }
                    },
                    OperationKind.Invocation);

                start.RegisterOperationAction(
                    c =>
                    {
                        var creation = (IObjectCreationOperation)c.Operation;
                        if (creation.Constructor?.ContainingType is { } type && weak.TryGetValue(type, out var algorithm))
                        {
                            Report(c, creation, "new " + type.Name, algorithm, mandated);
                        }
                    },
                    OperationKind.ObjectCreation);
            });
        }

        private static bool IsFactoryOrOneShot(string name)
            => name == "Create" || name == "HashData" || name == "HashDataAsync" || name == "TryHashData";

        private static string? WeakAlgorithmName(IOperation value, INamedTypeSymbol hashAlgorithmName)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value is IPropertyReferenceOperation property
                && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, hashAlgorithmName))
            {
                return property.Property.Name == "MD5" ? "MD5" : property.Property.Name == "SHA1" ? "SHA-1" : null;
            }

            return null;
        }

        private static void Report(OperationAnalysisContext context, IOperation operation, string what, string algorithm, StandardMandatedDigest mandated)
        {
            // Only reached once a weak hash was found (rare): the data-flow checks cost nothing on the common path.
            if (IsCacheKeyOrETag(operation) || mandated.IsMandatedUse(operation, algorithm))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rule, operation.Syntax.GetLocation(), what, algorithm));
        }

        /// <summary>The documented heuristic for non-security uses (see docs/rules/SSA5001.md).</summary>
        private static bool IsCacheKeyOrETag(IOperation operation)
        {
            if (SecurityValueNames.IsCacheKeyOrETag(ValueDestination.EnclosingMember(operation)?.Name))
            {
                return true;
            }

            if (Destined(operation))
            {
                return true;
            }

            // using var md5 = MD5.Create(); … var etag = Convert.ToHexString(md5.ComputeHash(data));
            var declarator = operation.Parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation d } => d,
                IConversionOperation { Parent: IVariableInitializerOperation { Parent: IVariableDeclaratorOperation d } } => d,
                _ => null,
            };
            if (declarator != null)
            {
                var body = Root(operation);
                var anyUse = false;
                foreach (var op in body.Descendants())
                {
                    if (op is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, declarator.Symbol)
                        && reference.Parent is IInvocationOperation use && use.Instance == reference)
                    {
                        anyUse = true;
                        if (!Destined(use))
                        {
                            return false;
                        }
                    }
                }

                return anyUse;
            }

            return false;
        }

        private static bool Destined(IOperation operation)
        {
            var names = ValueDestination.Names(operation, out var constructedBy);
            foreach (var name in names)
            {
                if (SecurityValueNames.IsCacheKeyOrETag(name))
                {
                    return true;
                }
            }

            return constructedBy?.Type?.Name == "EntityTagHeaderValue";
        }

        private static IOperation Root(IOperation operation)
        {
            var root = operation;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            return root;
        }
    }
}
