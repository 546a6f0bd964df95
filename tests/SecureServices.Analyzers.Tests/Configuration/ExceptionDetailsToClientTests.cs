using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Configuration.ExceptionDetailsToClientAnalyzer>;

namespace SecureServices.Analyzers.Tests.Configuration;

public sealed class ExceptionDetailsToClientTests
{
    private static DiagnosticResult Details(int location) => new DiagnosticResult("SSA6002", DiagnosticSeverity.Warning).WithLocation(location);

    private static DiagnosticResult Message(int location) => new DiagnosticResult("SSA6003", DiagnosticSeverity.Info).WithLocation(location);

    [Fact]
    public Task Minimal_api_results_problem_details_and_response_writes_are_reported() => V.AnalyzerAsync("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Diagnostics;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        static class Endpoints
        {
            static void Map(WebApplication app)
            {
                app.MapGet("/a", () =>
                {
                    try { return Results.Ok(); }
                    catch (Exception ex) { return Results.Problem({|#0:ex.ToString()|}); }
                });
                app.MapGet("/b", () =>
                {
                    try { return Results.Ok(); }
                    catch (InvalidOperationException ex) { return Results.BadRequest(new { error = {|#1:ex.Message|}, trace = {|#2:ex.StackTrace|} }); }
                });
                app.MapGet("/c", () =>
                {
                    try { return "ok"; }
                    catch (Exception ex) { return $"failed: {{|#3:ex|}}"; }
                });
                app.Run(async context =>
                {
                    var feature = context.Features.Get<IExceptionHandlerFeature>();
                    var detail = "Error: " + {|#4:feature?.Error.StackTrace|};
                    await context.Response.WriteAsync(detail);
                });
            }

            static IResult Handle(Exception ex, HttpContext context)
            {
                var problem = new ProblemDetails { Title = "Server error", Detail = {|#5:ex.InnerException?.ToString()|} };
                problem.Extensions["exception"] = {|#6:ex|};
                return Results.Json(problem, statusCode: 500);
            }

            static async Task WriteAsync(HttpContext context, Exception ex)
                => await context.Response.WriteAsJsonAsync(new { message = {|#7:ex.Message|} });
        }
        """,
        Details(0),
        Message(1),
        Details(2),
        Details(3),
        Details(4),
        Details(5),
        Details(6),
        Message(7));

    [Fact]
    public Task Controller_helpers_object_results_and_returned_values_are_reported() => V.AnalyzerAsync("""
        using System;
        using Microsoft.AspNetCore.Mvc;

        public class OrdersController : ControllerBase
        {
            public IActionResult Get()
            {
                try { return Ok(); }
                catch (Exception ex) { return StatusCode(500, {|#0:ex.ToString()|}); }
            }

            public IActionResult Post()
            {
                try { return Ok(); }
                catch (Exception ex) { return new ObjectResult({|#1:ex|}) { StatusCode = 500 }; }
            }

            public ActionResult<string> Put()
            {
                try { return "ok"; }
                catch (Exception ex) { return {|#2:ex.Message|}; }
            }

            public IActionResult Delete()
            {
                try { return Ok(); }
                catch (Exception ex) { return Problem(detail: {|#3:ex.GetBaseException().Message|}); }
            }
        }
        """,
        Details(0),
        Details(1),
        Message(2),
        Message(3));

    [Fact]
    public Task Logging_type_names_guarded_details_and_derived_values_are_not_reported() => V.AnalyzerAsync("""
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Hosting;
        using Microsoft.Extensions.Logging;

        public class OrdersController : ControllerBase
        {
            private readonly ILogger<OrdersController> logger;
            private readonly IWebHostEnvironment env;

            public OrdersController(ILogger<OrdersController> logger, IWebHostEnvironment env) { this.logger = logger; this.env = env; }

            public IActionResult Get()
            {
                try { return Ok(); }
                catch (TimeoutException ex)
                {
                    logger.LogError(ex, "Order lookup failed: {Message}", ex.Message);
                    return Problem(ex.Message.Contains("deadlock") ? "Busy, retry later" : "Unexpected error");
                }
                catch (Exception ex)
                {
                    var text = ex.ToString();
                    logger.LogError(text);
                    return Problem(title: ex.GetType().Name, detail: env.IsDevelopment() ? ex.ToString() : null, statusCode: ex.StackTrace?.Length > 0 ? 500 : 503);
                }
            }

            public IActionResult Details()
            {
                try { return Ok(); }
                catch (Exception ex)
                {
                    if (env.IsDevelopment())
                    {
                        return BadRequest(ex.ToString());
                    }

                    return Problem("Something went wrong; quote the trace id " + HttpContext.TraceIdentifier);
                }
            }

            private string Describe(Exception ex) => ex.ToString();
        }
        """);

    [Fact]
    public Task Half_typed_code_does_not_throw() => V.BrokenCodeAsync("""
        using System;
        using Microsoft.AspNetCore.Http;
        class C
        {
            IResult M()
            {
                try { return Results.Ok(); }
                catch (Exception ex) { return Results.Problem(ex. }
                catch { return Results.Problem(
            }
        """);
}
