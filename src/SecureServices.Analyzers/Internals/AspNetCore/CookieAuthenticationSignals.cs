using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureServices.Analyzers.Internals.AspNetCore
{
    /// <summary>
    /// Calls that make an app authenticate browsers with cookies (so cross-site requests carry credentials):
    /// <c>AddCookie</c>, ASP.NET Core Identity, Microsoft.Identity.Web's web-app sign-in.
    /// </summary>
    internal static class CookieAuthenticationSignals
    {
        private static readonly ImmutableHashSet<string> Names = ImmutableHashSet.Create(
            StringComparer.Ordinal, "AddCookie", "AddIdentity", "AddDefaultIdentity", "AddIdentityCookies", "AddMicrosoftIdentityWebApp", "AddOpenIdConnect");

        public static bool IsCandidateName(string name) => Names.Contains(name);

        /// <summary>Cheap name check first, then the symbol: <c>services.AddAuthentication().AddCookie()</c>…</summary>
        public static bool IsCookieAuthenticationCall(InvocationExpressionSyntax invocation, string name, SemanticModel model, CancellationToken cancellationToken)
            => Names.Contains(name)
               && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
               && IsCookieAuthentication(method);

        /// <summary>True for the framework's extension methods (not a user method that happens to share the name).</summary>
        public static bool IsCookieAuthentication(IMethodSymbol method)
        {
            var ns = (method.ReducedFrom ?? method).ContainingNamespace?.ToDisplayString() ?? string.Empty;
            return Names.Contains(method.Name)
                && !method.Locations.IsEmpty && !method.Locations[0].IsInSource
                && (ns.StartsWith("Microsoft.", StringComparison.Ordinal));
        }
    }
}
