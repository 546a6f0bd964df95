using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureServices.Analyzers.Internals.Taint
{
    /// <summary>
    /// Per-method facts shared by every sink of one operation block: the flattened operation tree of a root
    /// and, in one pass over it, the definitions of every local and parameter. Without it each sink re-walked
    /// the whole method, which is quadratic in a method with thousands of sinks (a minimal-API <c>Map</c> method).
    /// One instance lives for one OperationBlockStart; it is thread-safe because actions may run concurrently.
    /// </summary>
    internal sealed class TaintBlockCache
    {
        private static readonly System.Func<IOperation, RootIndex> CreateIndex = r => new RootIndex(r);

        // Created on the first sink of the block: most methods have none and never pay for the dictionary.
        private ConcurrentDictionary<IOperation, RootIndex>? roots;

        public RootIndex For(IOperation root)
        {
            var map = roots;
            if (map == null)
            {
                System.Threading.Interlocked.CompareExchange(ref roots, new ConcurrentDictionary<IOperation, RootIndex>(), null);
                map = roots!;
            }

            return map.GetOrAdd(root, CreateIndex);
        }

        internal sealed class RootIndex
        {
            private readonly object gate = new object();
            private IOperation[]? operations;
            private Dictionary<ISymbol, List<TaintEvaluator.Definition>>? definitions;
            private Dictionary<ISymbol, List<IOperation>>? localValues;
            private Dictionary<ISymbol, List<ISimpleAssignmentOperation>>? parameterOverwrites;

            public RootIndex(IOperation root) => Root = root;

            public IOperation Root { get; }

            public IOperation[] Operations
            {
                get
                {
                    lock (gate)
                    {
                        return operations ??= Root.DescendantsAndSelf().ToArray();
                    }
                }
            }

            /// <summary>The taint engine's definitions (see TaintEvaluator.Definitions) of <paramref name="symbol"/>, in tree order.</summary>
            public IReadOnlyList<TaintEvaluator.Definition> Definitions(ISymbol symbol)
            {
                var all = Operations;
                lock (gate)
                {
                    definitions ??= TaintEvaluator.IndexDefinitions(all);
                    return definitions.TryGetValue(symbol, out var list) ? list : System.Array.Empty<TaintEvaluator.Definition>();
                }
            }

            /// <summary>Declarator initializers and assignments of a local (SqlTextConstruction), in tree order.</summary>
            public IReadOnlyList<IOperation> LocalValues(ISymbol local)
            {
                var all = Operations;
                lock (gate)
                {
                    if (localValues == null)
                    {
                        localValues = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
                        foreach (var operation in all)
                        {
                            switch (operation)
                            {
                                case IVariableDeclaratorOperation declarator when declarator.Initializer?.Value is { } value:
                                    Add(localValues, declarator.Symbol, value);
                                    break;
                                case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                                    Add(localValues, target.Local, assignment.Value);
                                    break;
                            }
                        }
                    }

                    return localValues.TryGetValue(local, out var list) ? list : System.Array.Empty<IOperation>();
                }
            }

            /// <summary>Statement-level simple assignments to a parameter, in tree order.</summary>
            public IReadOnlyList<ISimpleAssignmentOperation> ParameterOverwrites(ISymbol parameter)
            {
                var all = Operations;
                lock (gate)
                {
                    if (parameterOverwrites == null)
                    {
                        parameterOverwrites = new Dictionary<ISymbol, List<ISimpleAssignmentOperation>>(SymbolEqualityComparer.Default);
                        foreach (var operation in all)
                        {
                            if (operation is ISimpleAssignmentOperation { Target: IParameterReferenceOperation target, Parent: IExpressionStatementOperation } assignment)
                            {
                                Add(parameterOverwrites, target.Parameter, assignment);
                            }
                        }
                    }

                    return parameterOverwrites.TryGetValue(parameter, out var list) ? list : System.Array.Empty<ISimpleAssignmentOperation>();
                }
            }

            private static void Add<T>(Dictionary<ISymbol, List<T>> map, ISymbol symbol, T value)
            {
                if (!map.TryGetValue(symbol, out var list))
                {
                    list = new List<T>();
                    map[symbol] = list;
                }

                list.Add(value);
            }
        }
    }
}
