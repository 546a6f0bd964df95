using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SecureServices.Analyzers.CodeFixes.Access;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Access.JwtValidationAnalyzer>;

namespace SecureServices.Analyzers.Tests.Access;

public sealed class JwtValidationTests
{
    private const string Usings = """
        using System;
        using System.IdentityModel.Tokens.Jwt;
        using Microsoft.AspNetCore.Authentication.JwtBearer;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.IdentityModel.JsonWebTokens;
        using Microsoft.IdentityModel.Tokens;

        """;

    [Fact]
    public Task Unsigned_tokens_are_an_error() => V.AnalyzerAsync(Usings + """
        class Setup
        {
            void Configure(IServiceCollection services) => services.AddAuthentication().AddJwtBearer(o =>
            {
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    {|SSA3004:RequireSignedTokens = false|},
                    ValidateIssuerSigningKey = false,
                    ValidAlgorithms = new[] { SecurityAlgorithms.RsaSha256, {|SSA3004:"none"|} },
                };
            });
        }
        """);

    [Fact]
    public Task Signature_validator_that_returns_the_token_unchecked_is_an_error() => V.AnalyzerAsync(Usings + """
        class Setup
        {
            void Configure(TokenValidationParameters p, JsonWebTokenHandler handler)
            {
                p.{|SSA3004:SignatureValidator|} = (token, parameters) => new JwtSecurityToken(token);
                p.{|SSA3004:SignatureValidator|} = delegate (string token, TokenValidationParameters parameters) { return handler.ReadJsonWebToken(token); };
                p.{|SSA3004:SignatureValidator|} = (token, _) => { var jwt = new JsonWebToken(token); return jwt ?? new JsonWebToken(token); };
            }
        }
        """);

    [Fact]
    public Task Signature_validator_that_validates_is_not_reported() => V.AnalyzerAsync(Usings + """
        class Setup
        {
            void Configure(TokenValidationParameters p, Func<string, bool> verifyWithHsm)
            {
                p.SignatureValidator = (token, parameters) =>
                {
                    if (!verifyWithHsm(token)) throw new SecurityTokenInvalidSignatureException();
                    return new JsonWebToken(token);
                };
                p.SignatureValidator = (token, parameters) => Verify(token) ? new JsonWebToken(token) : throw new SecurityTokenInvalidSignatureException();
                p.RequireSignedTokens = true;
                p.ValidAlgorithms = new[] { "RS256", "ES256" };
            }

            static bool Verify(string token) => token.Length > 0;
        }
        """);

    [Fact]
    public Task Issuer_audience_lifetime_flags_are_warnings() => V.AnalyzerAsync(Usings + """
        class Setup
        {
            const bool Off = false;

            TokenValidationParameters Create() => new TokenValidationParameters
            {
                {|SSA3005:ValidateIssuer = false|},
                {|SSA3005:ValidateAudience = Off|},
                {|SSA3005:ValidateLifetime = false|},
                {|SSA3005:RequireExpirationTime = false|},
                {|SSA3005:RequireAudience = false|},
                ValidateIssuerSigningKey = true,
                ValidateTokenReplay = false,
            };

            void Tweak(JwtBearerOptions o) => {|SSA3005:o.TokenValidationParameters.ValidateLifetime = false|};
        }
        """);

    [Fact]
    public Task Validators_that_always_succeed_are_warnings() => V.AnalyzerAsync(Usings + """
        class Setup
        {
            void Configure(TokenValidationParameters p)
            {
                p.{|SSA3005:AudienceValidator|} = (audiences, token, parameters) => true;
                p.{|SSA3005:LifetimeValidator|} = (notBefore, expires, token, parameters) => { return true; };
                p.{|SSA3005:IssuerValidator|} = (issuer, token, parameters) => issuer;
                p.LifetimeValidator = (notBefore, expires, token, parameters) => expires > DateTime.UtcNow;
                p.IssuerValidator = (issuer, token, parameters) =>
                {
                    if (!issuer.StartsWith("https://login.example.org/")) throw new SecurityTokenInvalidIssuerException();
                    return issuer;
                };
                p.AudienceValidator = (audiences, token, parameters) => System.Linq.Enumerable.Contains(audiences, "orders");
            }
        }
        """);

    [Fact]
    public Task Same_names_on_other_types_and_true_values_are_not_reported() => V.AnalyzerAsync(Usings + """
        class MyOptions { public bool ValidateLifetime { get; set; } public bool RequireSignedTokens { get; set; } }
        class Setup
        {
            void Configure(bool fromConfig)
            {
                var mine = new MyOptions { ValidateLifetime = false, RequireSignedTokens = false };
                var p = new TokenValidationParameters { ValidateLifetime = true, ValidateAudience = fromConfig };
            }
        }
        """);

    [Fact]
    public Task Half_typed_parameters_do_not_throw() => V.BrokenCodeAsync(Usings + """
        class Setup
        {
            void Configure(TokenValidationParameters p)
            {
                p.ValidateLifetime = ;
                p.SignatureValidator = (token, ) => 
                p.ValidAlgorithms = new[] { 
                var q = new TokenValidationParameters { ValidateIssuer = false
        """,
        new DiagnosticResult("SSA3005", DiagnosticSeverity.Warning).WithSpan(14, 49, 14, 71).WithArguments("ValidateIssuer = false"));

    [Fact]
    public Task Fix_turns_the_flags_back_on() => V.CodeFixAsync<EnableTokenValidationCodeFix>(Usings + """
        class Setup
        {
            TokenValidationParameters Create() => new TokenValidationParameters
            {
                {|SSA3004:RequireSignedTokens = false|},
                {|SSA3005:ValidateIssuer = false|},
                {|SSA3005:ValidateLifetime = false|}, // was off for local testing
            };
        }
        """, Usings + """
        class Setup
        {
            TokenValidationParameters Create() => new TokenValidationParameters
            {
                RequireSignedTokens = true,
                ValidateIssuer = true,
                ValidateLifetime = true, // was off for local testing
            };
        }
        """);
}
