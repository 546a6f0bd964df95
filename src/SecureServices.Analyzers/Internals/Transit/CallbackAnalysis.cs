using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SecureServices.Analyzers.Internals.Transit
{
    /// <summary>Does a certificate validation callback accept every certificate?</summary>
    internal static class CallbackAnalysis
    {
        /// <summary>
        /// True when <paramref name="value"/> is a lambda, anonymous method or method group (declared in the same
        /// file) whose every return statement returns the constant <c>true</c>, or a local holding one.
        /// Callbacks that look at the policy errors, pin a thumbprint or build a chain return a computed value
        /// somewhere and are not reported.
        /// </summary>
        public static bool AcceptsEverything(IOperation? value)
        {
            value = TransitValues.FollowLocal(value);
            if (value is IDelegateCreationOperation creation)
            {
                value = TransitValues.Unwrap(creation.Target);
            }

            switch (value)
            {
                case IAnonymousFunctionOperation lambda:
                    return ReturnsTrueOnEveryPath(lambda.Body);
                case IMethodReferenceOperation reference:
                    return MethodReturnsTrue(reference.Method, reference.SemanticModel);
                default:
                    return false;
            }
        }

        private static bool MethodReturnsTrue(IMethodSymbol method, SemanticModel? model)
        {
            if (model == null || method.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }

            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
            if (syntax.SyntaxTree != model.SyntaxTree)
            {
                return false;
            }

            SyntaxNode? body = syntax switch
            {
                MethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody?.Expression,
                LocalFunctionStatementSyntax f => (SyntaxNode?)f.Body ?? f.ExpressionBody?.Expression,
                _ => null,
            };
            if (body == null)
            {
                return false;
            }

            var operation = model.GetOperation(body);
            return operation switch
            {
                IBlockOperation block => ReturnsTrueOnEveryPath(block),
                { } expression => IsTrue(expression),
                _ => false,
            };
        }

        private static bool ReturnsTrueOnEveryPath(IBlockOperation body)
        {
            var sawReturn = false;
            foreach (var operation in Descendants(body))
            {
                if (operation is IReturnOperation ret)
                {
                    if (ret.ReturnedValue == null || !IsTrue(ret.ReturnedValue))
                    {
                        return false;
                    }

                    sawReturn = true;
                }
            }

            return sawReturn;
        }

        private static bool IsTrue(IOperation value)
            => TransitValues.ResolveConstant(value) is { HasValue: true, Value: true };

        /// <summary>Descendants, without entering nested lambdas and local functions (their returns are theirs).</summary>
        private static System.Collections.Generic.IEnumerable<IOperation> Descendants(IOperation root)
        {
            var stack = new System.Collections.Generic.Stack<IOperation>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                foreach (var child in current.ChildOperations)
                {
                    if (child is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        continue;
                    }

                    yield return child;
                    stack.Push(child);
                }
            }
        }
    }

    /// <summary>Code that only runs in development: under <c>#if DEBUG</c>, or guarded by <c>IsDevelopment()</c>.</summary>
    internal static class DevelopmentOnly
    {
        public static bool Contains(IOperation operation)
            => UnderDebugDirective(operation.Syntax) || GuardedByIsDevelopment(operation);

        private static bool UnderDebugDirective(SyntaxNode node)
        {
            var root = node.SyntaxTree.GetRoot();
            if (!root.ContainsDirectives)
            {
                return false;
            }

            // Walk the directives only (GetNextDirective skips subtrees without any), not all trivia.
            for (var next = root.GetFirstDirective(); next != null && next.SpanStart <= node.SpanStart; next = next.GetNextDirective())
            {
                if (next is not IfDirectiveTriviaSyntax directive || !MentionsDebug(directive.Condition))
                {
                    continue;
                }

                // The #if branch runs from the #if to the next #elif/#else/#endif of the same group.
                var related = directive.GetRelatedDirectives();
                var index = related.IndexOf(directive);
                if (index >= 0 && index + 1 < related.Count
                    && directive.Span.End <= node.SpanStart && node.Span.End <= related[index + 1].SpanStart)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool MentionsDebug(ExpressionSyntax condition)
        {
            // Iterative: && chains can be thousands long.
            var pending = new System.Collections.Generic.Stack<ExpressionSyntax>();
            pending.Push(condition);
            while (pending.Count > 0)
            {
                switch (pending.Pop())
                {
                    case IdentifierNameSyntax { Identifier.ValueText: "DEBUG" }:
                        return true;
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression):
                        pending.Push(binary.Right);
                        pending.Push(binary.Left);
                        break;
                    case ParenthesizedExpressionSyntax p:
                        pending.Push(p.Expression);
                        break;
                }
            }

            return false;
        }

        private static bool GuardedByIsDevelopment(IOperation operation)
        {
            var child = operation;
            for (var parent = operation.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when conditional.WhenTrue == child && IsDevelopmentCheck(conditional.Condition):
                        return true;
                    case IConditionalOperation conditional when conditional.WhenFalse == child && IsNotDevelopmentCheck(conditional.Condition):
                        return true;
                }
            }

            return false;
        }

        private static bool IsDevelopmentCheck(IOperation condition)
        {
            // Iterative: && chains can be thousands long.
            var pending = new System.Collections.Generic.Stack<IOperation>();
            pending.Push(condition);
            while (pending.Count > 0)
            {
                switch (TransitValues.Unwrap(pending.Pop()))
                {
                    case IInvocationOperation invocation when invocation.TargetMethod.Name == "IsDevelopment"
                        && invocation.TargetMethod.ContainingNamespace?.ToDisplayString().EndsWith(".Hosting", System.StringComparison.Ordinal) == true:
                        return true;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                        pending.Push(and.RightOperand);
                        pending.Push(and.LeftOperand);
                        break;
                }
            }

            return false;
        }

        private static bool IsNotDevelopmentCheck(IOperation condition)
            => TransitValues.Unwrap(condition) is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not && IsDevelopmentCheck(not.Operand);
    }
}
