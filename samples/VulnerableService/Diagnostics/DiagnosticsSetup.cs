using Microsoft.AspNetCore.Diagnostics;

namespace VulnerableService.Diagnostics;

/// <summary>Error handling that tells clients far too much.</summary>
public static class DiagnosticsSetup
{
    public static IServiceCollection AddServiceDiagnostics(this IServiceCollection services)
    {
        // SSA6004: detailed hub errors in every environment.
        services.AddSignalR(o => o.EnableDetailedErrors = true);
        return services;
    }

    public static WebApplication UseServiceDiagnostics(this WebApplication app)
    {
        // SSA6001: the developer exception page in production.
        app.UseDeveloperExceptionPage();

        app.MapGet("/orders/{id:int}/invoice", (int id) =>
        {
            try
            {
                return Results.Ok(InvoiceStore.Load(id));
            }
            catch (InvalidOperationException ex)
            {
                // SSA6003: the driver's message goes to the client.
                return Results.BadRequest(new { error = ex.Message });
            }
            catch (Exception ex)
            {
                // SSA6002: the stack trace goes to the client.
                return Results.Problem(ex.ToString());
            }
        });

        app.Map("/error", (HttpContext context) =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            // SSA6002: the stack trace of any unhandled exception, as the problem detail.
            return Results.Problem(title: "Server error", detail: error?.StackTrace);
        });

        return app;
    }

    private static class InvoiceStore
    {
        public static object Load(int id) => id > 0 ? new { id } : throw new InvalidOperationException("Invoice " + id + " not found in table dbo.Invoices");
    }
}
