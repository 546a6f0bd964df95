using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SecureServices.Analyzers.Internals.Taint
{
    /// <summary>How a SQL text was built from a non-constant value (SSA4010), found without any source.</summary>
    internal readonly struct SqlConstruction
    {
        public SqlConstruction(string how, string part)
        {
            How = how;
            Part = part;
        }

        public string How { get; }

        public string Part { get; }
    }

    /// <summary>
    /// Looks at the SQL text expression (and, one step back, the locals it reads) for concatenation,
    /// interpolation or string.Format with a part that is neither a constant, a constant-initialised
    /// readonly field, a local holding only constants, nor a number/Guid/enum/bool.
    /// </summary>
    internal static class SqlTextConstruction
    {
        private const int MaxDepth = 3;

        private const int MaxConcatenationParts = 512;

        public static SqlConstruction? Find(IOperation value, TaintKnownTypes types, TaintBlockCache? cache = null) => Find(value, types, cache ?? new TaintBlockCache(), 0);

        private static SqlConstruction? Find(IOperation? value, TaintKnownTypes types, TaintBlockCache cache, int depth)
        {
            if (value == null || depth > MaxDepth || value.ConstantValue.HasValue)
            {
                return null;
            }

            switch (value)
            {
                case IConversionOperation conversion:
                    return Find(conversion.Operand, types, cache, depth);
                case IParenthesizedOperation parenthesized:
                    return Find(parenthesized.Operand, types, cache, depth);
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts.OfType<IInterpolationOperation>())
                    {
                        if (!IsConstantLike(part.Expression, types, cache, depth))
                        {
                            return new SqlConstruction("interpolation", Describe(part.Expression));
                        }
                    }

                    return null;
                case IBinaryOperation binary when IsStringConcatenation(binary):
                    return FindInConcatenation(binary, types, cache, depth);
                case IInvocationOperation invocation when invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String
                    && (invocation.TargetMethod.Name == "Format" || invocation.TargetMethod.Name == "Concat"):
                    var how = invocation.TargetMethod.Name == "Format" ? "string.Format" : "concatenation";
                    foreach (var argument in invocation.Arguments)
                    {
                        foreach (var item in argument.Value is IArrayCreationOperation { Initializer: { } init } ? init.ElementValues : new[] { argument.Value }.ToImmutableArrayLike())
                        {
                            var stripped = Strip(item);
                            if (stripped.Type?.Name == "IFormatProvider")
                            {
                                continue;
                            }

                            if (!IsConstantLike(stripped, types, cache, depth))
                            {
                                return new SqlConstruction(how, Describe(stripped));
                            }
                        }
                    }

                    return null;
                case ILocalReferenceOperation local when depth < MaxDepth:
                    foreach (var definition in LocalDefinitions(local, cache))
                    {
                        if (Find(definition, types, cache, depth + 1) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        private static bool IsStringConcatenation(IBinaryOperation binary)
            => binary.OperatorKind == BinaryOperatorKind.Add && binary.Type?.SpecialType == SpecialType.System_String;

        /// <summary>
        /// Walks a chain of string concatenations with an explicit stack: generated or hostile code can chain
        /// thousands of <c>+</c>, and recursion would overflow the stack. Past the budget the chain is not judged.
        /// </summary>
        private static SqlConstruction? FindInConcatenation(IBinaryOperation root, TaintKnownTypes types, TaintBlockCache cache, int depth)
        {
            var pending = new System.Collections.Generic.Stack<IOperation>();
            pending.Push(root.RightOperand);
            pending.Push(root.LeftOperand);
            var budget = MaxConcatenationParts;
            while (pending.Count > 0)
            {
                if (--budget < 0)
                {
                    return null;
                }

                var operand = Strip(pending.Pop());
                if (operand is IBinaryOperation nested && IsStringConcatenation(nested))
                {
                    pending.Push(nested.RightOperand);
                    pending.Push(nested.LeftOperand);
                }
                else if (operand is IBinaryOperation or IInterpolatedStringOperation)
                {
                    if (Find(operand, types, cache, depth) is { } found)
                    {
                        return found;
                    }
                }
                else if (!IsConstantLike(operand, types, cache, depth))
                {
                    return new SqlConstruction("concatenation", Describe(operand));
                }
            }

            return null;
        }

        private static bool IsConstantLike(IOperation operation, TaintKnownTypes types, TaintBlockCache cache, int depth)
        {
            operation = Strip(operation);
            if (operation.ConstantValue.HasValue || TaintSources.IsCleanType(operation.Type, types) || operation is INameOfOperation)
            {
                return true;
            }

            if (operation is ILocalReferenceOperation or IParameterReferenceOperation or IPropertyReferenceOperation or IFieldReferenceOperation
                && TaintGuards.IsGuarded(operation.Syntax, SinkKind.Sql))
            {
                // Checked against an allow-list, parsed with TryParse, matched by a constant case: as good as a constant.
                return true;
            }

            switch (operation)
            {
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: IFieldReferenceOperation table } when table.Field.IsReadOnly:
                    // Columns[input] on a readonly lookup table yields one of the table's own values.
                    return true;
                case IFieldReferenceOperation field:
                    // static readonly string Table = "Orders"; is as constant as a const.
                    return field.Field.IsReadOnly && field.Field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax
                    {
                        Initializer.Value: LiteralExpressionSyntax
                    };
                case IConditionalOperation conditional:
                    // a ? "x" : b ? "y" : … chains through WhenFalse: a loop, not recursion.
                    while (true)
                    {
                        if (conditional.WhenFalse == null || !IsConstantLike(conditional.WhenTrue, types, cache, depth))
                        {
                            return false;
                        }

                        var whenFalse = Strip(conditional.WhenFalse);
                        if (whenFalse is not IConditionalOperation next || whenFalse.ConstantValue.HasValue || TaintSources.IsCleanType(whenFalse.Type, types))
                        {
                            return IsConstantLike(whenFalse, types, cache, depth);
                        }

                        conditional = next;
                    }
                case IParameterReferenceOperation parameter when depth < MaxDepth:
                    // A parameter overwritten before the use (column = column == "a" ? "a" : "b";) has only the new values.
                    var overwrites = ParameterOverwrites(parameter, cache).ToList();
                    return overwrites.Count > 0 && overwrites.All(d => IsConstantLike(d, types, cache, depth + 1));
                case IInterpolatedStringOperation or IBinaryOperation:
                    return Find(operation, types, cache, depth) == null;
                case ILocalReferenceOperation local when depth < MaxDepth:
                    var definitions = LocalDefinitions(local, cache).ToList();
                    return definitions.Count > 0 && definitions.All(d => IsConstantLike(d, types, cache, depth + 1));
                default:
                    return false;
            }
        }

        private static System.Collections.Generic.IEnumerable<IOperation> LocalDefinitions(ILocalReferenceOperation reference, TaintBlockCache cache)
        {
            var root = TaintEvaluator.Root(reference);
            return root == null ? System.Array.Empty<IOperation>() : cache.For(root).LocalValues(reference.Local);
        }

        private static System.Collections.Generic.IEnumerable<IOperation> ParameterOverwrites(IParameterReferenceOperation reference, TaintBlockCache cache)
        {
            var root = TaintEvaluator.Root(reference);
            if (root == null)
            {
                yield break;
            }

            foreach (var assignment in cache.For(root).ParameterOverwrites(reference.Parameter))
            {
                if (assignment.Syntax.SpanStart < reference.Syntax.SpanStart)
                {
                    yield return assignment.Value;
                }
            }
        }

        private static IOperation Strip(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
            {
                operation = operation is IConversionOperation c ? c.Operand : ((IParenthesizedOperation)operation).Operand;
            }

            return operation;
        }

        private static string Describe(IOperation operation)
        {
            var text = operation.Syntax.ToString();
            return text.Length <= 40 ? text : text.Substring(0, 37) + "...";
        }

        private static System.Collections.Immutable.ImmutableArray<IOperation> ToImmutableArrayLike(this IOperation[] items)
            => System.Collections.Immutable.ImmutableArray.Create(items);
    }
}
