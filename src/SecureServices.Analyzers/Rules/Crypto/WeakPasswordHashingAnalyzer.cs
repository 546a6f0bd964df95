using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals;

namespace SecureServices.Analyzers.Rules.Crypto
{
    /// <summary>
    /// SSA5005: PBKDF2 through <c>new Rfc2898DeriveBytes(…)</c>, <c>Rfc2898DeriveBytes.Pbkdf2(…)</c> or ASP.NET Core's
    /// <c>KeyDerivation.Pbkdf2(…)</c> with a constant iteration count under the minimum (option
    /// <c>secureservices.min_pbkdf2_iterations</c>, default 100000; the constructors' default is 1000) or with
    /// HMAC-SHA1/MD5 (the constructors' default PRF is SHA-1).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class WeakPasswordHashingAnalyzer : DiagnosticAnalyzer
    {
        internal const int DefaultMinimumIterations = 100_000;
        internal const string MinimumIterationsOption = "min_pbkdf2_iterations";

        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.WeakPasswordHashing);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var rfc2898 = start.Compilation.GetTypeByMetadataName("System.Security.Cryptography.Rfc2898DeriveBytes");
                var keyDerivation = start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Cryptography.KeyDerivation.KeyDerivation");
                if (rfc2898 == null && keyDerivation == null)
                {
                    return;
                }

                if (rfc2898 != null)
                {
                    start.RegisterOperationAction(
                        c =>
                        {
                            var creation = (IObjectCreationOperation)c.Operation;
                            if (SymbolEqualityComparer.Default.Equals(creation.Type, rfc2898))
                            {
                                Check(c, creation, creation.Arguments);
                            }
                        },
                        OperationKind.ObjectCreation);
                }

                start.RegisterOperationAction(
                    c =>
                    {
                        var invocation = (IInvocationOperation)c.Operation;
                        var method = invocation.TargetMethod;
                        if (method.Name == "Pbkdf2" && method.IsStatic
                            && (SymbolEqualityComparer.Default.Equals(method.ContainingType, rfc2898) || SymbolEqualityComparer.Default.Equals(method.ContainingType, keyDerivation)))
                        {
                            Check(c, invocation, invocation.Arguments);
                        }
                    },
                    OperationKind.Invocation);
            });
        }

        private static void Check(OperationAnalysisContext context, IOperation call, ImmutableArray<IArgumentOperation> arguments)
        {
            string? iterationsText = "1000";
            var iterationsLow = true;
            var prf = "SHA1";
            var prfWeak = true;
            var minimum = MinimumIterations(context);
            foreach (var argument in arguments)
            {
                var name = argument.Parameter?.Name;
                var value = argument.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                if (name == "iterations" || name == "iterationCount")
                {
                    if (value.ConstantValue is { HasValue: true, Value: int count })
                    {
                        iterationsText = count.ToString(CultureInfo.InvariantCulture);
                        iterationsLow = count < minimum;
                    }
                    else
                    {
                        iterationsText = value.Syntax.ToString();
                        iterationsLow = false;
                    }
                }
                else if (name == "hashAlgorithm" || name == "prf")
                {
                    prf = AlgorithmName(value) ?? value.Syntax.ToString();
                    prfWeak = prf == "SHA1" || prf == "MD5";
                }
            }

            if (iterationsLow || prfWeak)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Rule, call.Syntax.GetLocation(), iterationsText, prf, minimum.ToString(CultureInfo.InvariantCulture)));
            }
        }

        private static int MinimumIterations(OperationAnalysisContext context)
        {
            var raw = SecureServicesOptions.Get(context.Options, context.Operation.Syntax.SyntaxTree, MinimumIterationsOption);
            return raw != null && int.TryParse(raw.Trim().Replace("_", string.Empty), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : DefaultMinimumIterations;
        }

        /// <summary><c>HashAlgorithmName.SHA256</c>, <c>new HashAlgorithmName("SHA1")</c>, <c>KeyDerivationPrf.HMACSHA1</c> → "SHA256"/"SHA1".</summary>
        private static string? AlgorithmName(IOperation value) => value switch
        {
            IPropertyReferenceOperation p when p.Property.ContainingType?.Name == "HashAlgorithmName" => p.Property.Name,
            IObjectCreationOperation { Arguments.Length: 1 } o when o.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string s } => s.ToUpperInvariant(),
            IFieldReferenceOperation f when f.Field.ContainingType?.Name == "KeyDerivationPrf" && f.Field.Name.StartsWith("HMAC", System.StringComparison.Ordinal) => f.Field.Name.Substring(4),
            _ => null,
        };
    }
}
