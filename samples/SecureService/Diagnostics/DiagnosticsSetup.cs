using Microsoft.AspNetCore.Diagnostics;

namespace SecureService.Diagnostics;

/// <summary>Error handling that logs details on the server and tells clients only a trace id.</summary>
public static class DiagnosticsSetup
{
    public static IServiceCollection AddServiceDiagnostics(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddProblemDetails();
        services.AddSignalR(o => o.EnableDetailedErrors = environment.IsDevelopment());
        return services;
    }

    public static WebApplication UseServiceDiagnostics(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error");
        }

        app.MapGet("/orders/{id:int}/invoice", (int id, ILogger<InvoiceLog> logger, HttpContext context) =>
        {
            try
            {
                return Results.Ok(new { id });
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Invoice {InvoiceId} could not be loaded", id);
                return Results.Problem("The invoice could not be loaded.", extensions: new Dictionary<string, object?> { ["traceId"] = context.TraceIdentifier });
            }
        });

        app.Map("/error", (HttpContext context, ILogger<InvoiceLog> logger) =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            logger.LogError(error, "Unhandled exception");
            return Results.Problem("Unexpected error.", extensions: new Dictionary<string, object?> { ["traceId"] = context.TraceIdentifier });
        });

        return app;
    }

    public sealed class InvoiceLog
    {
    }
}
