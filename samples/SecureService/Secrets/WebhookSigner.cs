using System.Security.Cryptography;
using System.Text;

namespace SecureService.Secrets;

/// <summary>Signs outgoing webhooks with a key supplied by configuration (a secret store in production).</summary>
public sealed class WebhookSigner(IConfiguration configuration)
{
    public string Sign(string payload)
    {
        var key = Convert.FromBase64String(configuration["Webhooks:SigningKey"]
            ?? throw new InvalidOperationException("Missing configuration value 'Webhooks:SigningKey'."));
        using var hmac = new HMACSHA256(key);
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(payload)));
    }
}
