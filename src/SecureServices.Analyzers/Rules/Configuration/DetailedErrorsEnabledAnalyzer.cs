using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals;

namespace SecureServices.Analyzers.Rules.Configuration
{
    /// <summary>
    /// SSA6004: <c>EnableDetailedErrors = true</c> on gRPC's <c>GrpcServiceOptions</c> (and per-service options) or
    /// SignalR's <c>HubOptions</c>, and <c>UseSetting(WebHostDefaults.DetailedErrorsKey, "true")</c>, when not guarded by
    /// a development check. A value computed from the environment (<c>= env.IsDevelopment()</c>) is not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DetailedErrorsEnabledAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.DetailedErrorsEnabled);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterOperationAction(
                    c =>
                    {
                        var assignment = (ISimpleAssignmentOperation)c.Operation;
                        if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "EnableDetailedErrors" } property }
                            && IsGrpcOrSignalROptions(property.ContainingType)
                            && IsTrue(assignment.Value)
                            && !DevelopmentGuard.IsGuarded(assignment.Syntax, assignment.SemanticModel!))
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), "EnableDetailedErrors = true"));
                        }
                    },
                    OperationKind.SimpleAssignment);
                start.RegisterOperationAction(
                    c =>
                    {
                        var invocation = (IInvocationOperation)c.Operation;
                        if (invocation.TargetMethod.Name == "UseSetting"
                            && invocation.Arguments.Length == 2
                            && IsDetailedErrorsKey(invocation.Arguments[0].Value)
                            && invocation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: string value }
                            && (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1")
                            && !DevelopmentGuard.IsGuarded(invocation.Syntax, invocation.SemanticModel!))
                        {
                            var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } syntax
                                ? Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(member.Name.SpanStart, syntax.Span.End))
                                : invocation.Syntax.GetLocation();
                            c.ReportDiagnostic(Diagnostic.Create(Rule, location, "UseSetting(DetailedErrorsKey, \"true\")"));
                        }
                    },
                    OperationKind.Invocation);
            });
        }

        private static bool IsTrue(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value.ConstantValue is { HasValue: true, Value: true };
        }

        /// <summary>"detailedErrors" or WebHostDefaults.DetailedErrorsKey (static readonly, not const).</summary>
        private static bool IsDetailedErrorsKey(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value.ConstantValue is { HasValue: true, Value: string key }
                ? string.Equals(key, "detailedErrors", StringComparison.OrdinalIgnoreCase)
                : value is IFieldReferenceOperation { Field: { Name: "DetailedErrorsKey", ContainingType.Name: "WebHostDefaults" } };
        }

        private static bool IsGrpcOrSignalROptions(INamedTypeSymbol? type)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                var ns = t.ContainingNamespace?.ToDisplayString();
                if ((t.Name == "GrpcServiceOptions" && ns == "Grpc.AspNetCore.Server")
                    || (t.Name == "HubOptions" && ns == "Microsoft.AspNetCore.SignalR"))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
