using System.Collections.ObjectModel;

namespace SecureServices.Analyzers.Catalog
{
    internal static partial class RuleIds
    {
        public const string UnauthenticatedEndpoint = "SSA3001";
        public const string AnonymousStateChangingEndpoint = "SSA3002";
        public const string AuthenticationMiddlewareOrder = "SSA3003";
        public const string JwtSignatureValidationDisabled = "SSA3004";
        public const string JwtValidationDisabled = "SSA3005";
        public const string PermissiveCorsPolicy = "SSA3006";
        public const string InsecureCookie = "SSA3007";
        public const string AntiforgeryDisabled = "SSA3008";
        public const string UnvalidatedTokenClaims = "SSA3009";
    }

    // SSA3xxx — authentication and authorization (§5.3, §5.1)
    internal static partial class RuleCatalog
    {
        public const string AccessCategory = "Security.Access";

        private static readonly ReadOnlyCollection<RuleDefinition> AccessRules = Table(new[]
        {
            CSharp(
                RuleIds.UnauthenticatedEndpoint, AccessCategory, RuleSeverity.Warning, Sections("5.3", "5.1"), 306,
                T("Endpoint reachable without authentication",
                  "Point de terminaison accessible sans authentification"),
                T("Anyone can call {0}: no fallback policy, filter, group, convention or attribute requires authorization",
                  "N'importe qui peut appeler {0} : aucune stratégie de secours, aucun filtre, groupe, convention ni attribut n'exige d'autorisation"),
                T("The endpoint (minimal API, controller action, Razor Page, SignalR hub or gRPC service) is not protected by anything in the app: no fallback authorization policy, no global AuthorizeFilter, no RequireAuthorization on it, its group or MapControllers, no [Authorize] on it or its class, and it is not marked AllowAnonymous or listed in secureservices.anonymous_endpoints.",
                  "Le point de terminaison (API minimale, action de contrôleur, page Razor, hub SignalR ou service gRPC) n'est protégé par rien dans l'application : ni stratégie d'autorisation de secours, ni AuthorizeFilter global, ni RequireAuthorization sur lui, son groupe ou MapControllers, ni [Authorize] sur lui ou sa classe ; il n'est pas non plus marqué AllowAnonymous ni listé dans secureservices.anonymous_endpoints.")),
            CSharp(
                RuleIds.AnonymousStateChangingEndpoint, AccessCategory, RuleSeverity.Warning, Sections("5.3", "5.1"), 862,
                T("State-changing endpoint allows anonymous callers",
                  "Point de terminaison modifiant l'état ouvert aux appelants anonymes"),
                T("AllowAnonymous lets anyone call {0}, which changes state; require authorization or remove AllowAnonymous",
                  "AllowAnonymous permet à n'importe qui d'appeler {0}, qui modifie l'état ; exigez une autorisation ou retirez AllowAnonymous"),
                T("[AllowAnonymous] or .AllowAnonymous() overrides every authorization policy, including the fallback policy, on an endpoint that accepts POST, PUT, PATCH or DELETE. Sign-in, token and registration endpoints are not reported.",
                  "[AllowAnonymous] ou .AllowAnonymous() annule toute stratégie d'autorisation, y compris la stratégie de secours, sur un point de terminaison qui accepte POST, PUT, PATCH ou DELETE. Les points de terminaison de connexion, de jeton et d'inscription ne sont pas signalés.")),
            CSharp(
                RuleIds.AuthenticationMiddlewareOrder, AccessCategory, RuleSeverity.Warning, Sections("5.3", "5.1"), 696,
                T("Authentication or authorization middleware missing or misordered",
                  "Intergiciel d'authentification ou d'autorisation absent ou mal ordonné"),
                T("'{0}' must run after '{1}' in the request pipeline, otherwise endpoints are not authorized as configured",
                  "'{0}' doit s'exécuter après '{1}' dans le pipeline de requêtes, sinon les points de terminaison ne sont pas autorisés comme configuré"),
                T("UseAuthorization placed before UseAuthentication sees every caller as anonymous; placed before UseRouting (or after UseEndpoints) it cannot see the endpoint's [Authorize] metadata and only the fallback policy applies; an IApplicationBuilder pipeline without UseAuthentication never authenticates anyone.",
                  "UseAuthorization placé avant UseAuthentication voit tous les appelants comme anonymes ; placé avant UseRouting (ou après UseEndpoints), il ne voit pas les métadonnées [Authorize] du point de terminaison et seule la stratégie de secours s'applique ; un pipeline IApplicationBuilder sans UseAuthentication n'authentifie personne.")),
            CSharp(
                RuleIds.JwtSignatureValidationDisabled, AccessCategory, RuleSeverity.Error, Sections("5.3", "5.1"), 347,
                T("Token signature validation switched off",
                  "Validation de la signature des jetons désactivée"),
                T("'{0}' switches off token signature validation: anyone can forge a token this service accepts",
                  "'{0}' désactive la validation de la signature des jetons : n'importe qui peut forger un jeton que ce service accepte"),
                T("TokenValidationParameters accepts unsigned or unverified tokens: RequireSignedTokens = false, a SignatureValidator that returns the token without validating it, or ValidAlgorithms that allow 'none'. The claims of such a token prove nothing.",
                  "TokenValidationParameters accepte des jetons non signés ou non vérifiés : RequireSignedTokens = false, un SignatureValidator qui renvoie le jeton sans le valider, ou des ValidAlgorithms qui autorisent 'none'. Les revendications d'un tel jeton ne prouvent rien.")),
            CSharp(
                RuleIds.JwtValidationDisabled, AccessCategory, RuleSeverity.Warning, Sections("5.3", "5.1"), 287,
                T("Token issuer, audience or lifetime validation switched off",
                  "Validation de l'émetteur, de l'audience ou de la durée de vie des jetons désactivée"),
                T("'{0}' switches off a check of incoming tokens; keep it enabled",
                  "'{0}' désactive une vérification des jetons reçus ; laissez-la activée"),
                T("TokenValidationParameters turns off ValidateIssuer, ValidateAudience, ValidateLifetime, RequireExpirationTime or RequireAudience, or replaces a check with an AudienceValidator, LifetimeValidator or IssuerValidator that always succeeds: tokens issued by another authority, for another service, or long expired are accepted.",
                  "TokenValidationParameters désactive ValidateIssuer, ValidateAudience, ValidateLifetime, RequireExpirationTime ou RequireAudience, ou remplace une vérification par un AudienceValidator, LifetimeValidator ou IssuerValidator qui réussit toujours : des jetons émis par une autre autorité, pour un autre service ou expirés depuis longtemps sont acceptés.")),
            CSharp(
                RuleIds.PermissiveCorsPolicy, AccessCategory, RuleSeverity.Warning, Sections("5.3", "5.1"), 942,
                T("CORS policy trusts any origin with credentials",
                  "Stratégie CORS faisant confiance à toute origine avec identifiants"),
                T("{0} lets any web site call this service with the user's credentials; list the trusted origins",
                  "{0} permet à n'importe quel site web d'appeler ce service avec les identifiants de l'utilisateur ; listez les origines de confiance"),
                T("The CORS policy accepts every origin where credentials are involved: SetIsOriginAllowed with a predicate that always returns true together with AllowCredentials(), WithOrigins(\"*\") or WithOrigins(\"null\"), or AllowAnyOrigin() in an app that signs users in with cookies. Any page on the Internet can then act as the signed-in user.",
                  "La stratégie CORS accepte toutes les origines alors que des identifiants sont en jeu : SetIsOriginAllowed avec un prédicat toujours vrai et AllowCredentials(), WithOrigins(\"*\") ou WithOrigins(\"null\"), ou AllowAnyOrigin() dans une application qui connecte les utilisateurs par cookie. N'importe quelle page d'Internet peut alors agir au nom de l'utilisateur connecté.")),
            CSharp(
                RuleIds.InsecureCookie, AccessCategory, RuleSeverity.Warning, Sections("5.3", "5.1"), 614,
                T("Authentication or session cookie without Secure, HttpOnly or SameSite protection",
                  "Cookie d'authentification ou de session sans protection Secure, HttpOnly ou SameSite"),
                T("'{0}' exposes the cookie: it can travel over plain HTTP, be read by scripts, or be sent by other sites",
                  "'{0}' expose le cookie : il peut circuler en HTTP non chiffré, être lu par des scripts ou être envoyé par d'autres sites"),
                T("A CookieOptions or CookieBuilder (authentication, session, antiforgery cookies) is set with Secure = false, SecurePolicy = None or SameAsRequest, HttpOnly = false, or SameSite = None without Secure. The cookie that proves who the user is can then be sniffed, stolen by injected script, or attached to cross-site requests.",
                  "Un CookieOptions ou CookieBuilder (cookies d'authentification, de session, anti-falsification) est configuré avec Secure = false, SecurePolicy = None ou SameAsRequest, HttpOnly = false, ou SameSite = None sans Secure. Le cookie qui prouve l'identité de l'utilisateur peut alors être intercepté, volé par un script injecté ou joint à des requêtes intersites.")),
            CSharp(
                RuleIds.AntiforgeryDisabled, AccessCategory, RuleSeverity.Warning, Sections("5.3", "5.1"), 352,
                T("Antiforgery validation switched off on a cookie-authenticated endpoint",
                  "Validation anti-falsification désactivée sur un point de terminaison authentifié par cookie"),
                T("'{0}' switches off antiforgery validation for {1} while the app signs users in with cookies: other sites can submit it as the user",
                  "'{0}' désactive la validation anti-falsification pour {1} alors que l'application connecte les utilisateurs par cookie : d'autres sites peuvent le soumettre au nom de l'utilisateur"),
                T("[IgnoreAntiforgeryToken] on a state-changing controller action, controller or Razor Page, or .DisableAntiforgery() on a form-bound minimal API endpoint, in an app that uses cookie authentication. The browser attaches the cookie to a form posted from any site (cross-site request forgery).",
                  "[IgnoreAntiforgeryToken] sur une action, un contrôleur ou une page Razor qui modifie l'état, ou .DisableAntiforgery() sur un point de terminaison d'API minimale lié à un formulaire, dans une application qui utilise l'authentification par cookie. Le navigateur joint le cookie à un formulaire envoyé depuis n'importe quel site (falsification de requête intersite).")),
            CSharp(
                RuleIds.UnvalidatedTokenClaims, AccessCategory, RuleSeverity.Warning, Sections("5.3", "5.1"), 345,
                T("Claims of an unvalidated token decide access",
                  "Les revendications d'un jeton non validé décident de l'accès"),
                T("'{0}' only decodes the token, without checking its signature, issuer or lifetime, and its claims then decide access; validate the token first",
                  "'{0}' ne fait que décoder le jeton, sans vérifier sa signature, son émetteur ni sa durée de vie, et ses revendications décident ensuite de l'accès ; validez d'abord le jeton"),
                T("JwtSecurityTokenHandler.ReadJwtToken, JsonWebTokenHandler.ReadJsonWebToken and ReadToken parse a token without validating it. When its claims are tested in a condition, returned as a yes/no answer, or turned into a ClaimsIdentity, ClaimsPrincipal or User, and the same method never calls ValidateToken, anyone can write the claims they need.",
                  "JwtSecurityTokenHandler.ReadJwtToken, JsonWebTokenHandler.ReadJsonWebToken et ReadToken analysent un jeton sans le valider. Quand ses revendications sont testées dans une condition, renvoyées comme réponse oui/non, ou transformées en ClaimsIdentity, ClaimsPrincipal ou User, et que la même méthode n'appelle jamais ValidateToken, n'importe qui peut écrire les revendications dont il a besoin.")),
        });
    }
}
