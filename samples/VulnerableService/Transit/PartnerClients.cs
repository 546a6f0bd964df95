using System.Security.Authentication;
using Grpc.Core;
using Grpc.Net.Client;

namespace VulnerableService.Transit;

// Outgoing calls to other services, written the way they often are after a certificate problem in test.
public static class PartnerClients
{
    private const string InventoryBaseUrl = "http://inventory.orders.example.com";

    public static IServiceCollection AddPartnerClients(this IServiceCollection services)
    {
        services.AddHttpClient("inventory", client => client.BaseAddress = new Uri(InventoryBaseUrl))   // SSA2005
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, _, _, _) => true,                     // SSA2001
                CheckCertificateRevocationList = false,                                                 // SSA2003
#pragma warning disable SYSLIB0039 // TLS 1.1 is obsolete: exactly what SSA2004 is about
                SslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12,                                 // SSA2004
#pragma warning restore SYSLIB0039
            });
        return services;
    }

    public static GrpcChannel ShippingChannel()
        => GrpcChannel.ForAddress("https://shipping.orders.example.com", new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Insecure,                                                  // SSA2006
        });
}
