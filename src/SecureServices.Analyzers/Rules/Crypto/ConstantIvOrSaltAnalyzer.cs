using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals;

namespace SecureServices.Analyzers.Rules.Crypto
{
    /// <summary>
    /// SSA5006: a value that is the same on every run given as an IV, nonce or salt: assigned to
    /// <c>SymmetricAlgorithm.IV</c>, or passed to a <c>System.Security.Cryptography</c> (or ASP.NET Core
    /// KeyDerivation) parameter named <c>iv</c>/<c>rgbIV</c>/<c>nonce</c>/<c>salt</c> on the encrypting or
    /// deriving side. Constant means: <c>new byte[n]</c> (all zeros), an array of constants, the bytes of a
    /// string literal (<c>Encoding.X.GetBytes("…")</c>, <c>"…"u8</c>, <c>Convert.FromBase64String("…")</c>), a local
    /// initialised so and never filled or reassigned, or a readonly field initialised with constant elements.
    /// Decryption (<c>CreateDecryptor</c>, <c>Decrypt*</c>) and HKDF (whose salt is optional) are not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConstantIvOrSaltAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.ConstantIvOrSalt);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var symmetric = start.Compilation.GetTypeByMetadataName("System.Security.Cryptography.SymmetricAlgorithm");
                if (symmetric == null)
                {
                    return;
                }

