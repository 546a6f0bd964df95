using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;

namespace SecureServices.Analyzers.Rules.Secrets
{
    /// <summary>
    /// SSA1005: key material built from constants reaching a key sink: a <c>key</c>/<c>rgbKey</c> parameter of a
    /// System.Security.Cryptography API or of <c>SymmetricSecurityKey</c> (JWT signing), or the <c>Key</c> property of a
    /// symmetric algorithm or keyed hash. Constant-built means <c>Encoding.*.GetBytes(const)</c>,
    /// <c>Convert.FromBase64String(const)</c>/<c>FromHexString(const)</c>, a UTF-8 literal (optionally <c>.ToArray()</c>),
    /// or an array / collection expression of constants — directly or through a local or field initialised that way.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardCodedCryptographicKeyAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.HardCodedCryptographicKey);

        private const int MinimumKeyBytes = 8;

        private static readonly ImmutableHashSet<string> KeyParameterNames = ImmutableHashSet.Create("key", "rgbKey", "keyBytes", "secretKey");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var types = new KnownTypes(start.Compilation);
                if (types.Encoding == null || types.Convert == null)
                {
                    return;
                }

                start.RegisterOperationAction(c => AnalyzeArgument(c, types), OperationKind.Argument);
                start.RegisterOperationAction(c => AnalyzeAssignment(c, types), OperationKind.SimpleAssignment);
            });
        }

        private static void AnalyzeArgument(OperationAnalysisContext context, KnownTypes types)
        {
            var argument = (IArgumentOperation)context.Operation;
            var parameter = argument.Parameter;
            if (parameter == null || !KeyParameterNames.Contains(parameter.Name) || argument.Syntax is not ArgumentSyntax syntax
                || !types.IsKeySink(parameter.ContainingSymbol.ContainingType))
            {
                return;
            }

            if (IsConstantBuilt(syntax.Expression, context.Operation.SemanticModel!, types, depth: 0, context.CancellationToken))
            {
                var sink = parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ctor
                    ? ctor.ContainingType.Name
                    : parameter.ContainingSymbol.ContainingType.Name + "." + parameter.ContainingSymbol.Name;
                Report(context, syntax.Expression, sink);
            }
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context, KnownTypes types)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "Key" } property }
                || !(types.Derives(property.ContainingType, types.SymmetricAlgorithm) || types.Derives(property.ContainingType, types.KeyedHashAlgorithm))
                || assignment.Syntax is not AssignmentExpressionSyntax syntax)
            {
                return;
            }

            if (IsConstantBuilt(syntax.Right, context.Operation.SemanticModel!, types, depth: 0, context.CancellationToken))
            {
                Report(context, syntax.Right, property.ContainingType.Name + ".Key");
            }
        }

        private static void Report(OperationAnalysisContext context, ExpressionSyntax value, string sink)
        {
            if (SecretSyntax.TryCreate(Rule, value.GetLocation(), context.Options, value.SyntaxTree, out var diagnostic, sink))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        private static bool IsConstantBuilt(ExpressionSyntax expression, SemanticModel model, KnownTypes types, int depth, CancellationToken cancellationToken)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return IsConstantBuilt(parenthesized.Expression, model, types, depth, cancellationToken);
                case LiteralExpressionSyntax literal:
                    return literal.IsKind(SyntaxKind.Utf8StringLiteralExpression) && literal.Token.ValueText.Length > 0;
                case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                    return AllConstant(initializer.Expressions, model, cancellationToken);
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    return AllConstant(implicitArray.Initializer.Expressions, model, cancellationToken);
                case CollectionExpressionSyntax collection:
                    if (collection.Elements.Count < MinimumKeyBytes)
                    {
                        return false;
                    }

                    foreach (var element in collection.Elements)
                    {
                        if (element is not ExpressionElementSyntax e || !model.GetConstantValue(e.Expression, cancellationToken).HasValue)
                        {
                            return false;
                        }
                    }

                    return true;
                case InvocationExpressionSyntax invocation:
                    return IsConstantBuiltInvocation(invocation, model, types, depth, cancellationToken);
                case IdentifierNameSyntax or MemberAccessExpressionSyntax when depth < 2:
                    return IsInitialisedWithConstantKey(expression, model, types, depth, cancellationToken);
                default:
                    return false;
            }
        }

        private static bool IsConstantBuiltInvocation(InvocationExpressionSyntax invocation, SemanticModel model, KnownTypes types, int depth, CancellationToken cancellationToken)
        {
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return false;
            }

            var arguments = invocation.ArgumentList.Arguments;

            // "…"u8.ToArray()
            if (method.Name == "ToArray" && arguments.Count == 0 && invocation.Expression is MemberAccessExpressionSyntax member)
            {
                return IsConstantBuilt(member.Expression, model, types, depth, cancellationToken);
            }

            if (arguments.Count != 1 || !IsConstantString(arguments[0].Expression, model, cancellationToken))
            {
                return false;
            }

            return (method.Name == "GetBytes" && types.Derives(method.ContainingType, types.Encoding))
                || ((method.Name == "FromBase64String" || method.Name == "FromHexString") && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Convert));
        }

        private static bool IsConstantString(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
            => model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string value } && value.Length > 0;

        private static bool AllConstant(SeparatedSyntaxList<ExpressionSyntax> expressions, SemanticModel model, CancellationToken cancellationToken)
        {
            // Fewer than 8 bytes is not key material (and "new byte[] { 0 }" is a test, not a key).
            if (expressions.Count < MinimumKeyBytes)
            {
                return false;
            }

            foreach (var expression in expressions)
            {
                if (!model.GetConstantValue(expression, cancellationToken).HasValue)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A local or field whose single declaration initialises it with constant-built key material.</summary>
        private static bool IsInitialisedWithConstantKey(ExpressionSyntax reference, SemanticModel model, KnownTypes types, int depth, CancellationToken cancellationToken)
        {
            var symbol = model.GetSymbolInfo(reference, cancellationToken).Symbol;
            if (!(symbol is ILocalSymbol || (symbol is IFieldSymbol field && (field.IsReadOnly || field.IsConst))) || symbol.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }

            var declaration = symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (declaration is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } || declaration.SyntaxTree != reference.SyntaxTree)
            {
                return false;
            }

            return IsConstantBuilt(initializer, model, types, depth + 1, cancellationToken);
        }

        private sealed class KnownTypes
        {
            public KnownTypes(Compilation compilation)
            {
                Encoding = compilation.GetTypeByMetadataName("System.Text.Encoding");
                Convert = compilation.GetTypeByMetadataName("System.Convert");
                SymmetricAlgorithm = compilation.GetTypeByMetadataName("System.Security.Cryptography.SymmetricAlgorithm");
                KeyedHashAlgorithm = compilation.GetTypeByMetadataName("System.Security.Cryptography.KeyedHashAlgorithm");
                SymmetricSecurityKey = compilation.GetTypeByMetadataName("Microsoft.IdentityModel.Tokens.SymmetricSecurityKey");
            }

            public INamedTypeSymbol? Encoding { get; }

            public INamedTypeSymbol? Convert { get; }

            public INamedTypeSymbol? SymmetricAlgorithm { get; }

            public INamedTypeSymbol? KeyedHashAlgorithm { get; }

            public INamedTypeSymbol? SymmetricSecurityKey { get; }

            /// <summary>SymmetricSecurityKey, or a type of System.Security.Cryptography (HMACSHA256, AesGcm, HMACSHA256.HashData…).</summary>
            public bool IsKeySink(INamedTypeSymbol? type)
            {
                if (type == null)
                {
                    return false;
                }

                if (SymbolEqualityComparer.Default.Equals(type, SymmetricSecurityKey))
                {
                    return true;
                }

                var ns = type.ContainingNamespace?.ToDisplayString();
                return ns == "System.Security.Cryptography";
            }

            public bool Derives(INamedTypeSymbol? type, INamedTypeSymbol? baseType)
            {
                if (baseType == null)
                {
                    return false;
                }

                for (var t = type; t != null; t = t.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(t, baseType))
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
