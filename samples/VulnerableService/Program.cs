using VulnerableService.Access;
using VulnerableService.Options;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddOrderAuthentication();
builder.Services.AddAuthorization();
builder.Services.Configure<OrderStoreOptions>(builder.Configuration.GetSection("OrderStore"));

var app = builder.Build();

// Authorization runs before the caller is authenticated: every caller looks anonymous (SSA3003).
app.UseAuthorization();
app.UseAuthentication();

string adminPassword = "Winter2024!";

app.MapGet("/orders/{id:int}", (int id) => Results.Ok(new { id, status = "shipped" }));
app.MapPost("/admin/login", (string password) => password == adminPassword ? Results.Ok() : Results.Unauthorized());
app.MapControllers();

app.Run();
