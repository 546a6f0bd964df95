using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals.AspNetCore;

namespace SecureServices.Analyzers.Rules.Access
{
    /// <summary>
    /// SSA3008: <c>[IgnoreAntiforgeryToken]</c> on a state-changing action/controller/page, or
    /// <c>.DisableAntiforgery()</c> on a form-bound minimal API endpoint, in an app that uses cookie
    /// authentication (an app-wide fact, so findings are reported at compilation end).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AntiforgeryDisabledAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = AccessDescriptors.CompilationEnd(RuleIds.AntiforgeryDisabled);

        private static readonly ImmutableHashSet<string> StateChangingMaps = ImmutableHashSet.Create(
            StringComparer.Ordinal, "MapPost", "MapPut", "MapPatch", "MapDelete", "MapMethods", "Map");

        private static readonly ImmutableHashSet<string> StateChangingVerbAttributes = ImmutableHashSet.Create(
            StringComparer.Ordinal, "HttpPostAttribute", "HttpPutAttribute", "HttpPatchAttribute", "HttpDeleteAttribute");

        private static readonly ImmutableHashSet<string> FormTypes = ImmutableHashSet.Create(
            StringComparer.Ordinal, "IFormFile", "IFormFileCollection", "IFormCollection");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var ignoreAttribute = start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute");
                var fromForm = start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.FromFormAttribute");
                if (ignoreAttribute == null && fromForm == null)
                {
                    return;
                }

                var findings = new ConcurrentBag<(Location Location, string What, string Target)>();
                var cookies = 0;
                start.RegisterSyntaxNodeAction(
                    c =>
                    {
                        var invocation = (InvocationExpressionSyntax)c.Node;
                        if (invocation.Expression is not MemberAccessExpressionSyntax access)
                        {
                            return;
                        }

                        var name = access.Name.Identifier.ValueText;
                        if (CookieAuthenticationSignals.IsCookieAuthenticationCall(invocation, name, c.SemanticModel, c.CancellationToken))
                        {
                            System.Threading.Interlocked.Exchange(ref cookies, 1);
                        }
                        else if (name == "DisableAntiforgery")
                        {
                            AnalyzeDisable(c, invocation, access, fromForm, findings);
                        }
                    },
                    SyntaxKind.InvocationExpression);
                if (ignoreAttribute != null)
                {
                    start.RegisterSyntaxNodeAction(c => AnalyzeAttribute(c, ignoreAttribute, findings), SyntaxKind.Attribute);
                }

                start.RegisterCompilationEndAction(end =>
                {
                    if (System.Threading.Volatile.Read(ref cookies) == 0)
                    {
                        return;
                    }

                    foreach (var (location, what, target) in findings.OrderBy(f => f.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(f => f.Location.SourceSpan.Start))
                    {
                        end.ReportDiagnostic(Diagnostic.Create(Rule, location, what, target));
                    }
                });
            });
        }

        private static void AnalyzeDisable(SyntaxNodeAnalysisContext context, InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, INamedTypeSymbol? fromForm, ConcurrentBag<(Location, string, string)> findings)
        {
            // Walk inwards through the convention chain to the Map* call: app.MapPost(…).WithName(…).DisableAntiforgery()
            var receiver = access.Expression;
            while (receiver is InvocationExpressionSyntax inner && inner.Expression is MemberAccessExpressionSyntax innerAccess)
            {
                var name = innerAccess.Name.Identifier.ValueText;
                if (name.StartsWith("Map", StringComparison.Ordinal))
                {
                    if (StateChangingMaps.Contains(name) && inner.ArgumentList.Arguments.Count >= 2
                        && IsFormBound(inner.ArgumentList.Arguments[inner.ArgumentList.Arguments.Count - 1].Expression, context.SemanticModel, fromForm, context))
                    {
                        var route = context.SemanticModel.GetConstantValue(inner.ArgumentList.Arguments[0].Expression, context.CancellationToken);
                        findings.Add((access.Name.GetLocation(), "DisableAntiforgery()", route is { HasValue: true, Value: string r } ? r : name));
                    }

                    return;
                }

                receiver = innerAccess.Expression;
            }
        }

        private static bool IsFormBound(ExpressionSyntax handler, SemanticModel model, INamedTypeSymbol? fromForm, SyntaxNodeAnalysisContext context)
        {
            if (model.GetSymbolInfo(handler, context.CancellationToken).Symbol is not IMethodSymbol method)
            {
                return false;
            }

            return method.Parameters.Any(p =>
                FormTypes.Contains(p.Type.Name)
                || p.GetAttributes().Any(a => fromForm != null && SymbolEqualityComparer.Default.Equals(a.AttributeClass, fromForm)));
        }

        private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context, INamedTypeSymbol ignoreAttribute, ConcurrentBag<(Location, string, string)> findings)
        {
            var attribute = (AttributeSyntax)context.Node;
            var text = attribute.Name switch
            {
                QualifiedNameSyntax q => q.Right.Identifier.ValueText,
                SimpleNameSyntax s => s.Identifier.ValueText,
                _ => string.Empty,
            };
            if (!text.StartsWith("IgnoreAntiforgeryToken", StringComparison.Ordinal)
                || !SymbolEqualityComparer.Default.Equals(context.SemanticModel.GetTypeInfo(attribute, context.CancellationToken).Type, ignoreAttribute))
            {
                return;
            }

            var owner = attribute.Parent?.Parent;
            var symbol = owner == null ? null : context.SemanticModel.GetDeclaredSymbol(owner, context.CancellationToken);
            switch (symbol)
            {
                case IMethodSymbol method when IsStateChanging(method):
                    findings.Add((attribute.GetLocation(), "IgnoreAntiforgeryToken", method.ContainingType.Name + "." + method.Name));
                    break;
                case INamedTypeSymbol type when type.GetMembers().OfType<IMethodSymbol>().FirstOrDefault(IsStateChanging) is { } first:
                    findings.Add((attribute.GetLocation(), "IgnoreAntiforgeryToken", type.Name + "." + first.Name));
                    break;
            }
        }

        private static bool IsStateChanging(IMethodSymbol method)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }

            // Razor Pages handlers: OnPost, OnPostAsync, OnPutDelete…
            if (method.Name.StartsWith("OnPost", StringComparison.Ordinal) || method.Name.StartsWith("OnPut", StringComparison.Ordinal)
                || method.Name.StartsWith("OnPatch", StringComparison.Ordinal) || method.Name.StartsWith("OnDelete", StringComparison.Ordinal))
            {
                return true;
            }

            foreach (var a in method.GetAttributes())
            {
                for (var t = a.AttributeClass; t != null; t = t.BaseType)
                {
                    if (StateChangingVerbAttributes.Contains(t.Name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
