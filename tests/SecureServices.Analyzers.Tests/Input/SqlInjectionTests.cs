using System.Threading.Tasks;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Input.InjectionAnalyzer>;

namespace SecureServices.Analyzers.Tests.Input;

public sealed class SqlInjectionTests
{
    internal const string Model = """

        public sealed class Order { public int Id { get; set; } public string Name { get; set; } = ""; }
        public sealed class ShopDb : Microsoft.EntityFrameworkCore.DbContext
        {
            public Microsoft.EntityFrameworkCore.DbSet<Order> Orders => Set<Order>();
        }
        """;

    [Fact]
    public Task Minimal_api_parameter_into_FromSqlRaw_and_ExecuteSqlRaw_is_reported() => V.AnalyzerAsync("""
        using System.Linq;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.EntityFrameworkCore;

        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/orders", (string name, ShopDb db) =>
                    db.Orders.FromSqlRaw({|SSA4001:$"SELECT * FROM Orders WHERE Name = '{name}'"|}).ToList());
                app.MapDelete("/orders/{name}", (string name, ShopDb db) =>
                    db.Database.ExecuteSqlRaw({|SSA4001:"DELETE FROM Orders WHERE Name = '" + name + "'"|}));
            }
        }
        """ + Model);

    [Fact]
    public Task Parameterised_and_interpolated_apis_are_not_reported() => V.AnalyzerAsync("""
        using System;
        using System.Linq;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.EntityFrameworkCore;

        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/a", (string name, ShopDb db) => db.Orders.FromSql($"SELECT * FROM Orders WHERE Name = {name}").ToList());
                app.MapGet("/b", (string name, ShopDb db) => db.Orders.FromSqlInterpolated($"SELECT * FROM Orders WHERE Name = {name}").ToList());
                app.MapGet("/c", (string name, ShopDb db) => db.Orders.FromSqlRaw("SELECT * FROM Orders WHERE Name = {0}", name).ToList());
                app.MapGet("/d", (string name, ShopDb db) => db.Database.ExecuteSql($"DELETE FROM Orders WHERE Name = {name}"));
                app.MapGet("/e", (string id, ShopDb db) => db.Orders.FromSqlRaw($"SELECT * FROM Orders WHERE Id = {int.Parse(id)}").ToList());
                app.MapGet("/f", (int id, ShopDb db) => db.Orders.FromSqlRaw($"SELECT * FROM Orders WHERE Id = {id}").ToList());
                app.MapGet("/g", (Guid id, ShopDb db) => db.Orders.FromSqlRaw("SELECT * FROM Orders WHERE Key = '" + id + "'").ToList());
            }
        }
        """ + Model);

    [Fact]
    public Task Controller_action_through_locals_StringBuilder_and_CommandText_is_reported() => V.AnalyzerAsync("""
        using System.Text;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Data.SqlClient;

        [ApiController]
        public sealed class OrdersController : ControllerBase
        {
            [HttpGet("orders")]
            public IActionResult Search([FromQuery] string customer, string sort, SqlConnection connection)
            {
                var filter = "Customer = '" + customer + "'";
                var sql = new StringBuilder("SELECT * FROM Orders WHERE ");
                sql.Append(filter);
                using var command = new SqlCommand({|SSA4001:sql.ToString()|}, connection);
                command.CommandText = {|SSA4001:$"SELECT * FROM Orders ORDER BY {sort}"|};
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Allow_list_checks_parsing_and_reassignment_end_the_flow() => V.AnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Data.SqlClient;

        public sealed class OrdersController : ControllerBase
        {
            private static readonly HashSet<string> SortColumns = new() { "Name", "Date" };

            public IActionResult Sorted(string sort, SqlCommand command)
            {
                if (!SortColumns.Contains(sort))
                {
                    return BadRequest();
                }

                command.CommandText = "SELECT * FROM Orders ORDER BY " + sort;
                return Ok();
            }

            public IActionResult Switched(string direction, SqlCommand command)
            {
                switch (direction)
                {
                    case "asc":
                    case "desc":
                        command.CommandText = "SELECT * FROM Orders ORDER BY Date " + direction;
                        break;
                }

                command.CommandText = "SELECT * FROM Orders ORDER BY Date " + (direction == "asc" ? direction : "desc");
                return Ok();
            }

            public IActionResult Parsed(string id, SqlCommand command)
            {
                if (!int.TryParse(id, out var number))
                {
                    return BadRequest();
                }

                command.CommandText = "SELECT * FROM Orders WHERE Id = " + number;
                command.CommandText = "SELECT * FROM Orders WHERE Id = " + id;
                return Ok();
            }

            public IActionResult Replaced(string column, SqlCommand command)
            {
                column = column == "Name" ? "Name" : "Date";
                command.CommandText = "SELECT * FROM Orders ORDER BY " + column;
                return Ok();
            }

            private static readonly Dictionary<string, string> Columns = new() { ["name"] = "Name", ["date"] = "Date" };

            public IActionResult Mapped(string column, SqlCommand command)
            {
                command.CommandText = "SELECT * FROM Orders ORDER BY " + Columns[column];
                return Ok();
            }
        }
        """);

