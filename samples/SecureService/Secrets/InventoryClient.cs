using System.Net.Http.Headers;

namespace SecureService.Secrets;

/// <summary>Calls the inventory service with a service token read from configuration (a secret store in production).</summary>
public sealed class InventoryClient(HttpClient http, IConfiguration configuration)
{
    public async Task<string> GetStockAsync(int id, CancellationToken cancellationToken)
    {
        var serviceToken = configuration["Inventory:ServiceToken"]
            ?? throw new InvalidOperationException("Missing configuration value 'Inventory:ServiceToken'.");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://inventory.internal/stock/{id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", serviceToken);
        using var response = await http.SendAsync(request, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
