using System.Net.Mail;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Data.SqlClient;

namespace VulnerableService.Transit;

// The service's own TLS, its token validation, its database and its mail relay.
public static class ServiceInfrastructure
{
    public static void UseMutualTls(HttpsConnectionAdapterOptions https)
    {
        https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
        https.AllowAnyClientCertificate();                                                              // SSA2002
    }

    public static void ConfigureJwt(JwtBearerOptions options)
    {
        options.Authority = "https://login.orders.example.com/realms/orders";
        options.RequireHttpsMetadata = false;                                                           // SSA2009
    }

    public static SqlConnection OpenOrdersDatabase()
        => new SqlConnection("Server=sql.orders.example.com;Database=Orders;Integrated Security=true;TrustServerCertificate=True");   // SSA2008

    public static SmtpClient MailRelay()
        => new SmtpClient("smtp.orders.example.com", 25) { EnableSsl = false };                       // SSA2007
}
