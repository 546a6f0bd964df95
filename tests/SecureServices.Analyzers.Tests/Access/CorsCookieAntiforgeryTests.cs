using System.Threading.Tasks;
using SecureServices.Analyzers.CodeFixes.Access;
using Xunit;
using Cors = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Access.CorsPolicyAnalyzer>;
using Cookie = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Access.InsecureCookieAnalyzer>;
using Csrf = SecureServices.Analyzers.Tests.Access.AccessVerifier<SecureServices.Analyzers.Rules.Access.AntiforgeryDisabledAnalyzer>;

namespace SecureServices.Analyzers.Tests.Access;

public sealed class CorsCookieAntiforgeryTests
{
    private const string Usings = """
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Cors.Infrastructure;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        """;

    [Fact]
    public Task Any_origin_with_credentials_is_reported() => Cors.AnalyzerAsync(Usings + """
        class Setup
        {
            void Configure(IServiceCollection services) => services.AddCors(o =>
            {
                o.AddPolicy("spa", p => p.{|SSA3006:SetIsOriginAllowed|}(_ => true).AllowAnyHeader().AllowCredentials());
                o.AddPolicy("b", p => p.AllowCredentials().{|SSA3006:SetIsOriginAllowed|}(origin => { return true; }));
                o.AddPolicy("c", p =>
                {
                    p.{|SSA3006:SetIsOriginAllowed|}(delegate (string origin) { return (true); });
                    p.AllowAnyMethod();
                    p.AllowCredentials();
                });
                o.AddPolicy("d", p => p.WithOrigins({|SSA3006:"*"|}).AllowAnyHeader());
                o.AddPolicy("e", p => p.WithOrigins("https://app.example.org", {|SSA3006:"null"|}));
            });
        }
        """);

    [Fact]
    public Task Checked_origins_or_no_credentials_are_not_reported() => Cors.AnalyzerAsync(Usings + """
        class Setup
        {
            void Configure(IServiceCollection services, string[] allowed) => services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.SetIsOriginAllowed(origin => new Uri(origin).Host.EndsWith(".example.org")).AllowCredentials());
                o.AddPolicy("b", p => p.SetIsOriginAllowed(_ => true));
                o.AddPolicy("c", p => p.WithOrigins("https://app.example.org").AllowCredentials());
                o.AddPolicy("d", p => p.WithOrigins(allowed).AllowCredentials());
                o.AddPolicy("e", p => p.AllowAnyOrigin().AllowAnyHeader());
                o.AddPolicy("f", p => p.SetIsOriginAllowed(_ => true));
                o.AddPolicy("g", q => q.AllowCredentials());
            });
        }
        """);

    [Fact]
    public Task Allow_any_origin_is_reported_when_the_app_uses_cookie_authentication() => Cors.AnalyzerAsync(Usings + """
        class Setup
        {
            void Configure(IServiceCollection services)
            {
                services.AddAuthentication().AddCookie();
                services.AddCors(o => o.AddDefaultPolicy(p => p.{|SSA3006:AllowAnyOrigin|}().AllowAnyMethod()));
            }
        }
        """);

    [Fact]
    public Task Half_typed_cors_does_not_throw() => Cors.BrokenCodeAsync(Usings + """
        class Setup
        {
            void Configure(IServiceCollection services) => services.AddCors(o => o.AddPolicy("a", p => p.SetIsOriginAllowed(_ => ).AllowCredentials(
        """);

    [Fact]
    public Task Insecure_cookie_settings_are_reported() => Cookie.AnalyzerAsync(Usings + """
        class Setup
        {
            void Configure(IServiceCollection services, HttpResponse response)
            {
                services.AddAuthentication().AddCookie(o =>
                {
                    {|SSA3007:o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest|};
                    {|SSA3007:o.Cookie.HttpOnly = false|};
                });
                services.AddSession(o => {|SSA3007:o.Cookie.SecurePolicy = CookieSecurePolicy.None|});
                response.Cookies.Append("session-id", "v", new CookieOptions { {|SSA3007:Secure = false|}, {|SSA3007:HttpOnly = false|} });
                response.Cookies.Append("refresh_token", "v", new CookieOptions { Secure = true, SameSite = SameSiteMode.None, HttpOnly = true, Domain = null });
                var options = new CookieOptions { {|SSA3007:SameSite = SameSiteMode.None|} };
            }
        }
        """);

