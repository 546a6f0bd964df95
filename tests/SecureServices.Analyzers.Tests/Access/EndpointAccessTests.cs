using System.Threading.Tasks;
using SecureServices.Analyzers.Rules.Access;
using Xunit;
using V = SecureServices.Analyzers.Tests.Access.AccessVerifier<SecureServices.Analyzers.Rules.Access.EndpointAccessAnalyzer>;

namespace SecureServices.Analyzers.Tests.Access;

public sealed class EndpointAccessTests
{
    internal const string Usings = """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.DependencyInjection;

        """;

    private static (string, string) Program(string body) => ("/src/Program.cs", Usings + body);

    private static (string, string) File(string path, string body) => (path, Usings + body);

    [Fact]
    public Task Minimal_api_with_fallback_policy_reports_nothing() => V.AppAsync(Program("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        var app = builder.Build();
        app.MapGet("/orders", () => "all");
        app.MapPost("/orders", (string o) => Results.Created("/orders/1", o));
        app.MapGroup("/admin").MapDelete("/cache", () => Results.NoContent());
        app.Run();
        """));

    [Fact]
    public Task Authorization_builder_fallback_policy_reports_nothing() => V.AppAsync(Program("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        var app = builder.Build();
        app.MapGet("/orders", () => "all");
        app.Run();
        """));

    [Fact]
    public Task Fallback_policy_set_to_null_protects_nothing() => V.AppAsync(Program("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization(o => o.FallbackPolicy = null);
        var app = builder.Build();
        app.{|SSA3001:MapGet|}("/orders", () => "all");
        app.Run();
        """));

    [Fact]
    public Task Groups_with_one_unprotected_endpoint_report_exactly_that_one() => V.AppAsync(Program("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization();
        var app = builder.Build();

        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapGet("/orders", () => "all");
        var admin = api.MapGroup("/admin");
        admin.MapDelete("/orders/{id}", (int id) => Results.NoContent());

        var reports = app.MapGroup("/reports");
        reports.RequireAuthorization("reporting");
        reports.MapGet("/daily", () => "daily");

        var open = app.MapGroup("/v2").WithTags("v2");
        open.{|SSA3001:MapGet|}("/orders", () => "all");
        open.MapGet("/status", () => "ok").RequireAuthorization();
        var single = open.MapPut("/orders/{id}", (int id) => Results.NoContent());
        single.RequireAuthorization();
        app.Run();
        """));

