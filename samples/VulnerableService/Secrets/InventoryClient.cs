using System.Net.Http.Headers;

namespace VulnerableService.Secrets;

/// <summary>Calls the inventory service with a service token pasted into the code (a sample, not a live token).</summary>
public sealed class InventoryClient(HttpClient http)
{
    private const string ServiceToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJvcmRlcnMtc2VydmljZSIsImF1ZCI6ImludmVudG9yeSIsImlzcyI6Imh0dHBzOi8vc3RzLnZ1bG5lcmFibGUuaW52YWxpZCJ9.ODjfcRNL2EDLbdDZ1c5jAU2rjTbrNLwMtshF6PwKluY";

    public async Task<string> GetStockAsync(int id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://inventory.internal/stock/{id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServiceToken);
        using var response = await http.SendAsync(request, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
