using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals.AspNetCore;
using SecureServices.Analyzers.Internals;

namespace SecureServices.Analyzers.Rules.Access
{
    /// <summary>
    /// SSA3007: cookie settings that expose authentication/session cookies: <c>CookieOptions.Secure = false</c>,
    /// <c>CookieBuilder.SecurePolicy = CookieSecurePolicy.None/SameAsRequest</c>, <c>HttpOnly = false</c> on a
    /// <c>CookieBuilder</c> (the framework's auth, session and antiforgery cookies) or on a <c>CookieOptions</c>
    /// appended under a session/auth/token name, and <c>SameSite = None</c> without <c>Secure</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InsecureCookieAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.InsecureCookie);

        private static readonly ImmutableHashSet<string> Names = ImmutableHashSet.Create(StringComparer.Ordinal, "Secure", "HttpOnly", "SameSite", "SecurePolicy");

        private static readonly ImmutableHashSet<string> SensitiveCookieWords = ImmutableHashSet.Create(
            StringComparer.Ordinal, "session", "sid", "auth", "authentication", "token", "jwt", "identity", "login", "refresh", "access", "bearer");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var options = start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.CookieOptions");
                var builder = start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.CookieBuilder");
                if (options != null || builder != null)
                {
                    start.RegisterSyntaxNodeAction(c => Analyze(c, options, builder), SyntaxKind.SimpleAssignmentExpression);
                }
            });
        }

        internal static string NameOf(ExpressionSyntax left) => left switch
        {
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
            IdentifierNameSyntax id => id.Identifier.ValueText,
            _ => string.Empty,
        };

        private static void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol? options, INamedTypeSymbol? builder)
        {
            var assignment = (AssignmentExpressionSyntax)context.Node;
            var name = NameOf(assignment.Left);
            if (!Names.Contains(name)
                || context.SemanticModel.GetSymbolInfo(assignment.Left, context.CancellationToken).Symbol is not IPropertySymbol property)
            {
                return;
            }

            var isOptions = TypeHierarchy.DerivesFrom(property.ContainingType, options);
            var isBuilder = TypeHierarchy.DerivesFrom(property.ContainingType, builder);
            if (!isOptions && !isBuilder)
            {
                return;
            }

            var value = context.SemanticModel.GetConstantValue(assignment.Right, context.CancellationToken);
            var enumName = (context.SemanticModel.GetSymbolInfo(assignment.Right, context.CancellationToken).Symbol as IFieldSymbol)?.Name;
            var report = name switch
            {
                "Secure" => value is { HasValue: true, Value: false },
                "SecurePolicy" => enumName == "None" || enumName == "SameAsRequest",
                "HttpOnly" => value is { HasValue: true, Value: false } && (isBuilder || AppendedUnderSensitiveName(assignment, context.SemanticModel)),
                "SameSite" => enumName == "None" && !SecureSetNearby(assignment, isBuilder),
                _ => false,
            };

            if (report)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.GetLocation(), name + " = " + Short(assignment.Right)));
            }
        }

        private static string Short(ExpressionSyntax value) => value switch
        {
            MemberAccessExpressionSyntax m => m.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax ? LastTwo(m) : m.Name.Identifier.ValueText,
            _ => value.ToString(),
        };

        private static string LastTwo(MemberAccessExpressionSyntax m)
            => (m.Expression is MemberAccessExpressionSyntax inner ? inner.Name.Identifier.ValueText : ((IdentifierNameSyntax)m.Expression).Identifier.ValueText) + "." + m.Name.Identifier.ValueText;

        /// <summary><c>Response.Cookies.Append("session-id", v, new CookieOptions { HttpOnly = false })</c>.</summary>
        private static bool AppendedUnderSensitiveName(AssignmentExpressionSyntax assignment, SemanticModel model)
        {
            if (assignment.Parent is not InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax creation }
                || creation.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax append } list }
                || list.Arguments.Count < 1
                || append.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Append" })
            {
                return false;
            }

            var cookieName = model.GetConstantValue(list.Arguments[0].Expression);
            return cookieName is { HasValue: true, Value: string s } && IdentifierWords.Split(s).Any(SensitiveCookieWords.Contains);
        }

        /// <summary>Secure = true / SecurePolicy = Always in the same initializer, or on the same receiver in the same body.</summary>
        private static bool SecureSetNearby(AssignmentExpressionSyntax sameSite, bool isBuilder)
        {
            var wanted = isBuilder ? "SecurePolicy" : "Secure";
            if (sameSite.Parent is InitializerExpressionSyntax initializer)
            {
                return initializer.Expressions.OfType<AssignmentExpressionSyntax>().Any(a => NameOf(a.Left) == wanted && IsSecureValue(a.Right));
            }

            if (sameSite.Left is not MemberAccessExpressionSyntax member)
            {
                return false;
            }

            var receiver = member.Expression.ToString();
            var body = (SyntaxNode?)sameSite.FirstAncestorOrSelf<BlockSyntax>() ?? sameSite.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>() ?? sameSite.SyntaxTree.GetRoot();
            return body.DescendantNodes().OfType<AssignmentExpressionSyntax>()
                .Any(a => a.Left is MemberAccessExpressionSyntax m && m.Name.Identifier.ValueText == wanted && m.Expression.ToString() == receiver && IsSecureValue(a.Right));
        }

        private static bool IsSecureValue(ExpressionSyntax value)
            => value.IsKind(SyntaxKind.TrueLiteralExpression) || (value is MemberAccessExpressionSyntax m && m.Name.Identifier.ValueText == "Always");
    }
}
