using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals;

namespace SecureServices.Analyzers.Rules.Configuration
{
    /// <summary>
    /// SSA6005: EF Core's <c>DbContextOptionsBuilder.EnableSensitiveDataLogging()</c> / <c>EnableDetailedErrors()</c>
    /// (and the generic builder's overrides) called with no argument or <c>true</c>, outside a development check.
    /// A non-constant argument (<c>EnableSensitiveDataLogging(env.IsDevelopment())</c>) is not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EfSensitiveDataLoggingAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.EfSensitiveDataLogging);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var builder = start.Compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContextOptionsBuilder");
                if (builder == null)
                {
                    return;
                }

                start.RegisterOperationAction(
                    c =>
                    {
                        var invocation = (IInvocationOperation)c.Operation;
                        var method = invocation.TargetMethod;
                        if ((method.Name != "EnableSensitiveDataLogging" && method.Name != "EnableDetailedErrors")
                            || !TypeHierarchy.DerivesFrom(method.ContainingType, builder))
                        {
                            return;
                        }

                        if (invocation.Arguments.Length == 1 && !(invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: true }))
                        {
                            return;
                        }

                        if (!DevelopmentGuard.IsGuarded(invocation.Syntax, invocation.SemanticModel!))
                        {
                            var location = invocation.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
                                {
                                    Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax member,
                                } syntax
                                ? Location.Create(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(member.Name.SpanStart, syntax.Span.End))
                                : invocation.Syntax.GetLocation();
                            c.ReportDiagnostic(Diagnostic.Create(Rule, location, method.Name + "()"));
                        }
                    },
                    OperationKind.Invocation);
            });
        }
    }
}
