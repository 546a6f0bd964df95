using System.Threading.Tasks;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Access.UnvalidatedTokenClaimsAnalyzer>;

namespace SecureServices.Analyzers.Tests.Access;

public sealed class UnvalidatedTokenClaimsTests
{
    private const string Usings = """
        using System;
        using System.Linq;
        using System.Security.Claims;
        using System.Threading.Tasks;
        using System.IdentityModel.Tokens.Jwt;
        using Microsoft.AspNetCore.Http;
        using Microsoft.IdentityModel.JsonWebTokens;
        using Microsoft.IdentityModel.Tokens;

        """;

    [Fact]
    public Task Claims_of_a_decoded_token_in_a_decision_are_reported() => V.AnalyzerAsync(Usings + """
        class Gate
        {
            private readonly JwtSecurityTokenHandler jwt = new();
            private readonly JsonWebTokenHandler json = new();

            bool IsAdmin(string raw)
            {
                var token = jwt.{|SSA3009:ReadJwtToken|}(raw);
                if (token.Claims.Any(c => c.Type == "role" && c.Value == "admin"))
                {
                    return true;
                }

                return false;
            }

            bool IsOwner(string raw, string owner) => json.{|SSA3009:ReadJsonWebToken|}(raw).Subject == owner;

            void SignIn(HttpContext context, string raw)
            {
                var token = jwt.{|SSA3009:ReadJwtToken|}(raw);
                context.User = new ClaimsPrincipal(new ClaimsIdentity(token.Claims, "jwt"));
            }

            string Route(string raw)
            {
                var token = (JwtSecurityToken)jwt.{|SSA3009:ReadToken|}(raw);
                var tenant = token.Payload["tid"]?.ToString();
                return tenant == "contoso" ? "/contoso" : "/other";
            }
        }
        """);

    [Fact]
    public Task Validated_or_display_only_uses_are_not_reported() => V.AnalyzerAsync(Usings + """
        class Client
        {
            private readonly JwtSecurityTokenHandler jwt = new();
            private readonly JsonWebTokenHandler json = new();

            // A client reading its own token to know when to refresh it.
            bool NeedsRefresh(string raw) => jwt.ReadJwtToken(raw).ValidTo < DateTime.UtcNow.AddMinutes(1);

            // Logging who the token claims to be is not a decision.
            string Describe(string raw) => "token for " + jwt.ReadJwtToken(raw).Subject;

            async Task<bool> IsAdminAsync(string raw, TokenValidationParameters parameters)
            {
                var result = await json.ValidateTokenAsync(raw, parameters);
                var token = json.ReadJsonWebToken(raw);
                return result.IsValid && token.GetClaim("role").Value == "admin";
            }

            bool ValidatedThenRead(string raw, TokenValidationParameters parameters)
            {
                jwt.ValidateToken(raw, parameters, out _);
                var token = jwt.ReadJwtToken(raw);
                if (token.Claims.Any(c => c.Type == "role")) return true;
                return false;
            }
        }
        """);

    [Fact]
    public Task Half_typed_reader_does_not_throw() => V.BrokenCodeAsync(Usings + """
        class Gate
        {
            bool IsAdmin(string raw)
            {
                var token = new JwtSecurityTokenHandler().ReadJwtToken(
                if (token.Claims.Any(
        """);
}