    [Fact]
    public Task Endpoint_level_attributes_and_metadata_protect() => V.AppAsync(Program("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/a", [Authorize] () => "a");
        app.MapGet("/b", Handlers.Get);
        app.MapGet("/c", () => "c").WithMetadata(new AuthorizeAttribute("admin"));
        app.MapGet("/d", () => "d").WithName("d").RequireAuthorization();
        app.{|SSA3001:MapGet|}("/e", Handlers.Open);
        app.Run();

        static class Handlers
        {
            [Authorize]
            public static string Get() => "b";

            public static string Open() => "e";
        }
        """));

    [Fact]
    public Task Message_names_the_verb_and_the_full_route() => V.AppWithResultsAsync(new[] { Program("""
        var app = WebApplication.CreateBuilder(args).Build();
        var v1 = app.MapGroup("/api").MapGroup("v1/");
        v1.{|#0:MapPatch|}("orders/{id}", (int id) => id);
        app.Run();
        """) }, new Microsoft.CodeAnalysis.Testing.DiagnosticResult("SSA3001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments("PATCH /api/v1/orders/{id}"));

    [Fact]
    public Task Endpoints_mapped_in_another_file_through_a_protected_group_are_not_reported() => V.AppAsync(
        Program("""
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGroup("/orders").RequireAuthorization().MapOrders();
            app.MapGroup("/public").MapCatalog();
            app.Run();
            """),
        File("/src/Endpoints/OrderEndpoints.cs", """
            public static class OrderEndpoints
            {
                public static RouteGroupBuilder MapOrders(this RouteGroupBuilder group)
                {
                    group.MapGet("/", () => "orders");
                    group.MapPost("/", (string order) => Results.Accepted());
                    return group;
                }

                public static RouteGroupBuilder MapCatalog(this RouteGroupBuilder group)
                {
                    group.{|SSA3001:MapGet|}("/items", () => "items");
                    return group;
                }

                // Never called in this compilation (another assembly may call it): the model cannot tell.
                public static IEndpointRouteBuilder MapUnused(this IEndpointRouteBuilder routes)
                {
                    routes.MapGet("/unused", () => "unused");
                    return routes;
                }
            }
            """));

    [Fact]
    public Task A_module_called_from_two_places_is_reported_when_one_of_them_is_open() => V.AppAsync(
        Program("""
            var app = WebApplication.CreateBuilder(args).Build();
            Module.Map(app.MapGroup("/secure").RequireAuthorization());
            Module.Map(app.MapGroup("/open"));
            app.Run();
            """),
        File("/src/Module.cs", """
            public static class Module
            {
                public static void Map(IEndpointRouteBuilder routes) => routes.{|SSA3001:MapGet|}("/x", () => "x");
            }
            """));

    [Fact]
    public Task Health_checks_probes_and_configured_anonymous_paths_are_public_on_purpose() => V.AppAsync(
        "secureservices.anonymous_endpoints = /metrics, /public/*\n",
        Program("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/healthz");
            app.MapGet("/metrics", () => "m");
            app.MapGet("/public/terms", () => "t");
            app.MapGroup("/public").MapGet("/privacy", () => "p");
            app.{|SSA3001:MapGet|}("/metricsx", () => "not a prefix match");
            app.{|SSA3001:MapGet|}("/health", () => "not in the list once the option is set");
            app.MapFallbackToFile("index.html");
            app.Run();
            """));

