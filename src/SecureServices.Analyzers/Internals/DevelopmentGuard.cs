using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SecureServices.Analyzers.Internals
{
    /// <summary>
    /// Answers "does this code only run in Development?" for every area (Configuration, Transit, Crypto):
    /// inside <c>if (env.IsDevelopment())</c> (any receiver: <c>app.Environment</c>, <c>builder.Environment</c>,
    /// <c>env</c>, a bool local set from it; the method must be the hosting one, from a <c>*.Hosting</c> namespace,
    /// not any method of that name), <c>IsEnvironment("Development")</c> or <c>EnvironmentName == "Development"</c>,
    /// in the else branch of <c>if (!…IsDevelopment())</c>, after <c>if (!…IsDevelopment()) return;</c> in the
    /// same block, on the matching side of <c>?:</c> or <c>&amp;&amp;</c>, or in the active branch of <c>#if DEBUG</c>
    /// (also <c>#if DEBUG &amp;&amp; X</c>, <c>#elif DEBUG</c>, the <c>#else</c> of <c>#if !DEBUG</c>).
    /// Syntax walk first; the semantic model is only asked about candidate conditions.
    /// </summary>
    internal static class DevelopmentGuard
    {
        private enum Condition
        {
            Unknown,
            Development,
            NotDevelopment,
        }

        /// <summary>Operation form (analyzers working on <see cref="IOperation"/>).</summary>
        public static bool IsGuarded(IOperation operation)
            => operation.SemanticModel is { } model && IsGuarded(operation.Syntax, model);

        public static bool IsGuarded(SyntaxNode node, SemanticModel model)
        {
            if (IsInsideDebugDirective(node))
            {
                return true;
            }

            SyntaxNode child = node;
            for (var parent = node.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IfStatementSyntax ifStatement when child == ifStatement.Statement:
                        if (Evaluate(ifStatement.Condition, model, 0) == Condition.Development)
                        {
                            return true;
                        }

                        break;
                    case ElseClauseSyntax elseClause when elseClause.Parent is IfStatementSyntax owner:
                        if (Evaluate(owner.Condition, model, 0) == Condition.NotDevelopment)
                        {
                            return true;
                        }

                        break;
                    case ConditionalExpressionSyntax conditional:
                        var c = child == conditional.WhenTrue ? Evaluate(conditional.Condition, model, 0)
                            : child == conditional.WhenFalse ? Negate(Evaluate(conditional.Condition, model, 0))
                            : Condition.Unknown;
                        if (c == Condition.Development)
                        {
                            return true;
                        }

                        break;
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression) && child == binary.Right:
                        if (Evaluate(binary.Left, model, 0) == Condition.Development)
                        {
                            return true;
                        }

                        break;
                    case BlockSyntax block when child is StatementSyntax statement:
                        if (HasEarlyExitBefore(block.Statements, statement, model))
                        {
                            return true;
                        }

                        break;
                    case SwitchSectionSyntax:
                        break;
                    case BaseTypeDeclarationSyntax:
                    case NamespaceDeclarationSyntax:
                    case FileScopedNamespaceDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        /// <summary><c>if (!env.IsDevelopment()) return;</c> (or throw) earlier in the same block.</summary>
        private static bool HasEarlyExitBefore(SyntaxList<StatementSyntax> statements, StatementSyntax statement, SemanticModel model)
        {
            foreach (var s in statements)
            {
                if (s == statement)
                {
                    return false;
                }

                if (s is IfStatementSyntax { Else: null } earlyIf
                    && ExitsAlways(earlyIf.Statement)
                    && Evaluate(earlyIf.Condition, model, 0) == Condition.NotDevelopment)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ExitsAlways(StatementSyntax statement) => statement switch
        {
            ReturnStatementSyntax or ThrowStatementSyntax => true,
            ExpressionStatementSyntax { Expression: ThrowExpressionSyntax } => true,
            BlockSyntax block => block.Statements.Count > 0 && ExitsAlways(block.Statements[block.Statements.Count - 1]),
            _ => false,
        };

        private static Condition Negate(Condition c) => c switch
        {
            Condition.Development => Condition.NotDevelopment,
            Condition.NotDevelopment => Condition.Development,
            _ => Condition.Unknown,
        };

        private static Condition Evaluate(ExpressionSyntax expression, SemanticModel model, int depth)
        {
            if (depth > 4)
            {
                return Condition.Unknown;
            }

            switch (expression)
            {
                case ParenthesizedExpressionSyntax p:
                    return Evaluate(p.Expression, model, depth + 1);
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.LogicalNotExpression):
                    return Negate(Evaluate(u.Operand, model, depth + 1));
                case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.LogicalAndExpression):
                    // Both sides must hold: one side saying "Development" is enough.
                    return Evaluate(b.Left, model, depth + 1) == Condition.Development || Evaluate(b.Right, model, depth + 1) == Condition.Development
                        ? Condition.Development
                        : Condition.Unknown;
                case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.LogicalOrExpression):
                    // !dev || x is "not development or x": only both sides "not development" says so for sure.
                    return Evaluate(b.Left, model, depth + 1) == Condition.NotDevelopment && Evaluate(b.Right, model, depth + 1) == Condition.NotDevelopment
                        ? Condition.NotDevelopment
                        : Condition.Unknown;
                case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.EqualsExpression) || b.IsKind(SyntaxKind.NotEqualsExpression):
                    var isEnvironmentName = IsDevelopmentName(b.Right, model) ? b.Left : IsDevelopmentName(b.Left, model) ? b.Right : null;
                    if (isEnvironmentName != null && LastName(isEnvironmentName) == "EnvironmentName")
                    {
                        return b.IsKind(SyntaxKind.EqualsExpression) ? Condition.Development : Condition.NotDevelopment;
                    }

                    return Condition.Unknown;
                case InvocationExpressionSyntax invocation:
                    return IsDevelopmentCall(invocation, model) ? Condition.Development : Condition.Unknown;
                case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                    return EvaluateName(expression, model, depth);
                default:
                    return Condition.Unknown;
            }
        }

        /// <summary>A bool local initialised from a development check, or a member named IsDevelopment/IsDev.</summary>
        private static Condition EvaluateName(ExpressionSyntax expression, SemanticModel model, int depth)
        {
            var name = LastName(expression);
            if (name == null)
            {
                return Condition.Unknown;
            }

            var symbol = model.GetSymbolInfo(expression).Symbol;
            if (symbol is ILocalSymbol local)
            {
                foreach (var reference in local.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } init }
                        && init.SyntaxTree == expression.SyntaxTree)
                    {
                        return Evaluate(init, model, depth + 1);
                    }
                }

                return Condition.Unknown;
            }

            if (symbol is IFieldSymbol or IPropertySymbol
                && (string.Equals(name, "IsDevelopment", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "IsDev", StringComparison.OrdinalIgnoreCase)))
            {
                return Condition.Development;
            }

            return Condition.Unknown;
        }

        private static string? LastName(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax id => id.Identifier.ValueText,
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
            ConditionalAccessExpressionSyntax { WhenNotNull: MemberBindingExpressionSyntax b } => b.Name.Identifier.ValueText,
            _ => null,
        };

        /// <summary><c>x.IsDevelopment()</c>, <c>IsDevelopment(x)</c>, <c>x.IsEnvironment("Development")</c>.</summary>
        private static bool IsDevelopmentCall(InvocationExpressionSyntax invocation, SemanticModel model)
        {
            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
                IdentifierNameSyntax id => id.Identifier.ValueText,
                MemberBindingExpressionSyntax b => b.Name.Identifier.ValueText,
                _ => null,
            };
            if (name != "IsDevelopment" && name != "IsEnvironment")
            {
                return false;
            }

            // Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions, Microsoft.AspNetCore.Hosting.HostingEnvironmentExtensions:
            // a user's own Flags.IsDevelopment() says nothing about the host environment.
            if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method || method.ReturnType.SpecialType != SpecialType.System_Boolean
                || method.ContainingNamespace?.ToDisplayString().EndsWith(".Hosting", StringComparison.Ordinal) != true)
            {
                return false;
            }

            if (name == "IsDevelopment")
            {
                return true;
            }

            var args = invocation.ArgumentList.Arguments;
            return args.Count > 0 && IsDevelopmentName(args[args.Count - 1].Expression, model);
        }

        private static bool IsDevelopmentName(ExpressionSyntax expression, SemanticModel model)
        {
            if (expression is LiteralExpressionSyntax literal)
            {
                return string.Equals(literal.Token.ValueText, "Development", StringComparison.OrdinalIgnoreCase);
            }

            if (expression is MemberAccessExpressionSyntax or IdentifierNameSyntax && LastName(expression) == "Development")
            {
                var constant = model.GetConstantValue(expression);
                if (constant.HasValue)
                {
                    return constant.Value is string s && string.Equals(s, "Development", StringComparison.OrdinalIgnoreCase);
                }

                // Environments.Development is static readonly, not const.
                return model.GetSymbolInfo(expression).Symbol is IFieldSymbol { ContainingType.Name: "Environments" or "EnvironmentName" };
            }

            return false;
        }

        /// <summary>Inside an active <c>#if DEBUG</c> region (or the <c>#else</c> of <c>#if !DEBUG</c>).</summary>
        private static bool IsInsideDebugDirective(SyntaxNode node)
        {
            if (node.SyntaxTree.GetRoot() is not CSharpSyntaxNode root || !root.ContainsDirectives)
            {
                return false;
            }

            var position = node.SpanStart;
            var stack = new System.Collections.Generic.List<int>();
            for (var directive = root.GetFirstDirective(); directive != null; directive = directive.GetNextDirective())
            {
                if (directive.SpanStart >= position)
                {
                    break;
                }

                switch (directive)
                {
                    case IfDirectiveTriviaSyntax ifDirective:
                        stack.Add(DebugKind(ifDirective.Condition));
                        break;
                    case ElifDirectiveTriviaSyntax elif when stack.Count > 0:
                        stack[stack.Count - 1] = DebugKind(elif.Condition) == 1 ? 1 : 0;
                        break;
                    case ElseDirectiveTriviaSyntax when stack.Count > 0:
                        stack[stack.Count - 1] = stack[stack.Count - 1] == -1 ? 1 : 0;
                        break;
                    case EndIfDirectiveTriviaSyntax when stack.Count > 0:
                        stack.RemoveAt(stack.Count - 1);
                        break;
                }
            }

            return stack.Contains(1);
        }

        /// <summary>
        /// 1 when the branch only compiles with DEBUG defined (<c>DEBUG</c>, or an <c>&amp;&amp;</c> chain with a
        /// <c>DEBUG</c> conjunct), -1 for <c>!DEBUG</c>, 0 for anything else. Iterative: <c>&amp;&amp;</c> chains can be thousands long.
        /// </summary>
        private static int DebugKind(ExpressionSyntax condition)
        {
            while (condition is ParenthesizedExpressionSyntax p)
            {
                condition = p.Expression;
            }

            if (condition is PrefixUnaryExpressionSyntax u && u.IsKind(SyntaxKind.LogicalNotExpression)
                && StripParentheses(u.Operand) is IdentifierNameSyntax { Identifier.ValueText: "DEBUG" })
            {
                return -1;
            }

            var pending = new System.Collections.Generic.Stack<ExpressionSyntax>();
            pending.Push(condition);
            while (pending.Count > 0)
            {
                switch (StripParentheses(pending.Pop()))
                {
                    case IdentifierNameSyntax { Identifier.ValueText: "DEBUG" }:
                        return 1;
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression):
                        pending.Push(binary.Right);
                        pending.Push(binary.Left);
                        break;
                }
            }

            return 0;
        }

        private static ExpressionSyntax StripParentheses(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax p)
            {
                expression = p.Expression;
            }

            return expression;
        }
    }
}
