using System.Security.Authentication;
using Grpc.Net.Client;

namespace SecureService.Transit;

// The fixed twin: https endpoints, default certificate validation with revocation, TLS 1.2+.
public static class PartnerClients
{
    private const string InventoryBaseUrl = "https://inventory.orders.example.com";

    public static IServiceCollection AddPartnerClients(this IServiceCollection services)
    {
        services.AddHttpClient("inventory", client => client.BaseAddress = new Uri(InventoryBaseUrl))
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                CheckCertificateRevocationList = true,
                SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            });
        return services;
    }

    public static GrpcChannel ShippingChannel()
        => GrpcChannel.ForAddress("https://shipping.orders.example.com");
}
