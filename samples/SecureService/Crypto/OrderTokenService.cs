using System.Security.Cryptography;
using System.Text;

namespace SecureService.Crypto;

/// <summary>Signs order links, protects card references and issues reset codes with the framework's modern primitives.</summary>
public sealed class OrderTokenService
{
    private const int Pbkdf2Iterations = 600_000;

    private readonly byte[] signingKey;

    public OrderTokenService(byte[] signingKey) => this.signingKey = signingKey;

    public string SignOrderLink(int orderId)
        => Convert.ToHexString(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(orderId.ToString())));

    /// <summary>AES-GCM with a fresh random nonce; the result is nonce | tag | ciphertext.</summary>
    public byte[] ProtectCardReference(byte[] key, string cardReference)
    {
        var plaintext = Encoding.UTF8.GetBytes(cardReference);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var ciphertext = new byte[plaintext.Length];
        using var gcm = new AesGcm(key, tag.Length);
        gcm.Encrypt(nonce, plaintext, ciphertext, tag);
        return [.. nonce, .. tag, .. ciphertext];
    }

    public RSA CreatePartnerKey() => RSA.Create(3072);

    public byte[] HashPassword(string password, byte[] salt)
        => Rfc2898DeriveBytes.Pbkdf2(password, salt, Pbkdf2Iterations, HashAlgorithmName.SHA256, 32);

    public byte[] NewSalt() => RandomNumberGenerator.GetBytes(16);

    public string CreateResetCode()
    {
        var resetCode = RandomNumberGenerator.GetInt32(100000, 1000000);
        return resetCode.ToString("D6");
    }

    /// <summary>Retry jitter: System.Random is fine here.</summary>
    public static TimeSpan RetryDelay(int attempt) => TimeSpan.FromMilliseconds((100 << attempt) + Random.Shared.Next(0, 100));

    /// <summary>An ETag for the order list: MD5 as a cache validator, not for security.</summary>
    public static string ComputeETag(byte[] body) => "\"" + Convert.ToHexString(MD5.HashData(body)) + "\"";
}
