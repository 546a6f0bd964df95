using System;
using System.Collections.Generic;
using System.Text;

namespace SecureServices.Analyzers.Tests.Robustness;

/// <summary>
/// Writes a realistic ASP.NET Core service as C# source: controllers, minimal-API endpoint groups, options
/// classes, typed HttpClient services, EF Core contexts and repositories, SqlClient data access, ILogger
/// calls, crypto helpers and many string literals. About one file in <see cref="FindingEvery"/> of each kind
/// carries a real finding of one area (secrets, TLS, authorization, injection, crypto, logging), so the
/// analyzers do real work, as in a code base that is mostly clean.
/// Shared by the robustness tests (a few files) and the benchmarks (~100,000 lines; linked source).
/// Deterministic: the same seed and size give the same text.
/// </summary>
internal static class RealisticServiceGenerator
{
    public const int FindingEvery = 12;

    /// <summary>The implicit global usings of Microsoft.NET.Sdk.Web, so the files bind as in a real project.</summary>
    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    private static readonly string[] Nouns =
    {
        "Order", "Invoice", "Customer", "Shipment", "Payment", "Product", "Warehouse", "Supplier", "Refund",
        "Subscription", "Ticket", "Account", "Address", "Catalog", "Coupon", "Delivery", "Employee", "Contract",
        "Report", "Notification", "Audit", "Budget", "Claim", "Permit",
    };

    /// <summary>Files of a service of about <paramref name="targetLines"/> lines (path, text), global usings first.</summary>
    public static IReadOnlyList<(string Path, string Text)> Generate(int targetLines, int seed = 20261127)
    {
        var random = new Random(seed);
        var files = new List<(string Path, string Text)> { ("GlobalUsings.g.cs", GlobalUsings) };
        var lines = 0;
        for (var i = 0; lines < targetLines; i++)
        {
            var noun = Nouns[i % Nouns.Length] + (i / Nouns.Length == 0 ? string.Empty : (i / Nouns.Length).ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (kind, text) in Module(noun, i, random))
            {
                files.Add(($"{kind}/{noun}{kind}.cs", text));
                lines += CountLines(text);
            }
        }

        return files;
    }

    /// <summary>One of each file kind for one entity: a small realistic project (a handful of files).</summary>
    public static IReadOnlyList<(string Path, string Text)> Module(string noun, int index)
    {
        var list = new List<(string Path, string Text)>();
        foreach (var (kind, text) in Module(noun, index, new Random(index)))
        {
            list.Add(($"{kind}/{noun}{kind}.cs", text));
        }

        return list;
    }

