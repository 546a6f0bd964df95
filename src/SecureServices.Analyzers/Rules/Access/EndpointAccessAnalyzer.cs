using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals;
using SecureServices.Analyzers.Internals.AspNetCore;

namespace SecureServices.Analyzers.Rules.Access
{
    /// <summary>
    /// SSA3001 (endpoint anyone can call), SSA3002 (AllowAnonymous on a state-changing endpoint) and SSA3003
    /// (authentication/authorization middleware missing or misordered). All three read the same
    /// <see cref="AuthorizationModel"/>, built once per compilation from every file and reported at compilation end.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EndpointAccessAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor UnauthenticatedRule = AccessDescriptors.CompilationEnd(RuleIds.UnauthenticatedEndpoint);
        internal static readonly DiagnosticDescriptor AnonymousStateChangeRule = AccessDescriptors.CompilationEnd(RuleIds.AnonymousStateChangingEndpoint);
        internal static readonly DiagnosticDescriptor MiddlewareOrderRule = AccessDescriptors.CompilationEnd(RuleIds.AuthenticationMiddlewareOrder);

        /// <summary>Words of a route or action that say the endpoint is how a caller gets authenticated.</summary>
        private static readonly ImmutableHashSet<string> SignInWords = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "login", "logon", "logout", "logoff", "signin", "signout", "signup", "register", "registration", "token", "tokens",
            "authenticate", "authentication", "auth", "oauth", "oidc", "callback");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(UnauthenticatedRule, AnonymousStateChangeRule, MiddlewareOrderRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = AspNetCoreSymbols.TryCreate(start.Compilation);
                if (symbols == null)
                {
                    return;
                }

                var collector = new AuthorizationModel.Collector(symbols);
                collector.Register(start);
                start.RegisterCompilationEndAction(end =>
                {
                    var model = collector.Build(end.Compilation, end.Options, end.CancellationToken);
                    ReportEndpoints(end, model);
                    ReportMiddleware(end, model, symbols);
                });
            });
        }

        private static void ReportEndpoints(CompilationAnalysisContext context, AuthorizationModel model)
        {
            var reportedAnonymous = new HashSet<Location>();
            foreach (var endpoint in model.Endpoints)
            {
                if (endpoint.Access == EndpointAccess.Unprotected && !IsSignInEndpoint(endpoint))
                {
                    context.ReportDiagnostic(Diagnostic.Create(UnauthenticatedRule, endpoint.Location, endpoint.DisplayName));
                }
                else if (endpoint.Access == EndpointAccess.Anonymous && endpoint.IsStateChanging
                    && endpoint.AnonymousAt is { IsInSource: true } at && !IsSignInEndpoint(endpoint) && reportedAnonymous.Add(at))
                {
                    context.ReportDiagnostic(Diagnostic.Create(AnonymousStateChangeRule, at, endpoint.DisplayName));
                }
            }
        }

        /// <summary>Login, token and registration endpoints are anonymous POSTs by nature.</summary>
        internal static bool IsSignInEndpoint(AppEndpoint endpoint)
        {
            var words = IdentifierWords.Split(endpoint.Route);
            words.AddRange(IdentifierWords.Split(endpoint.DisplayName));
            for (var i = 0; i < words.Count; i++)
            {
                if (SignInWords.Contains(words[i]) || (i + 1 < words.Count && SignInWords.Contains(words[i] + words[i + 1])))
                {
                    return true;
                }
            }

            return false;
        }

        private static void ReportMiddleware(CompilationAnalysisContext context, AuthorizationModel model, AspNetCoreSymbols symbols)
        {
            var calls = model.MiddlewareCalls;
            if (calls.IsEmpty)
            {
                return;
            }

            var hasAuthentication = calls.Any(c => c.Method.Name == "UseAuthentication");
            var addsAuthentication = calls.Any(c => c.Method.Name == "AddAuthentication");
            foreach (var scope in calls.GroupBy(c => Scope(c.Call)))
            {
                var ordered = scope.OrderBy(c => c.Call.SpanStart).ToList();
                foreach (var (call, method, receiver) in ordered)
                {
                    if (method.Name != "UseAuthorization")
                    {
                        continue;
                    }

                    var location = (call.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.GetLocation() ?? call.GetLocation();
                    var laterAuthentication = ordered.FirstOrDefault(c => c.Method.Name == "UseAuthentication" && c.Call.SpanStart > call.SpanStart).Call;
                    var laterRouting = ordered.FirstOrDefault(c => c.Method.Name == "UseRouting" && c.Call.SpanStart > call.SpanStart).Call;
                    var earlierEndpoints = ordered.FirstOrDefault(c => c.Method.Name == "UseEndpoints" && c.Call.SpanStart < call.SpanStart).Call;
                    if (laterAuthentication != null)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(MiddlewareOrderRule, location, "UseAuthorization", "UseAuthentication"));
                    }
                    else if (laterRouting != null)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(MiddlewareOrderRule, location, "UseAuthorization", "UseRouting"));
                    }
                    else if (earlierEndpoints != null)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(MiddlewareOrderRule, location, "UseEndpoints", "UseAuthorization"));
                    }
                    else if (!hasAuthentication && addsAuthentication && model.RequiresAuthorizationSomewhere && !TypeHierarchy.DerivesFrom(receiver, symbols.WebApplication))
                    {
                        // WebApplication adds UseAuthentication by itself when the app does not; IApplicationBuilder does not.
                        context.ReportDiagnostic(Diagnostic.Create(MiddlewareOrderRule, location, "UseAuthorization", "UseAuthentication"));
                    }
                }
            }
        }

        private static SyntaxNode Scope(SyntaxNode node)
            => (SyntaxNode?)node.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>()
               ?? (SyntaxNode?)node.FirstAncestorOrSelf<LocalFunctionStatementSyntax>()
               ?? (SyntaxNode?)node.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>()
               ?? node.SyntaxTree.GetRoot();
    }
}
