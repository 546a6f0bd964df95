using System.Security.Cryptography;
using System.Text;

namespace VulnerableService.Secrets;

/// <summary>Signs outgoing webhooks with a key written in the code.</summary>
public static class WebhookSigner
{
    public static string Sign(string payload)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("orders-webhook-signing-key-2024"));
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(payload)));
    }
}
