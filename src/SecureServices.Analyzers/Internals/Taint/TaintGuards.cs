using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureServices.Analyzers.Internals.Taint
{
    /// <summary>
    /// Validation checks that dominate a use of a value, found on the syntax around the use:
    /// <c>if (!Allowed.Contains(x)) return …;</c> before it, <c>if (Url.IsLocalUrl(x)) { use }</c> around it,
    /// <c>x is "a" or "b" ? x : …</c>, a <c>case "a":</c> section, <c>int.TryParse(x, out _)</c>,
    /// <c>Regex.IsMatch(x, "^…$")</c>, and for paths a <c>full.StartsWith(root)</c> check. A check on a
    /// different expression, or one whose failure does not leave the block, does not count.
    /// </summary>
    internal static class TaintGuards
    {
        public static bool IsGuarded(SyntaxNode reference, SinkKind kind)
        {
            if (reference is not ExpressionSyntax value)
            {
                return false;
            }

            value = Strip(value);
            SyntaxNode node = reference;
            while (node.Parent is { } parent)
            {
                switch (parent)
                {
                    case IfStatementSyntax ifStatement:
                        if ((node == ifStatement.Statement && Checks(ifStatement.Condition, value, kind, whenTrue: true))
                            || (node == ifStatement.Else && Checks(ifStatement.Condition, value, kind, whenTrue: false)))
                        {
                            return true;
                        }

                        break;
                    case ElseClauseSyntax:
                        break;
                    case ConditionalExpressionSyntax conditional:
                        if ((node == conditional.WhenTrue && Checks(conditional.Condition, value, kind, whenTrue: true))
                            || (node == conditional.WhenFalse && Checks(conditional.Condition, value, kind, whenTrue: false)))
                        {
                            return true;
                        }

                        break;
                    case BinaryExpressionSyntax binary when node == binary.Right:
                        if ((binary.IsKind(SyntaxKind.LogicalAndExpression) && Checks(binary.Left, value, kind, whenTrue: true))
                            || (binary.IsKind(SyntaxKind.LogicalOrExpression) && Checks(binary.Left, value, kind, whenTrue: false)))
                        {
                            return true;
                        }

                        break;
                    case BlockSyntax block when node is StatementSyntax statement:
                        if (PrecededByExitGuard(block.Statements, statement, value, kind))
                        {
                            return true;
                        }

                        break;
                    case SwitchSectionSyntax section when node is StatementSyntax statement:
                        if (PrecededByExitGuard(section.Statements, statement, value, kind) || IsConstantCase(section, value))
                        {
                            return true;
                        }

                        break;
                    case SwitchExpressionArmSyntax arm when node == arm.Expression:
                        if (arm.Pattern is ConstantPatternSyntax or BinaryPatternSyntax
                            && IsConstantPattern(arm.Pattern)
                            && arm.Parent is SwitchExpressionSyntax switchExpression
                            && Same(switchExpression.GoverningExpression, value))
                        {
                            return true;
                        }

                        break;
                    case MemberDeclarationSyntax:
                    case CompilationUnitSyntax:
                        return false;
                }

                node = parent;
            }

            return false;
        }

        private static bool PrecededByExitGuard(SyntaxList<StatementSyntax> statements, StatementSyntax statement, ExpressionSyntax value, SinkKind kind)
        {
            // One pass up to the statement (no IndexOf first): blocks can hold thousands of statements.
            foreach (var preceding in statements)
            {
                if (preceding == statement)
                {
                    return false;
                }

                if (preceding is IfStatementSyntax guard)
                {
                    if (guard.Else == null && Exits(guard.Statement) && Checks(guard.Condition, value, kind, whenTrue: false))
                    {
                        return true;
                    }

                    if (guard.Else != null && Exits(guard.Else.Statement) && Checks(guard.Condition, value, kind, whenTrue: true))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsConstantCase(SwitchSectionSyntax section, ExpressionSyntax value)
        {
            if (section.Parent is not SwitchStatementSyntax switchStatement || !Same(switchStatement.Expression, value))
            {
                return false;
            }

            foreach (var label in section.Labels)
            {
                switch (label)
                {
                    case CaseSwitchLabelSyntax c when c.Value is LiteralExpressionSyntax:
                        continue;
                    case CasePatternSwitchLabelSyntax p when p.WhenClause == null && IsConstantPattern(p.Pattern):
                        continue;
                    default:
                        return false;
                }
            }

            return section.Labels.Count > 0;
        }

        private static bool Exits(StatementSyntax statement) => statement switch
        {
            ReturnStatementSyntax or ThrowStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax => true,
            ExpressionStatementSyntax { Expression: ThrowExpressionSyntax } => true,
            BlockSyntax block => block.Statements.Count > 0 && Exits(block.Statements[block.Statements.Count - 1]),
            _ => false,
        };

        /// <summary>True when <paramref name="condition"/> having the value <paramref name="whenTrue"/> means <paramref name="value"/> passed a validation.</summary>
        private static bool Checks(ExpressionSyntax condition, ExpressionSyntax value, SinkKind kind, bool whenTrue)
        {
            // Conditions can chain thousands of && / || (left-deep): an explicit stack, not recursion.
            var pending = new System.Collections.Generic.Stack<(ExpressionSyntax Condition, bool WhenTrue)>();
            pending.Push((condition, whenTrue));
            while (pending.Count > 0)
            {
                var (next, outcome) = pending.Pop();
                next = Strip(next);
                switch (next)
                {
                    case PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.LogicalNotExpression):
                        pending.Push((negation.Operand, !outcome));
                        break;
                    case BinaryExpressionSyntax conjunction when conjunction.IsKind(SyntaxKind.LogicalAndExpression):
                        // a && b true: both hold, either may be the check. False: neither is known to hold.
                        if (outcome)
                        {
                            pending.Push((conjunction.Right, true));
                            pending.Push((conjunction.Left, true));
                        }

                        break;
                    case BinaryExpressionSyntax disjunction when disjunction.IsKind(SyntaxKind.LogicalOrExpression):
                        if (!outcome)
                        {
                            pending.Push((disjunction.Right, false));
                            pending.Push((disjunction.Left, false));
                        }

                        break;
                    default:
                        if (ChecksDirectly(next, value, kind, outcome))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary>A single (non-logical) condition that, having the value <paramref name="whenTrue"/>, validates <paramref name="value"/>.</summary>
        private static bool ChecksDirectly(ExpressionSyntax condition, ExpressionSyntax value, SinkKind kind, bool whenTrue)
        {
            switch (condition)
            {
                case BinaryExpressionSyntax equals when equals.IsKind(SyntaxKind.EqualsExpression) || equals.IsKind(SyntaxKind.NotEqualsExpression):
                    var positive = equals.IsKind(SyntaxKind.EqualsExpression);
                    return whenTrue == positive
                        && ((IsValue(equals.Left, value, kind) && IsStringLiteral(equals.Right)) || (IsValue(equals.Right, value, kind) && IsStringLiteral(equals.Left)));
                case IsPatternExpressionSyntax isPattern when IsValue(isPattern.Expression, value, kind):
                    if (isPattern.Pattern is UnaryPatternSyntax negated && negated.IsKind(SyntaxKind.NotPattern))
                    {
                        return !whenTrue && IsConstantPattern(negated.Pattern);
                    }

                    return whenTrue && IsConstantPattern(isPattern.Pattern);
                case InvocationExpressionSyntax invocation:
                    return whenTrue && IsValidatingCall(invocation, value, kind);
                default:
                    return false;
            }
        }

        private static bool IsValidatingCall(InvocationExpressionSyntax invocation, ExpressionSyntax value, SinkKind kind)
        {
            var arguments = invocation.ArgumentList.Arguments;
            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
                IdentifierNameSyntax id => id.Identifier.ValueText,
                _ => null,
            };
            var receiver = (invocation.Expression as MemberAccessExpressionSyntax)?.Expression;
            bool FirstArgumentIsValue() => arguments.Count > 0 && Same(arguments[0].Expression, value);

            switch (name)
            {
                case "Contains" or "ContainsKey" or "IsDefined":
                    // Allowed.Contains(x), Enum.IsDefined(typeof(T), x) — not x.Contains("..") (a deny-list).
                    return receiver != null && !ContainsValue(receiver, value)
                        && arguments.Count > 0 && IsValue(arguments[arguments.Count - 1].Expression, value, kind);
                case "IsLocalUrl":
                    return FirstArgumentIsValue();
                case "TryParse" or "TryParseExact":
                    return FirstArgumentIsValue();
                case "IsMatch":
                    // Regex.IsMatch(x, "^[a-z]+$") or ValidName.IsMatch(x): an allow-pattern.
                    return FirstArgumentIsValue() && (arguments.Count == 1 || IsStringLiteral(arguments[1].Expression));
                case "Equals":
                    return (receiver != null && IsValue(receiver, value, kind) && arguments.Count > 0 && IsStringLiteral(arguments[0].Expression))
                        || (arguments.Count >= 2 && ((IsValue(arguments[0].Expression, value, kind) && IsStringLiteral(arguments[1].Expression))
                            || (IsValue(arguments[1].Expression, value, kind) && IsStringLiteral(arguments[0].Expression))));
                case "StartsWith":
                    // fullPath.StartsWith(root, …): the root check that completes Path.GetFullPath.
                    return kind == SinkKind.Path && receiver != null && Same(receiver, value) && arguments.Count > 0;
                default:
                    return false;
            }
        }

        /// <summary>
        /// The checked expression is the value itself or — for an outgoing request or a redirect — its host:
        /// <c>AllowedHosts.Contains(uri.Host)</c> validates <c>uri</c>.
        /// </summary>
        private static bool IsValue(ExpressionSyntax checkedExpression, ExpressionSyntax value, SinkKind kind)
        {
            if (Same(checkedExpression, value))
            {
                return true;
            }

            return (kind == SinkKind.Ssrf || kind == SinkKind.Redirect)
                && Strip(checkedExpression) is MemberAccessExpressionSyntax member
                && member.Name.Identifier.ValueText is "Host" or "Authority" or "DnsSafeHost" or "IdnHost"
                && Same(member.Expression, value);
        }

        /// <summary>Literals joined by <c>or</c> (iterative: <c>"a" or "b" or …</c> can be very long).</summary>
        private static bool IsConstantPattern(PatternSyntax pattern)
        {
            var pending = new System.Collections.Generic.Stack<PatternSyntax>();
            pending.Push(pattern);
            while (pending.Count > 0)
            {
                switch (pending.Pop())
                {
                    case ConstantPatternSyntax c when c.Expression is LiteralExpressionSyntax:
                        break;
                    case BinaryPatternSyntax b when b.IsKind(SyntaxKind.OrPattern):
                        pending.Push(b.Right);
                        pending.Push(b.Left);
                        break;
                    case ParenthesizedPatternSyntax p:
                        pending.Push(p.Pattern);
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }

        private static bool IsStringLiteral(ExpressionSyntax expression)
            => Strip(expression) is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression);

        private static bool ContainsValue(ExpressionSyntax expression, ExpressionSyntax value)
        {
            foreach (var node in expression.DescendantNodesAndSelf())
            {
                if (node is ExpressionSyntax e && Same(e, value))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Same(ExpressionSyntax a, ExpressionSyntax b)
            => SyntaxFactory.AreEquivalent(Normalize(Strip(a)), Normalize(Strip(b)));

        /// <summary><c>this.name</c> and <c>name</c> are the same value.</summary>
        private static ExpressionSyntax Normalize(ExpressionSyntax e)
            => e is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } m ? m.Name : e;

        private static ExpressionSyntax Strip(ExpressionSyntax e)
        {
            while (true)
            {
                switch (e)
                {
                    case ParenthesizedExpressionSyntax p:
                        e = p.Expression;
                        break;
                    case PostfixUnaryExpressionSyntax s when s.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                        e = s.Operand;
                        break;
                    default:
                        return e;
                }
            }
        }
    }
}
