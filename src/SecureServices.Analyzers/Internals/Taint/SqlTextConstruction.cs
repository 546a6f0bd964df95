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

        public static SqlConstruction? Find(IOperation value, TaintKnownTypes types) => Find(value, types, 0);

        private static SqlConstruction? Find(IOperation? value, TaintKnownTypes types, int depth)
        {
            if (value == null || depth > MaxDepth || value.ConstantValue.HasValue)
            {
                return null;
            }

            switch (value)
            {
                case IConversionOperation conversion:
                    return Find(conversion.Operand, types, depth);
                case IParenthesizedOperation parenthesized:
                    return Find(parenthesized.Operand, types, depth);
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts.OfType<IInterpolationOperation>())
                    {
                        if (!IsConstantLike(part.Expression, types, depth))
                        {
                            return new SqlConstruction("interpolation", Describe(part.Expression));
                        }
                    }

                    return null;
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add && binary.Type?.SpecialType == SpecialType.System_String:
                    foreach (var operand in new[] { binary.LeftOperand, binary.RightOperand })
                    {
                        var stripped = Strip(operand);
                        if (stripped is IBinaryOperation or IInterpolatedStringOperation)
                        {
                            if (Find(stripped, types, depth) is { } nested)
                            {
                                return nested;
                            }
                        }
                        else if (!IsConstantLike(stripped, types, depth))
                        {
                            return new SqlConstruction("concatenation", Describe(stripped));
                        }
                    }

                    return null;
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

                            if (!IsConstantLike(stripped, types, depth))
                            {
                                return new SqlConstruction(how, Describe(stripped));
                            }
                        }
                    }

                    return null;
                case ILocalReferenceOperation local when depth < MaxDepth:
                    foreach (var definition in LocalDefinitions(local))
                    {
                        if (Find(definition, types, depth + 1) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        private static bool IsConstantLike(IOperation operation, TaintKnownTypes types, int depth)
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
                    return conditional.WhenFalse != null && IsConstantLike(conditional.WhenTrue, types, depth) && IsConstantLike(conditional.WhenFalse, types, depth);
                case IParameterReferenceOperation parameter when depth < MaxDepth:
                    // A parameter overwritten before the use (column = column == "a" ? "a" : "b";) has only the new values.
                    var overwrites = ParameterOverwrites(parameter).ToList();
                    return overwrites.Count > 0 && overwrites.All(d => IsConstantLike(d, types, depth + 1));
                case IInterpolatedStringOperation or IBinaryOperation:
                    return Find(operation, types, depth) == null;
                case ILocalReferenceOperation local when depth < MaxDepth:
                    var definitions = LocalDefinitions(local).ToList();
                    return definitions.Count > 0 && definitions.All(d => IsConstantLike(d, types, depth + 1));
                default:
                    return false;
            }
        }

        private static System.Collections.Generic.IEnumerable<IOperation> LocalDefinitions(ILocalReferenceOperation reference)
        {
            var root = TaintEvaluator.Root(reference);
            if (root == null)
            {
                yield break;
            }

            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                        if (declarator.Initializer?.Value is { } value)
                        {
                            yield return value;
                        }

                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                        yield return assignment.Value;
                        break;
                }
            }
        }

        private static System.Collections.Generic.IEnumerable<IOperation> ParameterOverwrites(IParameterReferenceOperation reference)
        {
            var root = TaintEvaluator.Root(reference);
            if (root == null)
            {
                yield break;
            }

            foreach (var operation in root.Descendants())
            {
                if (operation is ISimpleAssignmentOperation { Target: IParameterReferenceOperation target, Parent: IExpressionStatementOperation } assignment
                    && SymbolEqualityComparer.Default.Equals(target.Parameter, reference.Parameter)
                    && assignment.Syntax.SpanStart < reference.Syntax.SpanStart)
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
