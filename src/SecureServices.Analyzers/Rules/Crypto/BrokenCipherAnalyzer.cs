using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;

namespace SecureServices.Analyzers.Rules.Crypto
{
    /// <summary>
    /// SSA5002: DES, TripleDES and RC2 created through <c>X.Create()</c> or any framework or user class
    /// deriving from them (<c>new DESCryptoServiceProvider()</c>, <c>new TripleDESCng()</c>…).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BrokenCipherAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.BrokenCipher);

        private static readonly ImmutableArray<(string MetadataName, string Algorithm)> BrokenBases = ImmutableArray.Create(
            ("System.Security.Cryptography.DES", "DES"),
            ("System.Security.Cryptography.TripleDES", "TripleDES"),
            ("System.Security.Cryptography.RC2", "RC2"));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var builder = ImmutableArray.CreateBuilder<(INamedTypeSymbol Type, string Algorithm)>();
                foreach (var (name, algorithm) in BrokenBases)
                {
                    if (start.Compilation.GetTypeByMetadataName(name) is { } type)
                    {
                        builder.Add((type, algorithm));
                    }
                }

                if (builder.Count == 0)
                {
                    return;
                }

                var bases = builder.ToImmutable();
                start.RegisterOperationAction(
                    c =>
                    {
                        var invocation = (IInvocationOperation)c.Operation;
                        var method = invocation.TargetMethod;
                        if (method.IsStatic && method.Name == "Create" && Algorithm(method.ContainingType, bases) is { } algorithm)
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), method.ContainingType.Name + ".Create", algorithm));
                        }
                    },
                    OperationKind.Invocation);
                start.RegisterOperationAction(
                    c =>
                    {
                        var creation = (IObjectCreationOperation)c.Operation;
                        if (creation.Type is INamedTypeSymbol type && Algorithm(type, bases) is { } algorithm)
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, creation.Syntax.GetLocation(), "new " + type.Name, algorithm));
                        }
                    },
                    OperationKind.ObjectCreation);
            });
        }

        private static string? Algorithm(INamedTypeSymbol? type, ImmutableArray<(INamedTypeSymbol Type, string Algorithm)> bases)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                foreach (var (baseType, algorithm) in bases)
                {
                    if (SymbolEqualityComparer.Default.Equals(t, baseType))
                    {
                        return algorithm;
                    }
                }
            }

            return null;
        }
    }
}
