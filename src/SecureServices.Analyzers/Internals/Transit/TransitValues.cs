using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SecureServices.Analyzers.Internals.Transit
{
    /// <summary>A string a sink receives, as far as it is known at compile time.</summary>
    internal readonly struct TransitString
    {
        public TransitString(string text, bool isComplete, ExpressionSyntax? literal)
        {
            Text = text;
            IsComplete = isComplete;
            Literal = literal;
        }

        /// <summary>The known text: the whole value, or its known prefix when <see cref="IsComplete"/> is false.</summary>
        public string Text { get; }

        public bool IsComplete { get; }

        /// <summary>The string literal (or interpolated string) that holds the start of the value, where a fix edits; null when unknown.</summary>
        public ExpressionSyntax? Literal { get; }

        public bool HasValue => Text != null;
    }

    /// <summary>
    /// Follows a value to the literals it comes from, within what one method can see: constants (const
    /// fields and locals), locals initialised once and never reassigned, readonly fields initialised with a
    /// literal, string concatenation and interpolation (the text before the first unknown part).
    /// </summary>
    internal static class TransitValues
    {
        private const int MaxDepth = 6;

        public static TransitString ResolveString(IOperation? operation) => ResolveString(operation, 0);

        private static TransitString ResolveString(IOperation? operation, int depth)
        {
            operation = Unwrap(operation);
            if (operation == null || depth > MaxDepth)
            {
                return default;
            }

            var literal = FindLiteral(operation);
            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue.Value is string s ? new TransitString(s, true, literal) : default;
            }

            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return Resolve(LocalInitializer(local), depth);
                case IFieldReferenceOperation field when field.Field.IsReadOnly && FieldInitializer(field.Field) is { } initializer:
                    return new TransitString(initializer.Token.ValueText, true, initializer);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add:
                    var left = ResolveString(add.LeftOperand, depth + 1);
                    if (!left.HasValue)
                    {
                        return default;
                    }

                    if (!left.IsComplete)
                    {
                        return left;
                    }

                    var right = ResolveString(add.RightOperand, depth + 1);
                    return right.HasValue
                        ? new TransitString(left.Text + right.Text, right.IsComplete, left.Literal)
                        : new TransitString(left.Text, false, left.Literal);
                case IInterpolatedStringOperation interpolated:
                    var text = new StringBuilder();
                    var first = interpolated.Syntax as ExpressionSyntax;
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolatedStringTextOperation textPart && textPart.Text.ConstantValue.Value is string chunk)
                        {
                            text.Append(chunk);
                            continue;
                        }

                        if (part is IInterpolationOperation hole)
                        {
                            var value = ResolveString(hole.Expression, depth + 1);
                            if (value.HasValue && value.IsComplete && hole.Alignment == null && hole.FormatString == null)
                            {
                                text.Append(value.Text);
                                continue;
                            }
                        }

                        return new TransitString(text.ToString(), false, first);
                    }

                    return new TransitString(text.ToString(), true, first);
                default:
                    return default;
            }

            TransitString Resolve(IOperation? value, int d)
            {
                if (value == null)
                {
                    return default;
                }

                return ResolveString(value, d + 1);
            }
        }

        /// <summary>The constant behind a value (literal, const, enum member, cast, flags combination), also through a local.</summary>
        public static Optional<object?> ResolveConstant(IOperation? operation, int depth = 0)
        {
            operation = Unwrap(operation);
            if (operation == null || depth > MaxDepth)
            {
                return default;
            }

            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue;
            }

            return operation is ILocalReferenceOperation local && LocalInitializer(local) is { } initializer
                ? ResolveConstant(initializer, depth + 1)
                : default;
        }

        /// <summary>The operation itself, or the initializer of the local it reads (once assigned, never reassigned).</summary>
        public static IOperation? FollowLocal(IOperation? operation)
        {
            operation = Unwrap(operation);
            for (var i = 0; i < MaxDepth && operation is ILocalReferenceOperation local; i++)
            {
                var next = Unwrap(LocalInitializer(local));
                if (next == null)
                {
                    return operation;
                }

                operation = next;
            }

            return operation;
        }

        /// <summary>Strips implicit/explicit conversions and parentheses.</summary>
        public static IOperation? Unwrap(IOperation? operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion when conversion.OperatorMethod == null:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        private static ExpressionSyntax? FindLiteral(IOperation? operation)
        {
            // A loop down the left operands, not recursion: concatenation chains can be thousands long.
            while (operation is IBinaryOperation binary)
            {
                if (FindLiteralHere(binary) is { } found)
                {
                    return found;
                }

                operation = Unwrap(binary.LeftOperand);
            }

            return operation == null ? null : FindLiteralHere(operation);
        }

        private static ExpressionSyntax? FindLiteralHere(IOperation operation)
        {
            switch (operation.Syntax)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return literal;
                case InterpolatedStringExpressionSyntax interpolated:
                    return interpolated;
            }

            if (operation is ILocalReferenceOperation or IFieldReferenceOperation)
            {
                var symbol = operation is ILocalReferenceOperation l ? (ISymbol)l.Local : ((IFieldReferenceOperation)operation).Field;
                var declarator = symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as VariableDeclaratorSyntax;
                if (declarator?.Initializer?.Value is LiteralExpressionSyntax initializer && initializer.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    return initializer;
                }
            }

            return null;
        }

        private static LiteralExpressionSyntax? FieldInitializer(IFieldSymbol field)
        {
            if (field.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            return field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal }
                && literal.IsKind(SyntaxKind.StringLiteralExpression)
                ? literal
                : null;
        }

        /// <summary>The initializer of a local declared in the same method and never assigned again (else null).</summary>
        public static IOperation? LocalInitializer(ILocalReferenceOperation reference)
        {
            var local = reference.Local;
            if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel == null)
            {
                return null;
            }

            if (local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
                || declarator.SyntaxTree != reference.Syntax.SyntaxTree)
            {
                return null;
            }

            // Bail out when the local is written again anywhere in its scope (assignment, ++, out/ref argument).
            var scope = (SyntaxNode?)declarator.FirstAncestorOrSelf<BlockSyntax>() ?? declarator.FirstAncestorOrSelf<CompilationUnitSyntax>();
            if (scope == null)
            {
                return null;
            }

            var name = local.Name;
            foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != name)
                {
                    continue;
                }

                var parent = identifier.Parent;
                if ((parent is AssignmentExpressionSyntax assignment && assignment.Left == identifier)
                    || parent is PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax
                    || (parent is ArgumentSyntax argument && !argument.RefKindKeyword.IsKind(SyntaxKind.None)))
                {
                    return null;
                }
            }

            return reference.SemanticModel.GetOperation(value);
        }
    }
}
