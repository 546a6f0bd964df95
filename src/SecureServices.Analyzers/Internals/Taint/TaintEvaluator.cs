using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SecureServices.Analyzers.Internals.Taint
{
    /// <summary>
    /// Backward, demand-driven taint tracking from one sink value. Intra-procedural over IOperation, with
    /// reaching definitions approximated on the syntax tree (the last unconditional assignment in an enclosing
    /// block kills earlier ones), plus one bounded inter-procedural step in either direction: the return values
    /// of a helper defined in source, or the call sites (in the same type) of the helper that holds the sink.
    /// Every visit spends from a fixed budget; when it runs out the value is treated as clean (no report).
    /// </summary>
    internal sealed class TaintEvaluator
    {
        public const int DefaultBudget = 3000;

        /// <summary>Deepest recursion allowed (nested ?:, ??, calls…); beyond it the value is treated as clean, like an exhausted budget.</summary>
        private const int MaxNesting = 200;
        private const int MaxCallSites = 8;

        private static readonly ImmutableHashSet<string> LookupMethods = ImmutableHashSet.Create(StringComparer.Ordinal, "TryGetValue", "GetValueOrDefault");
        private static readonly ImmutableHashSet<string> UrlEncoders = ImmutableHashSet.Create(StringComparer.Ordinal, "EscapeDataString", "UrlEncode", "UrlPathEncode", "Encode");

        private readonly TaintKnownTypes types;
        private readonly SinkKind kind;
        private readonly CancellationToken cancellationToken;
        private readonly TaintBlockCache blockCache;
        private readonly Dictionary<(ISymbol, ISymbol), string?> callSiteResults = new Dictionary<(ISymbol, ISymbol), string?>();
        private int budget;
        private int nesting;

        public TaintEvaluator(TaintKnownTypes types, SinkKind kind, int budget, CancellationToken cancellationToken, TaintBlockCache? blockCache = null)
        {
            this.types = types;
            this.kind = kind;
            this.budget = budget;
            this.cancellationToken = cancellationToken;
            this.blockCache = blockCache ?? new TaintBlockCache();
        }

        /// <summary>The description of the untrusted input that reaches <paramref name="value"/>, or null.</summary>
        public string? Evaluate(IOperation value)
        {
            var root = Root(value);
            return root == null ? null : Evaluate(value, new Frame(blockCache.For(root), null, null, 0));
        }

        private string? Evaluate(IOperation? operation, Frame frame)
        {
            if (nesting >= MaxNesting)
            {
                return null;
            }

            nesting++;
            try
            {
                return EvaluateCore(operation, frame);
            }
            finally
            {
                nesting--;
            }
        }

        private string? EvaluateCore(IOperation? operation, Frame frame)
        {
            if (operation == null || --budget < 0)
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (operation.ConstantValue.HasValue || TaintSources.IsCleanType(operation.Type, types))
            {
                return null;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return Evaluate(conversion.Operand, frame);
                case IParenthesizedOperation parenthesized:
                    return Evaluate(parenthesized.Operand, frame);
                case IAwaitOperation awaited:
                    return Source(awaited) ?? Evaluate(awaited.Operation, frame);
                case IInterpolatedStringOperation interpolated:
                    if (FixesTarget(LeadingText(interpolated)))
                    {
                        return null;
                    }

                    return FirstTainted(interpolated.Parts.OfType<IInterpolationOperation>().Select(p => p.Expression), frame);
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add:
                    if (FixesTarget(LeadingText(binary)))
                    {
                        return null;
                    }

                    return EvaluateConcatenation(binary, frame);
                case IConditionalOperation conditional:
                    return Evaluate(conditional.WhenTrue, frame) ?? Evaluate(conditional.WhenFalse, frame);
                case ICoalesceOperation coalesce:
                    return Evaluate(coalesce.Value, frame) ?? Evaluate(coalesce.WhenNull, frame);
                case ISwitchExpressionOperation switchExpression:
                    return FirstTainted(switchExpression.Arms.Select(a => a.Value), frame);
                case IArrayCreationOperation array:
                    return array.Initializer == null ? null : FirstTainted(array.Initializer.ElementValues, frame);
                case IObjectCreationOperation creation:
                    return FirstTainted(creation.Arguments.Select(a => a.Value), frame)
                        ?? (creation.Initializer == null ? null : FirstTainted(creation.Initializer.Initializers, frame));
                case ISimpleAssignmentOperation assignment:
                    return Evaluate(assignment.Value, frame);
                case IInvocationOperation invocation:
                    return EvaluateInvocation(invocation, frame);
                case IPropertyReferenceOperation property:
                    return Source(property) ?? EvaluateMember(property, property.Instance, frame);
                case IFieldReferenceOperation field:
                    // message.Body (a field in RabbitMQ.Client 7), dto.Name as a field; this.field is not tracked.
                    return field.Instance == null ? null : Guarded(field, Evaluate(field.Instance, frame));
                case IConditionalAccessOperation conditionalAccess:
                    return Evaluate(conditionalAccess.WhenNotNull, frame);
                case IConditionalAccessInstanceOperation accessed:
                    // The receiver of ?.: the nearest enclosing conditional access's operand.
                    for (var parent = accessed.Parent; parent != null; parent = parent.Parent)
                    {
                        if (parent is IConditionalAccessOperation owner)
                        {
                            return Evaluate(owner.Operation, frame);
                        }
                    }

                    return null;
                case IArrayElementReferenceOperation element:
                    return Evaluate(element.ArrayReference, frame);
                case ILocalReferenceOperation local:
                    return Guarded(local, EvaluateSymbol(local.Local, local, frame));
                case IParameterReferenceOperation parameter:
                    return Guarded(parameter, EvaluateParameter(parameter, frame));
                default:
                    return null;
            }
        }

        /// <summary>
        /// <c>a + b + c + …</c> is left-deep and can be thousands of operands long: walk the left spine with a loop
        /// (one budget unit per node, as a visit would cost) and evaluate the operands in source order. The spine
        /// shares the chain's leading text, so the target check made at the top holds for every node.
        /// </summary>
        private string? EvaluateConcatenation(IBinaryOperation top, Frame frame)
        {
            var rights = new Stack<IOperation>();
            var node = top;
            while (true)
            {
                rights.Push(node.RightOperand);
                if (node.LeftOperand is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } next
                    && !next.ConstantValue.HasValue && !TaintSources.IsCleanType(next.Type, types))
                {
                    if (--budget < 0)
                    {
                        return null;
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    node = next;
                    continue;
                }

                if (Evaluate(node.LeftOperand, frame) is { } leftmost)
                {
                    return leftmost;
                }

                break;
            }

            while (rights.Count > 0)
            {
                if (Evaluate(rights.Pop(), frame) is { } taint)
                {
                    return taint;
                }
            }

            return null;
        }

        private string? Source(IOperation operation) => TaintSources.DescribeSourceType(operation.Type, types);

        private string? EvaluateMember(IPropertyReferenceOperation property, IOperation? instance, Frame frame)
        {
            if (instance == null)
            {
                return null;
            }

            // Query["id"] keeps the taint of Query; dictionary[input] is a lookup: the key does not taint the value.
            return Guarded(property, Evaluate(instance, frame));
        }

        private string? Guarded(IOperation reference, string? taint)
            => taint != null && TaintGuards.IsGuarded(reference.Syntax, kind) ? null : taint;

        private string? EvaluateInvocation(IInvocationOperation invocation, Frame frame)
        {
            var method = invocation.TargetMethod;
            var source = Source(invocation);
            if (source != null)
            {
                return source;
            }

            if (IsSanitizer(method))
            {
                return null;
            }

            if (LookupMethods.Contains(method.Name) || (method.Name == "get_Item"))
            {
                return invocation.Instance == null ? null : Evaluate(invocation.Instance, frame);
            }

            if (frame.Depth == 0 && IsSourceHelper(method))
            {
                return EvaluateHelperReturns(invocation, method, frame);
            }

            var fromReceiver = Evaluate(invocation.Instance, frame);
            if (fromReceiver != null || !PassesArgumentsThrough(method))
            {
                return fromReceiver;
            }

            return FirstTainted(invocation.Arguments.Where(a => a.Parameter?.RefKind != RefKind.Out && a.Value is not IDelegateCreationOperation).Select(a => a.Value), frame);
        }

        /// <summary>
        /// Framework and serializer methods (string, Path, Uri, Encoding, LINQ, StringValues, Json…) return data built
        /// from their arguments. An application service or repository called with the input (<c>users.Find(name)</c>)
        /// returns its own data: following that would report second-order flows the rule cannot judge.
        /// </summary>
        private static bool PassesArgumentsThrough(IMethodSymbol method)
        {
            var ns = method.ContainingType?.ContainingNamespace;
            while (ns?.ContainingNamespace is { IsGlobalNamespace: false } parent)
            {
                ns = parent;
            }

            var root = ns?.Name;
            if (root == "System")
            {
                return true;
            }

            var full = method.ContainingType?.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            return full.StartsWith("Microsoft.Extensions.Primitives", StringComparison.Ordinal)
                || full.StartsWith("Microsoft.AspNetCore.Http", StringComparison.Ordinal)
                || full.StartsWith("Microsoft.AspNetCore.WebUtilities", StringComparison.Ordinal)
                || full.StartsWith("Newtonsoft.Json", StringComparison.Ordinal);
        }

        private bool IsSanitizer(IMethodSymbol method)
        {
            var type = method.ContainingType;
            switch (kind)
            {
                case SinkKind.Path:
                    return TaintSinks.Is(type, types.Path) && (method.Name == "GetFileName" || method.Name == "GetFileNameWithoutExtension");
                case SinkKind.Regex:
                    return TaintSinks.Is(type, types.Regex) && method.Name == "Escape";
                case SinkKind.Ssrf:
                case SinkKind.Redirect:
                    return UrlEncoders.Contains(method.Name)
                        && (TaintSinks.Is(type, types.Uri) || TaintSinks.Is(type, types.WebUtility) || type?.Name is "HttpUtility" or "UrlEncoder");
                default:
                    return false;
            }
        }

        private static bool IsSourceHelper(IMethodSymbol method)
            => method.MethodKind == MethodKind.Ordinary && !method.IsAbstract && !method.IsExtern
            && method.DeclaringSyntaxReferences.Length == 1;

        /// <summary>One call deep: the helper's return values, with its parameters bound to this call's arguments.</summary>
        private string? EvaluateHelperReturns(IInvocationOperation invocation, IMethodSymbol method, Frame frame)
        {
            var body = BodyOperation(method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken), invocation.SemanticModel?.Compilation);
            if (body == null)
            {
                return null;
            }

            var calleeFrame = new Frame(blockCache.For(body), frame, invocation, frame.Depth + 1);
            foreach (var returned in calleeFrame.Operations.OfType<IReturnOperation>())
            {
                if (Root(returned) != body || InNestedFunction(returned, body))
                {
                    continue;
                }

                if (Evaluate(returned.ReturnedValue, calleeFrame) is { } taint)
                {
                    return taint;
                }
            }

            return null;
        }

        private string? EvaluateParameter(IParameterReferenceOperation reference, Frame frame)
        {
            var parameter = reference.Parameter;
            var assigned = EvaluateSymbol(parameter, reference, frame, out var initialReaches);
            if (assigned != null || !initialReaches)
            {
                return assigned;
            }

            if (frame.CallSite != null && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, frame.CallSite.TargetMethod.OriginalDefinition))
            {
                var argument = frame.CallSite.Arguments.FirstOrDefault(a => a.Parameter != null && a.Parameter.Ordinal == parameter.Ordinal);
                return argument == null || frame.Caller == null ? null : Evaluate(argument.Value, frame.Caller);
            }

            var source = TaintSources.DescribeSourceParameter(parameter, types) ?? Source(reference);
            if (source != null || frame.Depth > 0 || parameter.ContainingSymbol is not IMethodSymbol method || method.MethodKind != MethodKind.Ordinary)
            {
                return source;
            }

            // Every reference to the parameter asks the same question: scan the type's call sites once.
            var key = ((ISymbol)method, (ISymbol)parameter);
            if (!callSiteResults.TryGetValue(key, out var fromCallers))
            {
                callSiteResults[key] = null;
                fromCallers = EvaluateCallSites(method, parameter, reference.SemanticModel);
                callSiteResults[key] = fromCallers;
            }

            return fromCallers;
        }

        /// <summary>One call deep the other way: the helper that holds the sink, called from the same type.</summary>
        private string? EvaluateCallSites(IMethodSymbol method, IParameterSymbol parameter, SemanticModel? model)
        {
            if (model == null || method.ContainingType == null)
            {
                return null;
            }

            var seen = 0;
            foreach (var typeReference in method.ContainingType.DeclaringSyntaxReferences)
            {
                var typeSyntax = typeReference.GetSyntax(cancellationToken);
                var typeModel = typeSyntax.SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(typeSyntax.SyntaxTree);
                foreach (var call in typeSyntax.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    var name = call.Expression switch
                    {
                        IdentifierNameSyntax id => id.Identifier.ValueText,
                        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax } m => m.Name.Identifier.ValueText,
                        _ => null,
                    };
                    if (name != method.Name || ++seen > MaxCallSites || budget <= 0)
                    {
                        continue;
                    }

                    if (typeModel.GetOperation(call, cancellationToken) is not IInvocationOperation invocation
                        || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, method.OriginalDefinition)
                        || Root(invocation) is not { } callerRoot)
                    {
                        continue;
                    }

                    var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter != null && a.Parameter.Ordinal == parameter.Ordinal);
                    if (argument != null && Evaluate(argument.Value, new Frame(blockCache.For(callerRoot), null, null, 1)) is { } taint)
                    {
                        return taint;
                    }
                }
            }

            return null;
        }

        private string? EvaluateSymbol(ILocalSymbol local, IOperation reference, Frame frame)
            => EvaluateSymbol((ISymbol)local, reference, frame, out _);

        /// <summary>
        /// The taint of the definitions of <paramref name="symbol"/> that reach <paramref name="reference"/>.
        /// <paramref name="initialReaches"/> says whether the value on entry (a parameter's argument) can still reach.
        /// </summary>
        private string? EvaluateSymbol(ISymbol symbol, IOperation reference, Frame frame, out bool initialReaches)
        {
            var definitions = Definitions(symbol, frame);
            var position = reference.Syntax.SpanStart;
            var killAt = -1;
            foreach (var definition in definitions)
            {
                if (definition.Position < position && definition.Kills && IsInEnclosingBlock(definition.Statement, reference.Syntax) && definition.Position > killAt)
                {
                    killAt = definition.Position;
                }
            }

            initialReaches = killAt < 0;
            var key = (symbol, killAt);
            if (frame.Cache.TryGetValue(key, out var cached))
            {
                return cached;
            }

            frame.Cache[key] = null;
            string? result = null;
            foreach (var definition in definitions)
            {
                if (definition.Position < killAt || (definition.Position >= position && !IsInLoopAround(definition.Statement, reference.Syntax)))
                {
                    continue;
                }

                result = definition.OutArgument is { } outArgument && definition.Value is IInvocationOperation call
                    ? EvaluateOutValue(call, outArgument, frame)
                    : Evaluate(definition.Value, frame);
                if (result != null)
                {
                    break;
                }
            }

            frame.Cache[key] = result;
            return result;
        }

        private static IReadOnlyList<Definition> Definitions(ISymbol symbol, Frame frame) => frame.Index.Definitions(symbol);

        /// <summary>
        /// The definitions of every local and parameter under a root, in one pass (tree order per symbol): the value
        /// of a declarator or assignment, the call behind an out/ref argument, a foreach collection, an is-pattern's
        /// value, and the arguments of a mutating call on the symbol (StringBuilder.Append(x), list.Add(x)).
        /// </summary>
        internal static Dictionary<ISymbol, List<Definition>> IndexDefinitions(IOperation[] operations)
        {
            var map = new Dictionary<ISymbol, List<Definition>>(SymbolEqualityComparer.Default);
            void Add(ISymbol? symbol, Definition definition)
            {
                if (symbol == null)
                {
                    return;
                }

                if (!map.TryGetValue(symbol, out var list))
                {
                    list = new List<Definition>();
                    map[symbol] = list;
                }

                list.Add(definition);
            }

            foreach (var operation in operations)
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator:
                        var initializer = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                        if (initializer != null)
                        {
                            Add(declarator.Symbol, new Definition(initializer, declarator.Syntax, kills: true));
                        }

                        break;
                    case IAssignmentOperation assignment:
                        Add(ReferencedSymbol(assignment.Target), new Definition(assignment.Value, assignment.Syntax, kills: assignment is ISimpleAssignmentOperation && assignment.Parent is IExpressionStatementOperation));
                        break;
                    case IArgumentOperation argument when argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref && argument.Parent is IInvocationOperation call:
                        Add(ReferencedSymbol(argument.Value), new Definition(call, argument.Syntax, kills: false, outArgument: argument));
                        break;
                    case IForEachLoopOperation loop:
                        foreach (var local in loop.Locals.Distinct<ISymbol>(SymbolEqualityComparer.Default))
                        {
                            Add(local, new Definition(loop.Collection, loop.Syntax, kills: false));
                        }

                        break;
                    case IDeclarationPatternOperation pattern when pattern.Parent is IIsPatternOperation isPattern:
                        Add(pattern.DeclaredSymbol, new Definition(isPattern.Value, pattern.Syntax, kills: false));
                        break;
                    case IInvocationOperation mutation when mutation.Instance != null && ReferencedSymbol(mutation.Instance) is { } receiver && IsMutator(mutation):
                        // StringBuilder.Append(x), list.Add(x): the receiver now holds x.
                        foreach (var argument in mutation.Arguments)
                        {
                            Add(receiver, new Definition(argument.Value, mutation.Syntax, kills: false));
                        }

                        break;
                }
            }

            return map;
        }

        private static ISymbol? ReferencedSymbol(IOperation operation) => operation switch
        {
            ILocalReferenceOperation l => l.Local,
            IParameterReferenceOperation p => p.Parameter,
            _ => null,
        };

        /// <summary>query.TryGetValue("q", out var v): v carries the receiver's taint; int.TryParse(s, out var n): n is clean by type.</summary>
        private string? EvaluateOutValue(IInvocationOperation call, IArgumentOperation outArgument, Frame frame)
            => LookupMethods.Contains(call.TargetMethod.Name)
                ? Evaluate(call.Instance, frame)
                : Evaluate(call.Instance, frame) ?? FirstTainted(call.Arguments.Where(a => a != outArgument).Select(a => a.Value), frame);

        private static bool IsMutator(IInvocationOperation invocation)
            => invocation.TargetMethod.ReturnsVoid
            || SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ReturnType, invocation.Instance?.Type);

        /// <summary>The definition's statement sits directly in a block (or switch section) that also encloses the use.</summary>
        private static bool IsInEnclosingBlock(SyntaxNode definition, SyntaxNode use)
        {
            var statement = definition.FirstAncestorOrSelf<StatementSyntax>();
            var container = statement?.Parent;
            return container is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax && container.Span.Contains(use.Span)
                || (statement?.Parent is GlobalStatementSyntax && use.FirstAncestorOrSelf<GlobalStatementSyntax>() != null);
        }

        private static bool IsInLoopAround(SyntaxNode definition, SyntaxNode use)
        {
            foreach (var ancestor in use.Ancestors())
            {
                if (ancestor is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax)
                {
                    return ancestor.Span.Contains(definition.Span);
                }

                if (ancestor is MemberDeclarationSyntax)
                {
                    return false;
                }
            }

            return false;
        }

        private string? FirstTainted(IEnumerable<IOperation> operations, Frame frame)
        {
            foreach (var operation in operations)
            {
                if (Evaluate(operation, frame) is { } taint)
                {
                    return taint;
                }
            }

            return null;
        }

        /// <summary>
        /// For SSRF and open redirect: a constant prefix that fixes where the request goes — an absolute URI whose
        /// authority ends in '/', '?' or '#', or a local path "/x" (not "//" or "/\") — makes the rest harmless.
        /// </summary>
        private bool FixesTarget(string? leading)
        {
            if (leading == null || (kind != SinkKind.Ssrf && kind != SinkKind.Redirect))
            {
                return false;
            }

            if (leading.Length >= 2 && leading[0] == '/' && leading[1] != '/' && leading[1] != '\\')
            {
                return true;
            }

            var scheme = leading.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0)
            {
                return false;
            }

            for (var i = scheme + 3; i < leading.Length; i++)
            {
                if (leading[i] is '/' or '?' or '#')
                {
                    return i > scheme + 3;
                }
            }

            return false;
        }

        private static string? LeadingText(IOperation operation)
        {
            // A loop, not recursion: concatenation chains are left-deep and can be thousands long.
            while (true)
            {
                switch (operation)
                {
                    case IInterpolatedStringOperation interpolated:
                        return interpolated.Parts.FirstOrDefault() is IInterpolatedStringTextOperation text ? text.Text.ConstantValue.Value as string : null;
                    case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add:
                        if (binary.LeftOperand.ConstantValue.HasValue)
                        {
                            return binary.LeftOperand.ConstantValue.Value as string;
                        }

                        operation = binary.LeftOperand;
                        break;
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    default:
                        return operation.ConstantValue.HasValue ? operation.ConstantValue.Value as string : null;
                }
            }
        }

        /// <summary>The outermost operation (the method body, or the whole top-level program) containing <paramref name="operation"/>.</summary>
        internal static IOperation? Root(IOperation operation)
        {
            var current = operation;
            while (current.Parent != null)
            {
                current = current.Parent;
            }

            return current;
        }

        private static bool InNestedFunction(IOperation operation, IOperation body)
        {
            for (var current = operation.Parent; current != null && current != body; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private IOperation? BodyOperation(SyntaxNode declaration, Compilation? compilation)
        {
            if (compilation == null || declaration is not BaseMethodDeclarationSyntax method || (method.Body == null && method.ExpressionBody == null))
            {
                return null;
            }

            var model = compilation.GetSemanticModel(declaration.SyntaxTree);
            return model.GetOperation(declaration, cancellationToken);
        }

        internal readonly struct Definition
        {
            public Definition(IOperation value, SyntaxNode statement, bool kills, IArgumentOperation? outArgument = null)
            {
                OutArgument = outArgument;
                Value = value;
                Statement = statement;
                Kills = kills;
                Position = statement.SpanStart;
            }

            public IOperation Value { get; }

            /// <summary>When set, the definition is the value this out/ref argument receives from the call in <see cref="Value"/>.</summary>
            public IArgumentOperation? OutArgument { get; }

            public SyntaxNode Statement { get; }

            public bool Kills { get; }

            public int Position { get; }
        }

        private sealed class Frame
        {
            public Frame(TaintBlockCache.RootIndex index, Frame? caller, IInvocationOperation? callSite, int depth)
            {
                Index = index;
                Caller = caller;
                CallSite = callSite;
                Depth = depth;
            }

            public TaintBlockCache.RootIndex Index { get; }

            public IOperation RootOperation => Index.Root;

            public Frame? Caller { get; }

            public IInvocationOperation? CallSite { get; }

            public int Depth { get; }

            public IOperation[] Operations => Index.Operations;

            public Dictionary<(ISymbol, int), string?> Cache { get; } = new Dictionary<(ISymbol, int), string?>();
        }
    }
}