    [Fact]
    public Task Default_probe_paths_are_public_without_configuration() => V.AppAsync(Program("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/health", () => "ok");
        app.MapGet("/ready", () => "ok");
        app.MapGet("/health/live", () => "ok");
        app.{|SSA3001:MapGet|}("/healthcare", () => "no");
        app.MapPost("/account/login", (string user) => Results.Ok());
        app.MapPost("/connect/token", (string user) => Results.Ok());
        app.{|SSA3001:MapPost|}("/authors", (string user) => Results.Ok());
        app.Run();
        """));

    [Fact]
    public Task Allow_anonymous_endpoints_are_not_reported_as_unprotected() => V.AppAsync(Program("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/catalog", () => "c").AllowAnonymous();
        app.MapGet("/about", [AllowAnonymous] () => "a");
        app.MapGet("/login", () => "form").AllowAnonymous();
        app.Run();
        """));

    [Fact]
    public Task Fallback_handler_hub_and_grpc_service_are_endpoints_too() => V.AppAsync(
        Program("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR();
            builder.Services.AddGrpc();
            var app = builder.Build();
            app.{|SSA3001:MapHub|}<ChatHub>("/chat");
            app.MapHub<AdminHub>("/admin");
            app.MapHub<ChatHub>("/chat2").RequireAuthorization();
            app.{|SSA3001:MapGrpcService|}<Greeter>();
            app.MapGrpcService<SecureGreeter>();
            app.MapGrpcService<MethodsGreeter>();
            app.{|SSA3001:MapFallback|}(() => "fallback");
            app.Run();
            """),
        File("/src/Services.cs", """
            public class ChatHub : Microsoft.AspNetCore.SignalR.Hub { }

            [Authorize]
            public class SecureHubBase : Microsoft.AspNetCore.SignalR.Hub { }

            public class AdminHub : SecureHubBase { }

            public class Greeter { }

            [Authorize(Roles = "svc")]
            public class SecureGreeter { }

            public abstract class GreeterBase
            {
                public virtual Task<string> SayHello(string name) => Task.FromResult(name);
            }

            public class MethodsGreeter : GreeterBase
            {
                [Authorize]
                public override Task<string> SayHello(string name) => Task.FromResult("hi " + name);
            }
            """));

    private const string ControllerApp = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        var app = builder.Build();
        app.MapControllers();
        app.Run();
        """;

    [Fact]
    public Task Unprotected_controller_actions_are_reported() => V.AppAsync(
        Program(ControllerApp),
        File("/src/Controllers/OrdersController.cs", """
            [ApiController]
            [Route("api/[controller]")]
            public class OrdersController : ControllerBase
            {
                [HttpGet("{id}")]
                public IActionResult {|SSA3001:Get|}(int id) => Ok(id);

                [HttpPost]
                [Authorize]
                public IActionResult Create(string order) => Ok();

                [NonAction]
                public void Helper() { }

                private void Hidden() { }

                public static void Static() { }
            }
            """));

    [Fact]
    public Task Controllers_with_a_global_authorize_filter_report_nothing() => V.AppAsync(
        Program("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));
            var app = builder.Build();
            app.MapControllers();
            app.Run();
            """),
        File("/src/Controllers/OrdersController.cs", """
            [Route("api/orders")]
            public class OrdersController : ControllerBase
            {
                [HttpGet]
                public IActionResult Get() => Ok();

                [HttpDelete("{id}")]
                public IActionResult Delete(int id) => NoContent();
            }
            """));

    [Fact]
    public Task Map_controllers_require_authorization_protects_every_action() => V.AppAsync(
        Program("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.MapControllers().RequireAuthorization();
            app.Run();
            """),
        File("/src/Controllers/OrdersController.cs", """
            public class OrdersController : ControllerBase
            {
                [HttpGet("/orders")]
                public IActionResult Get() => Ok();
            }
            """));

    [Fact]
    public Task Base_controller_authorize_is_inherited_and_anonymous_post_is_rule_two_only() => V.AppAsync(
        Program(ControllerApp),
        File("/src/Controllers/SecureControllerBase.cs", """
            [Authorize]
            [ApiController]
            public abstract class SecureControllerBase : ControllerBase { }
            """),
        File("/src/Controllers/OrdersController.cs", """
            [Route("api/orders")]
            public class OrdersController : SecureControllerBase
            {
                [HttpGet]
                public IActionResult List() => Ok();

                [HttpPost("{id}/refund")]
                [{|SSA3002:AllowAnonymous|}]
                public IActionResult Refund(int id) => Ok();

                [HttpGet("catalog")]
                [AllowAnonymous]
                public IActionResult Catalog() => Ok();
            }
            """));

    [Fact]
    public Task Anonymous_state_changing_minimal_endpoints_are_reported_but_not_sign_in() => V.AppAsync(Program("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapPost("/orders", (string o) => Results.Ok()).{|SSA3002:AllowAnonymous|}();
        app.MapDelete("/orders/{id}", [{|SSA3002:AllowAnonymous|}] (int id) => Results.NoContent());
        app.MapMethods("/orders/{id}", new[] { "PATCH" }, (int id) => Results.Ok()).{|SSA3002:AllowAnonymous|}();
        var open = app.MapGroup("/open").{|SSA3002:AllowAnonymous|}();
        open.MapPut("/a", () => Results.Ok());
        open.MapPut("/b", () => Results.Ok());
        app.MapPost("/account/login", (string user) => Results.Ok()).AllowAnonymous();
        app.MapPost("/connect/token", (string user) => Results.Ok()).AllowAnonymous();
        app.MapPost("/sign-in", (string user) => Results.Ok()).AllowAnonymous();
        app.MapGet("/login", () => "form").AllowAnonymous();
        app.Run();
        """));

    [Fact]
    public Task Anonymous_controller_with_a_post_is_reported_on_the_class_attribute() => V.AppAsync(
        Program(ControllerApp),
        File("/src/Controllers/FeedbackController.cs", """
            [{|SSA3002:AllowAnonymous|}]
            [Route("feedback")]
            public class FeedbackController : ControllerBase
            {
                [HttpGet]
                public IActionResult Get() => Ok();

                [HttpPost]
                public IActionResult Post(string text) => Ok();

                [HttpPut]
                public IActionResult Put(string text) => Ok();
            }
            """),
        File("/src/Controllers/AccountController.cs", """
            [Route("account")]
            [Authorize]
            public class AccountController : ControllerBase
            {
                [HttpPost("login")]
                [AllowAnonymous]
                public IActionResult Login(string user) => Ok();

                [AcceptVerbs("POST")]
                [AllowAnonymous]
                public IActionResult Register(string user) => Ok();
            }
            """));

    [Fact]
    public Task Controllers_are_not_reported_without_an_app_that_maps_them() => V.AppAsync(
        File("/src/Controllers/OrdersController.cs", """
            public class OrdersController : ControllerBase
            {
                [HttpGet("/orders")]
                public IActionResult Get() => Ok();
            }
            """));

    [Fact]
    public Task Razor_pages_conventions_and_attributes() => V.AppAsync(
        Program("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Admin");
                o.Conventions.AuthorizePage("/Account/Profile");
            });
            var app = builder.Build();
            app.MapRazorPages();
            app.Run();
            """),
        File("/src/Pages/Admin/Index.cshtml.cs", """
            public class AdminIndexModel : Microsoft.AspNetCore.Mvc.RazorPages.PageModel { public void OnGet() { } }
            """),
        File("/src/Pages/Account/Profile.cshtml.cs", """
            public class ProfileModel : Microsoft.AspNetCore.Mvc.RazorPages.PageModel { public void OnGet() { } }
            """),
        File("/src/Pages/Account/Settings.cshtml.cs", """
            [Authorize]
            public class SettingsModel : Microsoft.AspNetCore.Mvc.RazorPages.PageModel { public void OnGet() { } }
            """),
        File("/src/Pages/Orders.cshtml.cs", """
            public class {|SSA3001:OrdersModel|} : Microsoft.AspNetCore.Mvc.RazorPages.PageModel { public void OnGet() { } }
            """));

    [Fact]
    public Task Use_endpoints_lambda_routes_are_the_app() => V.AppAsync(
        File("/src/Startup.cs", """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthentication();
                    app.UseAuthorization();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.{|SSA3001:MapGet|}("/orders", () => "all");
                        endpoints.MapGet("/secure", () => "s").RequireAuthorization();
                    });
                }
            }
            """));

    [Fact]
    public Task Authorization_before_authentication_or_routing_is_reported() => V.AppAsync(
        File("/src/Startup.cs", """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.{|SSA3003:UseAuthorization|}();
                    app.UseAuthentication();
                    app.UseRouting();
                    app.UseEndpoints(e => e.MapGet("/x", () => "x").RequireAuthorization());
                }

                public void ConfigureRouting(IApplicationBuilder app)
                {
                    app.UseAuthentication();
                    app.{|SSA3003:UseAuthorization|}();
                    app.UseRouting();
                }

                public void ConfigureGood(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthentication();
                    app.UseAuthorization();
                    app.UseEndpoints(e => { });
                }
            }
            """));

    [Fact]
    public Task Missing_use_authentication_is_reported_only_for_an_application_builder_pipeline() => V.AppAsync(
        File("/src/Startup.cs", """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddAuthentication("Bearer");
                    services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.{|SSA3003:UseAuthorization|}();
                    app.UseEndpoints(e => e.MapGet("/x", () => "x"));
                }
            }
            """));

    [Fact]
    public Task Web_application_adds_authentication_itself() => V.AppAsync(Program("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication("Bearer");
        builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        var app = builder.Build();
        app.UseAuthorization();
        app.MapGet("/x", () => "x");
        app.Run();
        """));

    [Fact]
    public Task Half_typed_app_does_not_throw() => V.BrokenAppAsync(
        Program("""
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet(
            app.MapPost("/x", ).RequireAuthorization(
            app.MapGroup().MapGet("/y", () => "y");
            var g = app.MapGroup(prefix);
            g.MapGet("/z", () => "z");
            app.MapHub<>("/h");
            app.UseAuthorization(
            """),
        File("/src/Controllers/X.cs", """
            [Route("x")]
            public class XController : ControllerBase
            {
                [HttpPost]
                [AllowAnonymous
                public IActionResult 
            }
            """));
}
