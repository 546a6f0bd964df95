using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals;
using SecureServices.Analyzers.Internals.Crypto;

namespace SecureServices.Analyzers.Rules.Crypto
{
    /// <summary>
    /// SSA5007: a <c>System.Random</c> call (<c>Next</c>, <c>NextInt64</c>, <c>NextDouble</c>, <c>NextBytes</c>, <c>GetItems</c>,
    /// <c>GetString</c>…, on an instance or <c>Random.Shared</c>) whose value ends up in a security value: stored in or
    /// returned as something named token/key/salt/nonce/IV/password/secret/OTP/verification code, passed to a
    /// parameter named so, or (for <c>NextBytes</c>) filling a buffer named so or later encoded into one. When the
    /// value has no named destination, a value-returning method named like a security value
    /// (<c>GenerateToken</c>) counts. Values headed for delays, jitter, sampling, shuffles or tests are not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InsecureRandomForSecretAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.InsecureRandomForSecret);

        private static readonly ImmutableHashSet<string> RandomMethods = ImmutableHashSet.Create(
            "Next", "NextInt64", "NextDouble", "NextSingle", "NextBytes", "GetItems", "GetString", "GetHexString");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var random = start.Compilation.GetTypeByMetadataName("System.Random");
                if (random == null)
                {
                    return;
                }

                start.RegisterOperationAction(
                    c =>
                    {
                        var invocation = (IInvocationOperation)c.Operation;
                        var method = invocation.TargetMethod;
                        if (method.IsStatic || !RandomMethods.Contains(method.Name) || !TypeHierarchy.DerivesFrom(method.ContainingType, random))
                        {
                            return;
                        }

                        var name = SecurityValueName(invocation);
                        if (name != null)
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), name));
                        }
                    },
                    OperationKind.Invocation);
            });
        }

        /// <summary>The security-value name the random value reaches, or null.</summary>
        private static string? SecurityValueName(IInvocationOperation invocation)
        {
            var names = ValueDestination.Names(invocation, out _);
            if (invocation.TargetMethod.Name == "NextBytes" && invocation.Arguments.Length == 1)
            {
                // NextBytes(buffer): the buffer's name, and where the buffer's bytes go afterwards.
                var buffer = invocation.Arguments[0].Value;
                while (buffer is IConversionOperation conversion)
                {
                    buffer = conversion.Operand;
                }

                names.Clear();
                var bufferName = ValueDestination.TargetName(buffer);
                if (bufferName != null)
                {
                    names.Add(bufferName);
                }

                if (buffer is ILocalReferenceOperation local)
                {
                    foreach (var op in Root(invocation).Descendants())
                    {
                        if (op is ILocalReferenceOperation use && use != buffer && SymbolEqualityComparer.Default.Equals(use.Local, local.Local))
                        {
                            names.AddRange(ValueDestination.Names(use, out _));
                        }
                    }
                }
            }

            string? security = null;
            foreach (var name in names)
            {
                if (SecurityValueNames.IsExplicitlyNotSecurity(name))
                {
                    return null;
                }

                security ??= SecurityValueNames.IsSecurityValue(name) ? name : null;
            }

            if (security != null)
            {
                return security;
            }

            // No named destination says so: a value-returning GenerateToken()/CreateSalt() producing it counts.
            if (ValueDestination.EnclosingMember(invocation) is { } member
                && (member is not IMethodSymbol m || !m.ReturnsVoid)
                && SecurityValueNames.EndsWithSecurityValue(member.Name))
            {
                foreach (var name in names)
                {
                    // Stored somewhere named for something else (an index, a count): not the produced value.
                    if (!IsNeutralBuffer(name))
                    {
                        return null;
                    }
                }

                return member.Name;
            }

            return null;
        }

        /// <summary>Names that just carry the value towards the result: buffers, chars, indexes into an alphabet, the result.</summary>
        private static bool IsNeutralBuffer(string name)
        {
            switch (name.ToLowerInvariant())
            {
                case "chars":
                case "buffer":
                case "bytes":
                case "data":
                case "result":
                case "value":
                case "values":
                case "sb":
                case "builder":
                case "value0":
                case "digits":
                case "index":
                case "i":
                case "c":
                case "ch":
                case "b":
                case "s":
                case "str":
                case "text":
                case "chunk":
                case "source":
                case "startindex":
                case "maxvalue":
                case "minvalue":
                case "length":
                case "choices":
                    return true;
                default:
                    return false;
            }
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
