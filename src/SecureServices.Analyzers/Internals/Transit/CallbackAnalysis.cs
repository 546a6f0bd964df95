using System.Linq;
using Microsoft.CodeAnalysis;
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
}
