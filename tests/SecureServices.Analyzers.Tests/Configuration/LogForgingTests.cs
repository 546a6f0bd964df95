using System.Threading.Tasks;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Configuration.LogForgingAnalyzer>;

namespace SecureServices.Analyzers.Tests.Configuration;

public sealed class LogForgingTests
{
    [Fact]
    public Task Request_data_and_handler_parameters_written_to_console_trace_and_debug_are_reported() => V.AnalyzerAsync("""
        using System;
        using System.Diagnostics;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        static class Endpoints
        {
            static void Map(WebApplication app)
            {
                app.MapGet("/login", (string user, HttpContext context) =>
                {
                    Console.WriteLine($"Login attempt for {{|SSA6006:user|}}");
                    var agent = "agent=" + {|SSA6006:context.Request.Headers|}.UserAgent;
                    Trace.TraceWarning(agent);
                    Console.Error.WriteLine(string.Format("query {0}", {|SSA6006:context.Request.Query|}["q"]));
                    return Results.Ok();
                });
                app.MapPost("/orders", async (HttpRequest request) =>
                {
                    await Task.Yield();
                    Debug.WriteLine("Order from " + {|SSA6006:request.Path|});
                });
            }
        }

        public class AccountController : ControllerBase
        {
            public IActionResult Reset(string email)
            {
                var line = $"Reset requested for {{|SSA6006:email|}}".ToUpperInvariant();
                Console.Out.WriteLine(line);
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Sanitised_structured_non_text_and_non_request_values_are_not_reported() => V.AnalyzerAsync("""
        using System;
        using System.Diagnostics;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        static class Endpoints
        {
            static void Map(WebApplication app, string configured)
            {
                app.MapGet("/login", (string user, int id, [FromServices] ILogger<App> logger, HttpContext context) =>
                {
                    logger.LogInformation("Login attempt for {User}", user);
                    Console.WriteLine($"Login attempt for {user.Replace("\n", "").Replace("\r", "")}");
                    Console.WriteLine("Login " + user.ReplaceLineEndings(" "));
                    Console.WriteLine($"Order {id}");
                    Console.WriteLine($"Query has {context.Request.Query.Count} keys, user agent present: {context.Request.Headers.ContainsKey("User-Agent")}");
                    Console.WriteLine("Configured: " + configured);
                    Console.WriteLine("Name: " + Sanitize(user));
                    Console.WriteLine(user == "admin");
                    Trace.WriteLine(string.IsNullOrEmpty(user) ? "anonymous" : "known user");
                    var length = user.Length;
                    Console.WriteLine(length);
                    return Results.Ok();
                });
            }

            static string Sanitize(string value) => value.Replace(Environment.NewLine, " ");
        }

        public class App { }

        public class AccountController : ControllerBase
        {
            public IActionResult Reset([FromServices] ILogger<App> logger, string email)
            {
                logger.LogWarning("Reset requested for {Email}", email);
                return Ok();
            }

            private void Helper(string email) => Console.WriteLine(email);
        }
        """);

    [Fact]
    public Task Half_typed_code_does_not_throw() => V.BrokenCodeAsync("""
        using System;
        using Microsoft.AspNetCore.Builder;
        static class E
        {
            static void Map(WebApplication app)
            {
                app.MapGet("/x", (string user) => { Console.WriteLine("u " + {|SSA6006:user|}); Console.WriteLine(user. });
                app.MapGet("/y", (string q) => Console.WriteLine(
            }
        """);
}