    [Fact]
    public Task Secure_cookies_and_script_readable_preference_cookies_are_not_reported() => Cookie.AnalyzerAsync(Usings + """
        class Setup
        {
            void Configure(IServiceCollection services, HttpResponse response)
            {
                services.AddAuthentication().AddCookie(o =>
                {
                    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                    o.Cookie.HttpOnly = true;
                    o.Cookie.SameSite = SameSiteMode.Strict;
                });
                response.Cookies.Append("theme", "dark", new CookieOptions { HttpOnly = false, Secure = true });
                response.Cookies.Append("XSRF-TOKEN-hint", "x", new CookieOptions { Secure = true, SameSite = SameSiteMode.None });
                var o2 = new CookieOptions();
                o2.SameSite = SameSiteMode.None;
                o2.Secure = true;
                var unrelated = new { Secure = false, HttpOnly = false };
            }
        }
        """);

    [Fact]
    public Task Half_typed_cookie_does_not_throw() => Cookie.BrokenCodeAsync(Usings + """
        class Setup
        {
            void Configure(HttpResponse response)
            {
                var o = new CookieOptions { Secure = , HttpOnly
                o.SameSite = 
        """);

    [Fact]
    public Task Cookie_fix_sets_the_secure_values() => Cookie.CodeFixAsync<SecureCookieCodeFix>(Usings + """
        class Setup
        {
            void Configure(IServiceCollection services, HttpResponse response)
            {
                services.AddSession(o => {|SSA3007:o.Cookie.SecurePolicy = CookieSecurePolicy.None|});
                response.Cookies.Append("sid", "v", new CookieOptions { {|SSA3007:Secure = false|}, {|SSA3007:HttpOnly = false|} });
                response.Cookies.Append("auth", "v", new CookieOptions
                {
                    {|SSA3007:SameSite = SameSiteMode.None|},
                    HttpOnly = true,
                });
            }
        }
        """, Usings + """
        class Setup
        {
            void Configure(IServiceCollection services, HttpResponse response)
            {
                services.AddSession(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
                response.Cookies.Append("sid", "v", new CookieOptions { Secure = true, HttpOnly = true });
                response.Cookies.Append("auth", "v", new CookieOptions
                {
                    SameSite = SameSiteMode.None,
                    Secure = true,
                    HttpOnly = true,
                });
            }
        }
        """);

    private static (string, string) Program(string body) => ("/src/Program.cs", Usings + "using Microsoft.AspNetCore.Authorization;\n" + body);

    [Fact]
    public Task Antiforgery_off_on_cookie_authenticated_state_changing_endpoints_is_reported() => Csrf.AppAsync(
        Program("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddCookie();
            var app = builder.Build();
            app.MapPost("/profile/avatar", (IFormFile file) => Results.Ok()).{|SSA3008:DisableAntiforgery|}();
            app.MapPost("/profile/name", ([FromForm] string name) => Results.Ok()).WithName("n").{|SSA3008:DisableAntiforgery|}();
            app.MapPost("/api/orders", (string json) => Results.Ok()).DisableAntiforgery();
            app.MapGet("/profile", () => "p").DisableAntiforgery();
            app.Run();
            """),
        ("/src/Controllers/ProfileController.cs", Usings + """
            public class ProfileController : Controller
            {
                [HttpPost]
                [{|SSA3008:IgnoreAntiforgeryToken|}]
                public IActionResult Save(string name) => Ok();

                [HttpGet]
                [IgnoreAntiforgeryToken]
                public IActionResult Show() => Ok();
            }

            [{|SSA3008:IgnoreAntiforgeryToken|}]
            public class ContactModel : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
            {
                public void OnGet() { }
                public void OnPost() { }
            }
            """));

    [Fact]
    public Task Antiforgery_off_is_fine_without_cookie_authentication() => Csrf.AppAsync(
        Program("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer();
            var app = builder.Build();
            app.MapPost("/upload", (IFormFile file) => Results.Ok()).DisableAntiforgery();
            app.Run();

            [IgnoreAntiforgeryToken]
            public class ApiController : ControllerBase
            {
                [HttpPost("/api/x")]
                public IActionResult Post() => Ok();
            }
            """));

    [Fact]
    public Task Half_typed_antiforgery_code_does_not_throw() => Csrf.BrokenAppAsync(
        Program("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddCookie(
            var app = builder.Build();
            app.MapPost("/x", (IFormFile ) => ).DisableAntiforgery(
            app.MapPost().DisableAntiforgery();
            .DisableAntiforgery();
            """),
        ("/src/Controllers/X.cs", Usings + """
            public class XController : Controller
            {
                [HttpPost, IgnoreAntiforgeryToken(
                public IActionResult
            }
            [IgnoreAntiforgeryToken] class
            """));
}