    public static int CountLines(string text)
    {
        var n = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                n++;
            }
        }

        return n;
    }

    private static IEnumerable<(string Kind, string Text)> Module(string noun, int index, Random random)
    {
        // Each area's finding lands in a different module so the findings are spread out.
        bool Finding(int area) => index % FindingEvery == area;
        yield return ("Entity", Entity(noun, random));
        yield return ("Options", Options(noun, random, Finding(1)));
        yield return ("DbContext", DbContext(noun, Finding(4)));
        yield return ("SqlRepository", SqlRepository(noun, random, Finding(5)));
        yield return ("Client", Client(noun, random, Finding(2)));
        yield return ("Controller", Controller(noun, random, Finding(3), Finding(7)));
        yield return ("Endpoints", Endpoints(noun, random, Finding(8)));
        yield return ("Crypto", Crypto(noun, Finding(6)));
        yield return ("Messages", Messages(noun, random));
        yield return ("Setup", Setup(noun, Finding(9), Finding(10)));
    }

    private static string Setup(string noun, bool jwtLifetimeOff, bool connectionPassword)
    {
        var lifetime = jwtLifetimeOff ? "false" : "true";
        var password = connectionPassword
            ? "            Password = \"Sup3r-" + noun + "-Pwd!\","
            : "            Password = configuration[\"" + noun + ":DatabasePassword\"],";
        return $$"""
            using Contoso.Services.Clients;
            using Contoso.Services.Data;
            using Contoso.Services.Options;
            using Microsoft.AspNetCore.Authentication.JwtBearer;
            using Microsoft.Data.SqlClient;
            using Microsoft.IdentityModel.Tokens;

            namespace Contoso.Services.Setup;

            public static class {{noun}}Setup
            {
                public static IServiceCollection Add{{noun}}Feature(this IServiceCollection services, IConfiguration configuration)
                {
                    services.AddOptions<{{noun}}Options>()
                        .Bind(configuration.GetSection({{noun}}Options.SectionName))
                        .ValidateDataAnnotations()
                        .ValidateOnStart();
                    services.AddHttpClient<{{noun}}Client>();
                    services.AddScoped<{{noun}}Store>();
                    services.AddScoped<{{noun}}SqlRepository>();
                    services.AddAuthorization(options =>
                    {
                        options.AddPolicy("{{noun.ToLowerInvariant()}}:write", policy => policy.RequireRole("writer", "admin"));
                        options.AddPolicy("{{noun.ToLowerInvariant()}}:export", policy => policy.RequireClaim("scope", "{{noun.ToLowerInvariant()}}.export"));
                    });
                    services.AddAuthentication("{{noun}}Bearer")
                        .AddJwtBearer("{{noun}}Bearer", options =>
                        {
                            options.Authority = "https://login.contoso.example/{{noun.ToLowerInvariant()}}";
                            options.Audience = "api://{{noun.ToLowerInvariant()}}";
                            options.TokenValidationParameters = new TokenValidationParameters
                            {
                                ValidateIssuer = true,
                                ValidateAudience = true,
                                ValidateLifetime = {{lifetime}},
                                ClockSkew = TimeSpan.FromMinutes(2),
                            };
                        });
                    return services;
                }

                public static string BuildConnectionString(IConfiguration configuration)
                {
                    var builder = new SqlConnectionStringBuilder
                    {
                        DataSource = "sql-{{noun.ToLowerInvariant()}}.contoso.example",
                        InitialCatalog = "{{noun}}Db",
                        UserID = "app_{{noun.ToLowerInvariant()}}",
            {{password}}
                        Encrypt = true,
                    };
                    return builder.ConnectionString;
                }
            }
            """;
    }

    private static string Word(Random random) => Nouns[random.Next(Nouns.Length)].ToLowerInvariant();

    private static string Entity(string noun, Random random)
    {
        var sb = new StringBuilder();
        sb.AppendLine($$"""
            using System.ComponentModel.DataAnnotations;

            namespace Contoso.Services.Domain;

            /// <summary>A {{noun}} as stored and returned by the API.</summary>
            public sealed class {{noun}}
            {
                public int Id { get; set; }

                [Required]
                [StringLength(200)]
                public string Name { get; set; } = string.Empty;

                public string Status { get; set; } = "pending";

                public decimal Amount { get; set; }

                public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

                public string? Notes { get; set; }
            """);
        var extra = 4 + random.Next(6);
        for (var i = 0; i < extra; i++)
        {
            sb.AppendLine($$"""

                    [StringLength({{50 + (i * 10)}})]
                    public string? {{Capitalize(Word(random))}}Reference{{i}} { get; set; }
                """);
        }

        sb.AppendLine($$"""
            }

            public sealed record {{noun}}Request(string Name, decimal Amount, string? Notes);

            public sealed record {{noun}}Summary(int Id, string Name, string Status);
            """);
        return sb.ToString();
    }

    private static string Options(string noun, Random random, bool secret)
    {
        var password = secret
            ? $"\n    public string DatabasePassword {{ get; set; }} = \"Q7v!{noun.ToLowerInvariant()}-Prod-2024\";\n"
            : "\n    public string DatabasePassword { get; set; } = string.Empty;\n";
        return $$"""
            using System.ComponentModel.DataAnnotations;

            namespace Contoso.Services.Options;

            /// <summary>Settings of the {{noun}} service, bound from the "{{noun}}" configuration section.</summary>
            public sealed class {{noun}}Options
            {
                public const string SectionName = "{{noun}}";

                [Required]
                [Url]
                public string BaseUrl { get; set; } = "https://{{noun.ToLowerInvariant()}}.contoso.example/api/";

                [Range(1, 300)]
                public int TimeoutSeconds { get; set; } = {{5 + random.Next(60)}};

                public int RetryCount { get; set; } = {{random.Next(5)}};

                public string UserName { get; set; } = "svc-{{noun.ToLowerInvariant()}}";
            {{password}}
                public string ConnectionStringName { get; set; } = "{{noun}}Database";

                public string[] AllowedOrigins { get; set; } = new[] { "https://portal.contoso.example", "https://admin.contoso.example" };

                public bool EnableCaching { get; set; } = true;

                public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes({{1 + random.Next(30)}});
            }
            """;
    }

    private static string DbContext(string noun, bool injection)
    {
        var raw = injection
            ? $$"""
                    public Task<int> PurgeAsync(string status, CancellationToken cancellationToken)
                        => context.Database.ExecuteSqlRawAsync("DELETE FROM {{noun}}s WHERE Status = '" + status + "'", cancellationToken);
                """
            : $$"""
                    public Task<int> PurgeAsync(string status, CancellationToken cancellationToken)
                        => context.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM {{noun}}s WHERE Status = {status}", cancellationToken);
                """;
        return $$"""
            using Contoso.Services.Domain;
            using Microsoft.EntityFrameworkCore;

            namespace Contoso.Services.Data;

            public sealed class {{noun}}DbContext : DbContext
            {
                public {{noun}}DbContext(DbContextOptions<{{noun}}DbContext> options)
                    : base(options)
                {
                }

                public DbSet<{{noun}}> {{noun}}s => Set<{{noun}}>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<{{noun}}>(entity =>
                    {
                        entity.ToTable("{{noun}}s", "sales");
                        entity.HasKey(e => e.Id);
                        entity.Property(e => e.Name).HasMaxLength(200).IsRequired();
                        entity.Property(e => e.Status).HasMaxLength(32).HasDefaultValue("pending");
                        entity.Property(e => e.Amount).HasPrecision(18, 2);
                        entity.HasIndex(e => e.Status).HasDatabaseName("IX_{{noun}}s_Status");
                    });
                }
            }

            public sealed class {{noun}}Store
            {
                private readonly {{noun}}DbContext context;
                private readonly ILogger<{{noun}}Store> logger;

                public {{noun}}Store({{noun}}DbContext context, ILogger<{{noun}}Store> logger)
                {
                    this.context = context;
                    this.logger = logger;
                }

                public async Task<{{noun}}?> FindAsync(int id, CancellationToken cancellationToken)
                {
                    var item = await context.{{noun}}s.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
                    if (item is null)
                    {
                        logger.LogInformation("{{noun}} {Id} was not found", id);
                    }

                    return item;
                }

                public Task<List<{{noun}}Summary>> ListAsync(string? status, int page, int pageSize, CancellationToken cancellationToken)
                {
                    var query = context.{{noun}}s.AsNoTracking();
                    if (!string.IsNullOrEmpty(status))
                    {
                        query = query.Where(e => e.Status == status);
                    }

                    return query
                        .OrderByDescending(e => e.CreatedAt)
                        .Skip(page * pageSize)
                        .Take(pageSize)
                        .Select(e => new {{noun}}Summary(e.Id, e.Name, e.Status))
                        .ToListAsync(cancellationToken);
                }

                public async Task<{{noun}}> AddAsync({{noun}}Request request, CancellationToken cancellationToken)
                {
                    var entity = new {{noun}} { Name = request.Name, Amount = request.Amount, Notes = request.Notes };
                    context.{{noun}}s.Add(entity);
                    await context.SaveChangesAsync(cancellationToken);
                    logger.LogInformation("Created {{noun}} {Id} named {Name}", entity.Id, entity.Name);
                    return entity;
                }

                public Task<List<{{noun}}>> SearchAsync(string name, CancellationToken cancellationToken)
                    => context.{{noun}}s.FromSqlInterpolated($"SELECT * FROM sales.{{noun}}s WHERE Name LIKE {name + "%"}").ToListAsync(cancellationToken);

            {{raw}}
            }
            """;
    }

    private static string SqlRepository(string noun, Random random, bool injection)
    {
        var column = Capitalize(Word(random));
        var query = injection
            ? $$"""
                        using var command = new SqlCommand("SELECT Id, Name, Status FROM {{noun}}s WHERE Name = '" + name + "'", connection);
                """
            : $$"""
                        using var command = new SqlCommand("SELECT Id, Name, Status FROM {{noun}}s WHERE Name = @name", connection);
                        command.Parameters.Add(new SqlParameter("@name", System.Data.SqlDbType.NVarChar, 200) { Value = name });
                """;
        return $$"""
            using Contoso.Services.Domain;
            using Microsoft.Data.SqlClient;

            namespace Contoso.Services.Data;

            public sealed class {{noun}}SqlRepository
            {
                private const string SelectById = "SELECT Id, Name, Status, Amount FROM {{noun}}s WHERE Id = @id";
                private const string UpdateStatus = "UPDATE {{noun}}s SET Status = @status WHERE Id = @id";
                private readonly string connectionString;
                private readonly ILogger<{{noun}}SqlRepository> logger;

                public {{noun}}SqlRepository(IConfiguration configuration, ILogger<{{noun}}SqlRepository> logger)
                {
                    connectionString = configuration.GetConnectionString("{{noun}}Database") ?? throw new InvalidOperationException("Missing connection string {{noun}}Database");
                    this.logger = logger;
                }

                public async Task<{{noun}}?> GetAsync(int id, CancellationToken cancellationToken)
                {
                    await using var connection = new SqlConnection(connectionString);
                    await connection.OpenAsync(cancellationToken);
                    using var command = new SqlCommand(SelectById, connection);
                    command.Parameters.AddWithValue("@id", id);
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    if (!await reader.ReadAsync(cancellationToken))
                    {
                        return null;
                    }

                    return new {{noun}}
                    {
                        Id = reader.GetInt32(0),
                        Name = reader.GetString(1),
                        Status = reader.GetString(2),
                        Amount = reader.GetDecimal(3),
                    };
                }

                public async Task<int> SetStatusAsync(int id, string status, CancellationToken cancellationToken)
                {
                    await using var connection = new SqlConnection(connectionString);
                    await connection.OpenAsync(cancellationToken);
                    using var command = new SqlCommand(UpdateStatus, connection);
                    command.Parameters.AddWithValue("@id", id);
                    command.Parameters.AddWithValue("@status", status);
                    var rows = await command.ExecuteNonQueryAsync(cancellationToken);
                    logger.LogDebug("Updated {Rows} {{noun}} rows to status {Status}", rows, status);
                    return rows;
                }

                public async Task<List<{{noun}}Summary>> FindByNameAsync(string name, CancellationToken cancellationToken)
                {
                    var results = new List<{{noun}}Summary>();
                    await using var connection = new SqlConnection(connectionString);
                    await connection.OpenAsync(cancellationToken);
            {{query}}
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        results.Add(new {{noun}}Summary(reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
                    }

                    logger.LogInformation("Found {Count} {{noun}} rows for {{column}} search", results.Count);
                    return results;
                }
            }
            """;
    }

    private static string Client(string noun, Random random, bool tls)
    {
        var handler = tls
            ? """
                        var handler = new HttpClientHandler
                        {
                            ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true,
                        };
                """
            : """
                        var handler = new HttpClientHandler
                        {
                            SslProtocols = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13,
                        };
                """;
        var scheme = tls ? "http" : "https";
        return $$"""
            using System.Net.Http.Headers;
            using Contoso.Services.Domain;
            using Contoso.Services.Options;
            using Microsoft.Extensions.Options;

            namespace Contoso.Services.Clients;

            public sealed class {{noun}}Client
            {
                private readonly HttpClient http;
                private readonly ILogger<{{noun}}Client> logger;

                public {{noun}}Client(HttpClient http, IOptions<{{noun}}Options> options, ILogger<{{noun}}Client> logger)
                {
                    this.http = http;
                    this.logger = logger;
                    http.BaseAddress = new Uri(options.Value.BaseUrl);
                    http.Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
                    http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    http.DefaultRequestHeaders.UserAgent.ParseAdd("contoso-{{noun.ToLowerInvariant()}}/1.{{random.Next(20)}}");
                }

                public static HttpClient CreateBackchannel()
                {
            {{handler}}
                    return new HttpClient(handler) { BaseAddress = new Uri("{{scheme}}://{{noun.ToLowerInvariant()}}-ledger.contoso.example/") };
                }

                public async Task<{{noun}}?> GetAsync(int id, CancellationToken cancellationToken)
                {
                    using var response = await http.GetAsync($"{{noun.ToLowerInvariant()}}s/{id}", cancellationToken);
                    if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
                    {
                        logger.LogWarning("{{noun}} {Id} not found upstream", id);
                        return null;
                    }

                    response.EnsureSuccessStatusCode();
                    return await response.Content.ReadFromJsonAsync<{{noun}}>(cancellationToken: cancellationToken);
                }

                public async Task<bool> PublishAsync({{noun}}Request request, CancellationToken cancellationToken)
                {
                    using var message = new HttpRequestMessage(HttpMethod.Post, "{{noun.ToLowerInvariant()}}s")
                    {
                        Content = JsonContent.Create(request),
                    };
                    message.Headers.Add("X-Correlation-Id", Guid.NewGuid().ToString("N"));
                    using var response = await http.SendAsync(message, cancellationToken);
                    if (!response.IsSuccessStatusCode)
                    {
                        logger.LogError("Publishing {{noun}} failed with {StatusCode}", (int)response.StatusCode);
                    }

                    return response.IsSuccessStatusCode;
                }
            }
            """;
    }

    private static string Controller(string noun, Random random, bool anonymousAdmin, bool logsSecret)
    {
        var lower = noun.ToLowerInvariant();
        var adminAttribute = anonymousAdmin ? "[AllowAnonymous]" : "[Authorize(Roles = \"admin\")]";
        var tokenLog = logsSecret
            ? "        logger.LogInformation(\"Issued reset token {Token} for {Name}\", resetToken, request.Name);"
            : "        logger.LogInformation(\"Issued reset token for {Name}\", request.Name);";
        return $$"""
            using Contoso.Services.Data;
            using Contoso.Services.Domain;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            namespace Contoso.Services.Controllers;

            [ApiController]
            [Authorize]
            [Route("api/{{lower}}s")]
            public sealed class {{noun}}Controller : ControllerBase
            {
                private const int MaxPageSize = {{50 + random.Next(150)}};
                private readonly {{noun}}Store store;
                private readonly ILogger<{{noun}}Controller> logger;

                public {{noun}}Controller({{noun}}Store store, ILogger<{{noun}}Controller> logger)
                {
                    this.store = store;
                    this.logger = logger;
                }

                [HttpGet]
                public async Task<ActionResult<IReadOnlyList<{{noun}}Summary>>> List([FromQuery] string? status, [FromQuery] int page = 0, [FromQuery] int pageSize = 20, CancellationToken cancellationToken = default)
                {
                    if (pageSize <= 0 || pageSize > MaxPageSize)
                    {
                        return BadRequest(new ProblemDetails { Title = "Invalid page size", Detail = $"pageSize must be between 1 and {MaxPageSize}." });
                    }

                    var items = await store.ListAsync(status, page, pageSize, cancellationToken);
                    logger.LogDebug("Listed {Count} {{lower}}s (status {Status}, page {Page})", items.Count, status, page);
                    return Ok(items);
                }

                [HttpGet("{id:int}")]
                public async Task<ActionResult<{{noun}}>> Get(int id, CancellationToken cancellationToken)
                {
                    var item = await store.FindAsync(id, cancellationToken);
                    return item is null ? NotFound() : Ok(item);
                }

                [HttpPost]
                [Authorize(Policy = "{{lower}}:write")]
                public async Task<ActionResult<{{noun}}>> Create([FromBody] {{noun}}Request request, CancellationToken cancellationToken)
                {
                    if (string.IsNullOrWhiteSpace(request.Name))
                    {
                        ModelState.AddModelError(nameof(request.Name), "The name is required.");
                        return ValidationProblem(ModelState);
                    }

                    var created = await store.AddAsync(request, cancellationToken);
                    return CreatedAtAction(nameof(Get), new { id = created.Id }, created);
                }

                [HttpPost("reset")]
                [Authorize(Policy = "{{lower}}:write")]
                public IActionResult Reset([FromBody] {{noun}}Request request)
                {
                    var resetToken = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            {{tokenLog}}
                    return Accepted(new { request.Name });
                }

                [HttpDelete("{id:int}")]
                {{adminAttribute}}
                public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
                {
                    var rows = await store.PurgeAsync("deleted-" + id, cancellationToken);
                    logger.LogWarning("Deleted {{lower}} {Id} ({Rows} rows)", id, rows);
                    return NoContent();
                }
            }
            """;
    }

    private static string Endpoints(string noun, Random random, bool anonymous)
    {
        var lower = noun.ToLowerInvariant();
        var export = anonymous
            ? $"        group.MapGet(\"/export\", ({noun}Store store, CancellationToken ct) => store.ListAsync(null, 0, 1000, ct)).AllowAnonymous();"
            : $"        group.MapGet(\"/export\", ({noun}Store store, CancellationToken ct) => store.ListAsync(null, 0, 1000, ct)).RequireAuthorization(\"{lower}:export\");";
        return $$"""
            using Contoso.Services.Data;
            using Contoso.Services.Domain;
            using Microsoft.AspNetCore.Mvc;

            namespace Contoso.Services.Endpoints;

            public static class {{noun}}Endpoints
            {
                public static IEndpointRouteBuilder Map{{noun}}Endpoints(this IEndpointRouteBuilder app)
                {
                    var group = app.MapGroup("/v2/{{lower}}s").RequireAuthorization().WithTags("{{noun}}");

                    group.MapGet("/", async ({{noun}}Store store, [FromQuery] string? status, CancellationToken ct) =>
                        Results.Ok(await store.ListAsync(status, 0, {{20 + random.Next(80)}}, ct)));

                    group.MapGet("/{id:int}", async (int id, {{noun}}Store store, CancellationToken ct) =>
                        await store.FindAsync(id, ct) is { } item ? Results.Ok(item) : Results.NotFound());

                    group.MapPost("/", async ({{noun}}Request request, {{noun}}Store store, CancellationToken ct) =>
                    {
                        if (request.Amount < 0)
                        {
                            return Results.ValidationProblem(new Dictionary<string, string[]> { ["amount"] = new[] { "The amount cannot be negative." } });
                        }

                        var created = await store.AddAsync(request, ct);
                        return Results.Created($"/v2/{{lower}}s/{created.Id}", created);
                    });

                    group.MapGet("/health", () => Results.Ok(new { status = "healthy", service = "{{lower}}" })).AllowAnonymous();
            {{export}}
                    return app;
                }
            }
            """;
    }

    private static string Crypto(string noun, bool weak)
    {
        var hash = weak
            ? "        using var algorithm = System.Security.Cryptography.MD5.Create();\n        return Convert.ToHexString(algorithm.ComputeHash(System.Text.Encoding.UTF8.GetBytes(value)));"
            : "        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)));";
        var token = weak
            ? "        var random = new Random();\n        var bytes = new byte[32];\n        random.NextBytes(bytes);\n        return Convert.ToBase64String(bytes);"
            : "        return Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));";
        var mode = weak ? "System.Security.Cryptography.CipherMode.ECB" : "System.Security.Cryptography.CipherMode.CBC";
        return $$"""
            using System.Security.Cryptography;

            namespace Contoso.Services.Security;

            public static class {{noun}}Protector
            {
                public static string Fingerprint(string value)
                {
            {{hash}}
                }

                public static string NewToken()
                {
            {{token}}
                }

                public static byte[] Encrypt(byte[] key, byte[] plain)
                {
                    using var aes = Aes.Create();
                    aes.Key = key;
                    aes.Mode = {{mode}};
                    aes.GenerateIV();
                    using var encryptor = aes.CreateEncryptor();
                    var cipher = encryptor.TransformFinalBlock(plain, 0, plain.Length);
                    var result = new byte[aes.IV.Length + cipher.Length];
                    Buffer.BlockCopy(aes.IV, 0, result, 0, aes.IV.Length);
                    Buffer.BlockCopy(cipher, 0, result, aes.IV.Length, cipher.Length);
                    return result;
                }

                public static bool FixedTimeEquals(string left, string right)
                    => CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(left), System.Text.Encoding.UTF8.GetBytes(right));
            }
            """;
    }

    private static string Messages(string noun, Random random)
    {
        var sb = new StringBuilder();
        sb.AppendLine($$"""
            namespace Contoso.Services.Resources;

            /// <summary>User-facing texts and error codes of the {{noun}} feature.</summary>
            public static class {{noun}}Messages
            {
            """);
        var count = 20 + random.Next(20);
        for (var i = 0; i < count; i++)
        {
            sb.AppendLine($"    public const string Code{i} = \"{noun.ToUpperInvariant()}-{1000 + i}\";");
            sb.AppendLine($"    public const string Text{i} = \"The {Word(random)} for this {noun.ToLowerInvariant()} could not be {(i % 2 == 0 ? "validated" : "processed")} (step {i}).\";");
        }

        sb.AppendLine($$"""

                public static readonly IReadOnlyDictionary<string, string> ByCode = new Dictionary<string, string>
                {
            """);
        for (var i = 0; i < count; i++)
        {
            sb.AppendLine($"        [Code{i}] = Text{i},");
        }

        sb.AppendLine($$"""
                };

                public static string Describe(string code, string culture)
                {
                    var text = ByCode.TryGetValue(code, out var found) ? found : "Unknown error " + code;
                    return culture.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? "Erreur : " + text : "Error: " + text;
                }
            }
            """);
        return sb.ToString();
    }

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s.Substring(1);
}
