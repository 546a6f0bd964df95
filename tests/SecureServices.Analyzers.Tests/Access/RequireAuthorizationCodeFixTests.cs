using System.Threading.Tasks;
using SecureServices.Analyzers.CodeFixes.Access;
using Xunit;
using V = SecureServices.Analyzers.Tests.Access.AccessVerifier<SecureServices.Analyzers.Rules.Access.EndpointAccessAnalyzer>;

namespace SecureServices.Analyzers.Tests.Access;

public sealed class RequireAuthorizationCodeFixTests
{
    private const string Header = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        """;

    [Fact]
    public Task Appends_require_authorization_to_each_endpoint() => V.FixAsync<RequireAuthorizationCodeFix>(
        new[]
        {
            ("/src/Program.cs", Header + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.{|SSA3001:MapGet|}("/orders", () => "all");
                app.{|SSA3001:MapPost|}("/orders", (string o) => Results.Ok())
                    .WithName("create");
                var g = app.MapGroup("/v1");
                g.{|SSA3001:MapDelete|}("/orders/{id}", (int id) => Results.NoContent()); // remove
                app.Run();
                """),
        },
        new[]
        {
            ("/src/Program.cs", Header + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/orders", () => "all").RequireAuthorization();
                app.MapPost("/orders", (string o) => Results.Ok()).RequireAuthorization()
                    .WithName("create");
                var g = app.MapGroup("/v1");
                g.MapDelete("/orders/{id}", (int id) => Results.NoContent()).RequireAuthorization(); // remove
                app.Run();
                """),
        });

    private const string ControllerProgram = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        var app = builder.Build();
        app.MapControllers();
        app.Run();
        """;

    [Fact]
    public Task Adds_authorize_once_to_the_controller_with_its_using() => V.FixAsync<RequireAuthorizationCodeFix>(
        new[]
        {
            ("/src/Program.cs", ControllerProgram),
            ("/src/Controllers/OrdersController.cs", """
                using Microsoft.AspNetCore.Mvc;

                namespace Shop.Controllers
                {
                    [ApiController]
                    [Route("api/orders")]
                    public class OrdersController : ControllerBase
                    {
                        [HttpGet]
                        public IActionResult {|SSA3001:List|}() => Ok();

                        [HttpDelete("{id}")]
                        public IActionResult {|SSA3001:Delete|}(int id) => NoContent();
                    }
                }
                """),
        },
        new[]
        {
            ("/src/Program.cs", ControllerProgram),
            ("/src/Controllers/OrdersController.cs", """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;

                namespace Shop.Controllers
                {
                    [Authorize]
                    [ApiController]
                    [Route("api/orders")]
                    public class OrdersController : ControllerBase
                    {
                        [HttpGet]
                        public IActionResult List() => Ok();

                        [HttpDelete("{id}")]
                        public IActionResult Delete(int id) => NoContent();
                    }
                }
                """),
        });

    [Fact]
    public Task Adds_authorize_without_a_duplicate_using_to_a_class_without_attributes() => V.FixAsync<RequireAuthorizationCodeFix>(
        new[]
        {
            ("/src/Program.cs", ControllerProgram),
            ("/src/Controllers/PingController.cs", """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;

                public class PingController : ControllerBase
                {
                    [HttpGet("/ping")]
                    public string {|SSA3001:Ping|}() => "pong";
                }
                """),
        },
        new[]
        {
            ("/src/Program.cs", ControllerProgram),
            ("/src/Controllers/PingController.cs", """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;

                [Authorize]
                public class PingController : ControllerBase
                {
                    [HttpGet("/ping")]
                    public string Ping() => "pong";
                }
                """),
        });
}
