namespace VulnerableService.Secrets;

/// <summary>Reporting settings with a password inside a connection string and a hard-coded fallback for an API key.</summary>
public sealed class ReportingStore(IConfiguration configuration)
{
    private const string ArchiveConnectionString = "Server=reporting-db;Database=reports;User Id=reporter;Password=Rep0rts!2024;TrustServerCertificate=True";

    public string PaymentApiKey => configuration["Payments:ApiKey"] ?? "pk-fallback-7731";

    public string ArchiveConnection => ArchiveConnectionString;
}