    [Fact]
    public Task A_deny_list_or_a_check_that_does_not_leave_is_not_a_sanitiser() => V.AnalyzerAsync("""
        using System;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Data.SqlClient;

        public sealed class OrdersController : ControllerBase
        {
            public IActionResult Search(string name, SqlCommand command)
            {
                if (name.Contains("'"))
                {
                    Console.WriteLine("suspicious");
                }

                if (name.Contains("--"))
                {
                    return BadRequest();
                }

                command.CommandText = {|SSA4001:"SELECT * FROM Orders WHERE Name = '" + name + "'"|};
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Helper_method_one_call_deep_both_directions_is_reported() => V.AnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Data.SqlClient;

        public sealed class OrdersController : ControllerBase
        {
            private readonly SqlConnection connection = new();

            public IActionResult ByName(string name)
            {
                using var command = new SqlCommand({|SSA4001:BuildQuery(name)|}, connection);
                return Ok();
            }

            public IActionResult ByCustomer(string customer)
            {
                Run("SELECT * FROM Orders WHERE Customer = '" + customer + "'");
                return Ok();
            }

            private static string BuildQuery(string value) => "SELECT * FROM Orders WHERE Name = '" + value.Trim() + "'";

            private void Run(string sql)
            {
                using var command = connection.CreateCommand();
                command.CommandText = {|SSA4001:sql|};
            }
        }
        """);

    [Fact]
    public Task Helper_that_returns_a_constant_or_only_parsed_values_is_not_reported() => V.AnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Data.SqlClient;

        public sealed class OrdersController : ControllerBase
        {
            public IActionResult ByName(string name, SqlCommand command)
            {
                command.CommandText = Query(name);
                Run(command, "SELECT 1");
                return Ok();
            }

            private static string Query(string value) => value.Length > 10 ? "SELECT * FROM Orders" : "SELECT TOP 10 * FROM Orders";

