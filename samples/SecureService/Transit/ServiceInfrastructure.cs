using System.Net.Mail;
using System.Net.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Data.SqlClient;

namespace SecureService.Transit;

// The fixed twin: client certificates checked, metadata over HTTPS, encrypted and verified connections.
public static class ServiceInfrastructure
{
    public static void UseMutualTls(HttpsConnectionAdapterOptions https, IReadOnlySet<string> allowedThumbprints)
    {
        https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
        https.ClientCertificateValidation = (certificate, _, errors)
            => errors == SslPolicyErrors.None && allowedThumbprints.Contains(certificate.Thumbprint);
    }

    public static void ConfigureJwt(JwtBearerOptions options)
    {
        options.Authority = "https://login.orders.example.com/realms/orders";
    }

    public static SqlConnection OpenOrdersDatabase()
        => new SqlConnection("Server=sql.orders.example.com;Database=Orders;Integrated Security=true;Encrypt=Strict");

    public static SmtpClient MailRelay()
        => new SmtpClient("smtp.orders.example.com", 587) { EnableSsl = true };
}
