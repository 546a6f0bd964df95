using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureServices.Analyzers.Internals.Crypto
{
    /// <summary>
    /// Where does a value end up? Follows a value upwards through conversions, string building, calls made
    /// on it or with it, indexing and conditionals until it is stored (local, field, property, array element)
    /// or returned, collecting the names met on the way: parameters it is passed to, the variable or member
    /// it is stored in, the member that returns it. Bounded: intra-procedural, at most <see cref="MaxSteps"/> steps.
    /// </summary>
    internal static class ValueDestination
    {
        private const int MaxSteps = 16;

        /// <summary>The names the value of <paramref name="operation"/> meets, nearest first.</summary>
        public static List<string> Names(IOperation operation, out IOperation? constructedBy)
        {
            var names = new List<string>(4);
            constructedBy = null;
            var current = operation;
            for (var step = 0; step < MaxSteps && current.Parent is { } parent; step++, current = parent)
            {
                switch (parent)
                {
                    case IArgumentOperation argument:
                        if (argument.Parameter != null)
                        {
                            names.Add(argument.Parameter.Name);
                        }

                        break;
                    case IObjectCreationOperation creation:
                        constructedBy ??= creation;
                        break;
                    case IConversionOperation:
                    case IParenthesizedOperation:
                    case IInvocationOperation:
                    case IBinaryOperation:
                    case IInterpolationOperation:
                    case IInterpolatedStringOperation:
                    case IArrayElementReferenceOperation:
                    case IArrayInitializerOperation:
                    case IArrayCreationOperation:
                    case ICoalesceOperation:
                    case IConditionalOperation:
                    case IPropertyReferenceOperation:
                    case IUnaryOperation:
                    case IAwaitOperation:
                    case IVariableInitializerOperation:
                        break;
                    case IVariableDeclaratorOperation declarator:
                        names.Add(declarator.Symbol.Name);
                        return names;
                    case IAssignmentOperation assignment when assignment.Value == current:
                        var target = TargetName(assignment.Target);
                        if (target != null)
                        {
                            names.Add(target);
                        }

                        return names;
                    case IReturnOperation:
                        var member = ReturningMemberName(parent);
                        if (member != null)
                        {
                            names.Add(member);
                        }

                        return names;
                    default:
                        return names;
                }
            }

            return names;
        }

        /// <summary>The name of what an assignment writes: a local, parameter, field, property, or the array of an element.</summary>
        public static string? TargetName(IOperation target) => target switch
        {
            ILocalReferenceOperation l => l.Local.Name,
            IParameterReferenceOperation p => p.Parameter.Name,
            IFieldReferenceOperation f => f.Field.Name,
            IPropertyReferenceOperation p when p.Property.IsIndexer => p.Instance != null ? TargetName(p.Instance) : null,
            IPropertyReferenceOperation p => p.Property.Name,
            IArrayElementReferenceOperation a => TargetName(a.ArrayReference),
            IConversionOperation c => TargetName(c.Operand),
            _ => null,
        };

        /// <summary>The method, local function or property whose body contains <paramref name="operation"/> (not lambdas).</summary>
        public static ISymbol? EnclosingMember(IOperation operation)
        {
            for (var op = operation; op != null; op = op.Parent)
            {
                if (op is ILocalFunctionOperation localFunction)
                {
                    return localFunction.Symbol;
                }
            }

            var model = operation.SemanticModel;
            var symbol = model?.GetEnclosingSymbol(operation.Syntax.SpanStart);
            while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LambdaMethod })
            {
                symbol = symbol.ContainingSymbol;
            }

            return symbol is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : symbol;
        }

        private static string? ReturningMemberName(IOperation returnOperation) => EnclosingMember(returnOperation)?.Name;
    }
}