            private static void Run(SqlCommand command, string sql) => command.CommandText = sql;
        }
        """);

    [Fact]
    public Task Request_body_read_with_await_is_reported() => V.AnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Data.SqlClient;

        public sealed class Import
        {
            public async Task<int> RunAsync(HttpContext context, SqlConnection connection)
            {
                using var reader = new StreamReader(context.Request.Body);
                var statement = await reader.ReadToEndAsync();
                var name = context.Request.Query["name"].ToString();
                await connection.QueryAsync({|SSA4001:"SELECT * FROM Orders WHERE Name = '" + name + "'"|});
                await connection.QueryAsync("SELECT * FROM Orders WHERE Name = @name", new { name });
                return await connection.ExecuteAsync({|SSA4001:statement|});
            }
        }
        """);

    [Fact]
    public Task Services_cancellation_tokens_and_non_entry_public_parameters_are_not_sources() => V.AnalyzerAsync("""
        using System.Threading;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Data.SqlClient;

        public sealed class Settings { public string Table { get; set; } = "Orders"; public string Describe() => Table; }

        public sealed class OrdersController : ControllerBase
        {
            public IActionResult List([FromServices] Settings settings, CancellationToken cancellationToken, SqlCommand command)
            {
                command.CommandText = "SELECT * FROM Orders WHERE Token = " + cancellationToken.GetHashCode();
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Message_hub_and_grpc_sources_are_reported() => V.AnalyzerAsync("""
        using System.Text;
        using System.Threading.Tasks;
        using Confluent.Kafka;
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.Data.SqlClient;
        using RabbitMQ.Client.Events;

        public sealed class OrdersHub : Hub
        {
            public Task Rename(string name, SqlCommand command)
            {
                command.CommandText = {|SSA4001:"UPDATE Orders SET Name = '" + name + "'"|};
                return Task.CompletedTask;
            }
        }

        public sealed class Consumers
        {
            public void Kafka(IConsumer<string, string> consumer, SqlCommand command)
            {
                var result = consumer.Consume();
                command.CommandText = {|SSA4001:"DELETE FROM Orders WHERE Id = '" + result.Message.Value + "'"|};
            }

            public Task Rabbit(object sender, BasicDeliverEventArgs args, SqlCommand command)
            {
                var text = Encoding.UTF8.GetString(args.Body.ToArray());
                command.CommandText = {|SSA4001:text|};
                return Task.CompletedTask;
            }
        }

        [Grpc.Core.BindServiceMethod(typeof(OrdersServiceBase), "Bind")]
        public abstract class OrdersServiceBase
        {
            public virtual Task<string> Find(FindRequest request, Grpc.Core.ServerCallContext context) => Task.FromResult("");
        }

        public sealed class FindRequest { public string Name { get; set; } = ""; }

        public sealed class OrdersService : OrdersServiceBase
        {
            private readonly SqlConnection connection = new();

            public override Task<string> Find(FindRequest request, Grpc.Core.ServerCallContext context)
            {
                using var command = new SqlCommand({|SSA4001:$"SELECT Name FROM Orders WHERE Name = '{request.Name}'"|}, connection);
                return Task.FromResult(context.Method);
            }
        }
        """);

    [Fact]
    public Task Half_typed_code_does_not_throw() => V.BrokenCodeAsync("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Data.SqlClient;

        public sealed class OrdersController : ControllerBase
        {
            public IActionResult Search(string name, SqlCommand command)
            {
                command.CommandText = "SELECT * FROM " + ;
                command.CommandText = Unknown(name) + 
                var x = new SqlCommand(
            }
        }
        """);

    [Fact]
    public Task Data_returned_by_an_application_service_is_not_followed() => V.AnalyzerAsync("""
        using System.Data.Common;
        using Microsoft.AspNetCore.Mvc;

        public interface IUserDirectory { string DisplayName(string userId); }

        public sealed class ProfileController : ControllerBase
        {
            public IActionResult Show(string userId, [FromServices] IUserDirectory users, [FromServices] DbDataSource database)
            {
                var name = users.DisplayName(userId);
                using var command = database.CreateCommand({|SSA4010:"SELECT * FROM Audit WHERE Actor = '" + name + "'"|});
                using var byId = database.CreateCommand({|SSA4001:"SELECT * FROM Audit WHERE ActorId = '" + userId.ToUpperInvariant() + "'"|});
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Generated_code_is_not_analyzed() => V.AnalyzerAsync("""
        // <auto-generated/>
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Data.SqlClient;

        public sealed class OrdersController : ControllerBase
        {
            public IActionResult Search(string name, SqlCommand command)
            {
                command.CommandText = "SELECT * FROM Orders WHERE Name = '" + name + "'";
                return Ok();
            }
        }
        """);

    [Fact]
    public Task HttpRequest_collections_in_minimal_api_handlers_are_sources() => V.AnalyzerAsync("""
        using System.Data.Common;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        static class Endpoints
        {
            public static void Map(WebApplication app, DbDataSource database)
            {
                app.MapGet("/a", (HttpRequest request) =>
                    database.CreateCommand({|SSA4001:"SELECT 1 WHERE Tenant = '" + request.Headers["X-Tenant"] + "'"|}));
                app.MapGet("/b/{id}", (HttpContext context) =>
                    database.CreateCommand({|SSA4001:$"SELECT 1 WHERE Id = '{context.Request.RouteValues["id"]?.ToString()}'"|}));
                app.MapPost("/c", async (HttpRequest request) =>
                {
                    var form = await request.ReadFormAsync();
                    var theme = request.Cookies["theme"];
                    database.CreateCommand({|SSA4001:"SELECT 1 WHERE Name = '" + form["name"] + "'"|});
                    database.CreateCommand({|SSA4001:"SELECT 1 WHERE Theme = '" + theme + "'"|});
                });
                app.MapGet("/d", (HttpContext context) =>
                    database.CreateCommand("SELECT 1 WHERE Length = " + context.Request.ContentLength));
            }
        }
        """);

    [Fact]
    public Task Body_dto_is_a_source_and_service_classes_are_not() => V.AnalyzerAsync("""
        using System.Data.Common;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        public sealed record OrderQuery(string Customer, int Page);

        public sealed class TenantCatalog
        {
            public string Schema { get; set; } = "dbo";
            public string Describe() => Schema;
        }

        static class Endpoints
        {
            public static void Map(WebApplication app, DbDataSource database)
            {
                app.MapPost("/orders/search", (OrderQuery query) =>
                    database.CreateCommand({|SSA4001:$"SELECT * FROM Orders WHERE Customer = '{query.Customer}' OFFSET {query.Page}"|}));
                app.MapGet("/orders/page", (OrderQuery query) =>
                    database.CreateCommand("SELECT * FROM Orders OFFSET " + query.Page * 20));
                app.MapGet("/tenants", (TenantCatalog catalog) =>
                    database.CreateCommand({|SSA4010:"SELECT * FROM " + catalog.Schema + ".Orders"|}));
            }
        }
        """);

    [Fact]
    public Task Async_helper_result_is_followed_through_await() => V.AnalyzerAsync("""
        using System.Data.Common;
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ImportController : ControllerBase
        {
            private readonly DbDataSource database;

            public ImportController(DbDataSource database) => this.database = database;

            [HttpPost("import")]
            public async Task<IActionResult> Import()
            {
                var statement = await ReadStatementAsync();
                await using var command = database.CreateCommand({|SSA4001:statement|});
                var fixedStatement = await ReadFixedAsync();
                await using var safe = database.CreateCommand(fixedStatement);
                return Ok();
            }

            private async Task<string> ReadStatementAsync()
            {
                using var reader = new StreamReader(Request.Body);
                return (await reader.ReadToEndAsync()).Trim();
            }

            private static async Task<string> ReadFixedAsync()
            {
                await Task.Yield();
                return "SELECT 1";
            }
        }
        """);

    [Fact]
    public Task Method_group_handlers_are_sources() => V.AnalyzerAsync("""
        using System.Data.Common;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/orders", OrderHandlers.Search);
            }
        }

        static class OrderHandlers
        {
            public static IResult Search(string customer, DbDataSource database)
            {
                using var command = database.CreateCommand({|SSA4001:"SELECT * FROM Orders WHERE Customer = '" + customer + "'"|});
                return Results.Ok();
            }

            public static IResult NotMapped(string customer, DbDataSource database)
            {
                using var command = database.CreateCommand({|SSA4010:"SELECT * FROM Orders WHERE Customer = '" + customer + "'"|});
                return Results.Ok();
            }
        }
        """);
    [Theory]
    [InlineData(8190)]
    [InlineData(8191)]
    [InlineData(8192)]
    [InlineData(16383)]
    public Task Method_group_handlers_are_found_where_the_map_call_straddles_the_text_scan_chunks(int mapPosition)
    {
        // The handler scan reads the file in 8,192-character chunks: put the "Map" of MapGet at and around a boundary.
        const string head = "using System.Data.Common;\nusing Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Http;\n\n"
            + "static class Endpoints\n{\n    public static void Map(WebApplication app)\n    {\n";
        const string call = "app.MapGet(\"/orders\", OrderHandlers.Search);";
        var padding = mapPosition - head.Length - "// ".Length - "\n".Length - "app.".Length;
        var source = head + "// " + new string('x', padding) + "\n" + call + "\n    }\n}\n\n" + """
            static class OrderHandlers
            {
                public static IResult Search(string customer, DbDataSource database)
                {
                    using var command = database.CreateCommand({|SSA4001:"SELECT * FROM Orders WHERE Customer = '" + customer + "'"|});
                    return Results.Ok();
                }
            }
            """;
        Assert.Equal(mapPosition, source.IndexOf("MapGet", System.StringComparison.Ordinal));
        return V.AnalyzerAsync(source);
    }

    [Fact]
    public Task Method_group_handlers_are_matched_on_the_symbol_not_the_name() => V.AnalyzerAsync("""
        using System.Data.Common;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/orders", Lookup);
                app.MapGet("/orders", OrderHandlers.Search);
            }

            private static IResult Lookup(string customer, DbDataSource database)
            {
                using var command = database.CreateCommand({|SSA4001:"SELECT * FROM Orders WHERE Customer = '" + customer + "'"|});
                return Results.Ok();
            }
        }

        static class OrderHandlers
        {
            public static IResult Search(string customer, DbDataSource database)
            {
                using var command = database.CreateCommand({|SSA4001:"SELECT * FROM Orders WHERE Customer = '" + customer + "'"|});
                return Results.Ok();
            }
        }

        static class ReportHandlers
        {
            public static IResult Search(string customer, DbDataSource database)
            {
                using var command = database.CreateCommand({|SSA4010:"SELECT * FROM Orders WHERE Customer = '" + customer + "'"|});
                return Results.Ok();
            }

            public static IResult Lookup(string customer, DbDataSource database)
            {
                using var command = database.CreateCommand({|SSA4010:"SELECT * FROM Orders WHERE Customer = '" + customer + "'"|});
                return Results.Ok();
            }
        }
        """);
    [Fact]
    public Task Method_group_handlers_are_found_behind_verbatim_and_escaped_names() => V.AnalyzerAsync("""
        using System.Data.Common;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                // Map: a comment naming the call must not confuse the scan.
                app.\u004DapGet("/orders", OrderHandlers.Search);
                app.@MapPost("/orders", OrderHandlers.Create);
            }
        }

        static class OrderHandlers
        {
            public static IResult Search(string customer, DbDataSource database)
            {
                using var command = database.CreateCommand({|SSA4001:"SELECT * FROM Orders WHERE Customer = '" + customer + "'"|});
                return Results.Ok();
            }

            public static IResult Create(string customer, DbDataSource database)
            {
                using var command = database.CreateCommand({|SSA4001:"INSERT INTO Orders VALUES ('" + customer + "')"|});
                return Results.Ok();
            }
        }
        """);
}
