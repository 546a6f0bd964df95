namespace SecureService.Secrets;

/// <summary>Reporting settings read from configuration; a missing secret stops the service instead of falling back.</summary>
public sealed class ReportingStore(IConfiguration configuration)
{
    public string PaymentApiKey => configuration["Payments:ApiKey"]
        ?? throw new InvalidOperationException("Missing configuration value 'Payments:ApiKey'.");

    public string ArchiveConnection => configuration.GetConnectionString("Archive")
        ?? throw new InvalidOperationException("Missing connection string 'Archive'.");
}