                start.RegisterOperationAction(
                    c =>
                    {
                        var argument = (IArgumentOperation)c.Operation;
                        if (argument.Parameter is { } parameter && IsSinkParameter(parameter) && IsConstant(argument.Value, 0))
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, argument.Value.Syntax.GetLocation(), parameter.Name));
                        }
                    },
                    OperationKind.Argument);
                start.RegisterOperationAction(
                    c =>
                    {
                        var assignment = (ISimpleAssignmentOperation)c.Operation;
                        if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "IV" } property }
                            && TypeHierarchy.DerivesFrom(property.ContainingType, symmetric)
                            && IsConstant(assignment.Value, 0))
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Value.Syntax.GetLocation(), "IV"));
                        }
                    },
                    OperationKind.SimpleAssignment);
            });
        }

        private static bool IsSinkParameter(IParameterSymbol parameter)
        {
            var name = parameter.Name;
            if (!(name == "iv" || name == "rgbIV" || name == "nonce" || name == "salt"))
            {
                return false;
            }

            if (parameter.ContainingSymbol is not IMethodSymbol method || method.ContainingType is not { } type)
            {
                return false;
            }

            var ns = type.ContainingNamespace?.ToDisplayString();
            if (ns != "System.Security.Cryptography" && ns != "Microsoft.AspNetCore.Cryptography.KeyDerivation")
            {
                return false;
            }

            return type.Name != "HKDF"
                && !method.Name.StartsWith("Decrypt", StringComparison.Ordinal)
                && !method.Name.StartsWith("TryDecrypt", StringComparison.Ordinal)
                && method.Name != "CreateDecryptor";
        }

        private static bool IsConstant(IOperation value, int depth)
        {
            while (value is IConversionOperation or IParenthesizedOperation)
            {
                value = value is IConversionOperation c ? c.Operand : ((IParenthesizedOperation)value).Operand;
            }

            switch (value)
            {
                case IArrayCreationOperation array:
                    return array.Initializer == null
                        ? array.DimensionSizes.Length == 1 && array.DimensionSizes[0].ConstantValue.HasValue
                        : AllConstant(array.Initializer);
                case IUtf8StringOperation:
                    return true;
                case IInvocationOperation invocation:
                    return IsBytesOfConstant(invocation);
                case ILocalReferenceOperation local when depth == 0:
                    return IsConstantLocal(local);
                case IFieldReferenceOperation field when depth == 0:
                    return IsConstantField(field.Field);
                default:
                    return false;
            }
        }

        private static bool AllConstant(IArrayInitializerOperation initializer)
        {
            foreach (var element in initializer.ElementValues)
            {
                if (!element.ConstantValue.HasValue)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary><c>Encoding.UTF8.GetBytes("…")</c>, <c>"…"u8.ToArray()</c>, <c>Convert.FromBase64String("…")</c>, <c>Convert.FromHexString("…")</c>.</summary>
        private static bool IsBytesOfConstant(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "GetBytes" when method.ContainingType?.ToDisplayString() is "System.Text.Encoding" || method.ContainingType?.BaseType?.ToDisplayString() == "System.Text.Encoding":
                case "FromBase64String" when method.ContainingType?.SpecialType == SpecialType.None && method.ContainingType.Name == "Convert":
                case "FromHexString" when method.ContainingType?.Name == "Convert":
                    return invocation.Arguments.Length == 1 && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string };
                case "ToArray" when invocation.Instance is IUtf8StringOperation:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// A local initialised with a constant value whose every other use is a read by a crypto sink (never
        /// passed elsewhere, e.g. to <c>RandomNumberGenerator.Fill</c>, written, or indexed for writing).
        /// </summary>
        private static bool IsConstantLocal(ILocalReferenceOperation reference)
        {
            var local = reference.Local;
            IOperation root = reference;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            IOperation? initializer = null;
            foreach (var op in root.Descendants())
            {
                switch (op)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        initializer = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                        break;
                    case ILocalReferenceOperation use when SymbolEqualityComparer.Default.Equals(use.Local, local) && !IsReadBySink(use):
                        return false;
                }
            }

            return initializer != null && IsConstant(initializer, 1);
        }

        private static bool IsReadBySink(ILocalReferenceOperation use)
        {
            IOperation value = use;
            while (value.Parent is IConversionOperation or IParenthesizedOperation)
            {
                value = value.Parent;
            }

            return value.Parent switch
            {
                IArgumentOperation { Parameter: { } p } => IsSinkParameter(p) || p.Name == "rgbKey" || p.Name == "key",
                ISimpleAssignmentOperation a => a.Value == value && a.Target is IPropertyReferenceOperation { Property.Name: "IV" },
                IPropertyReferenceOperation { Property.Name: "Length" } => true,
                _ => false,
            };
        }

        /// <summary>A readonly field (or one of a static readonly pair) whose initializer lists constant elements or the bytes of a literal.</summary>
        private static bool IsConstantField(IFieldSymbol field)
        {
            if (!field.IsReadOnly && !field.IsConst)
            {
                return false;
            }

            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value })
                {
                    return IsConstantSyntax(value);
                }
            }

            return false;
        }

        private static bool IsConstantSyntax(ExpressionSyntax value)
        {
            InitializerExpressionSyntax? initializer = value switch
            {
                ArrayCreationExpressionSyntax a => a.Initializer,
                ImplicitArrayCreationExpressionSyntax i => i.Initializer,
                InitializerExpressionSyntax i => i,
                _ => null,
            };
            if (initializer != null)
            {
                foreach (var e in initializer.Expressions)
                {
                    if (!IsLiteral(e))
                    {
                        return false;
                    }
                }

                return initializer.Expressions.Count > 0;
            }

            if (value is CollectionExpressionSyntax collection)
            {
                foreach (var e in collection.Elements)
                {
                    if (e is not ExpressionElementSyntax { Expression: { } x } || !IsLiteral(x))
                    {
                        return false;
                    }
                }

                return collection.Elements.Count > 0;
            }

            if (value is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation)
            {
                var name = member.Name.Identifier.ValueText;
                var args = invocation.ArgumentList.Arguments;
                return (name == "GetBytes" || name == "FromBase64String" || name == "FromHexString")
                        && args.Count == 1 && args[0].Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression }
                    || (name == "ToArray" && member.Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.Utf8StringLiteralExpression });
            }

            return false;
        }

        private static bool IsLiteral(ExpressionSyntax e) => e switch
        {
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } => true,
            CastExpressionSyntax cast => IsLiteral(cast.Expression),
            ParenthesizedExpressionSyntax p => IsLiteral(p.Expression),
            _ => false,
        };

    }
}
