using Microsoft.AspNetCore.Authorization;
using SecureService.Access;
using SecureService.Options;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddOrderAuthentication();

// Every endpoint requires an authenticated caller unless it says AllowAnonymous.
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.Configure<OrderStoreOptions>(builder.Configuration.GetSection("OrderStore"));

var app = builder.Build();

// TLS: redirect plain HTTP and send HSTS outside development (SSA2010).
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseHttpsRedirection();

app.UseAuthentication();
app.UseAuthorization();

// The admin password comes from configuration (user secrets locally, a secret store in production).
string adminPassword = builder.Configuration["Admin:Password"]
    ?? throw new InvalidOperationException("Missing configuration value 'Admin:Password'.");

app.MapGet("/orders/{id:int}", (int id) => Results.Ok(new { id, status = "shipped" }));
app.MapPost("/admin/login", (string password) => password == adminPassword ? Results.Ok() : Results.Unauthorized())
    .AllowAnonymous();
app.MapControllers();

app.Run();
