using System.Security.Cryptography;
using System.Text;

namespace VulnerableService.Crypto;

/// <summary>Signs order links, protects card references and issues reset codes — every way not to.</summary>
public sealed class OrderTokenService
{
    private static readonly byte[] CardIv = { 0x10, 0x21, 0x32, 0x43, 0x54, 0x65, 0x76, 0x87, 0x98, 0xA9, 0xBA, 0xCB, 0xDC, 0xED, 0xFE, 0x0F };
    private static readonly Random Rng = new();

    private readonly byte[] signingKey;

    public OrderTokenService(byte[] signingKey) => this.signingKey = signingKey;

    // SSA5001: HMAC-SHA1 protects the integrity of the link.
    public string SignOrderLink(int orderId)
    {
        using var hmac = new HMACSHA1(signingKey);
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(orderId.ToString())));
    }

    // SSA5002, SSA5003, SSA5006: TripleDES in ECB mode, and a fixed IV for the CBC variant.
    public byte[] ProtectCardReference(byte[] key, string cardReference)
    {
#pragma warning disable SYSLIB0021
        using var tdes = TripleDES.Create();
#pragma warning restore SYSLIB0021
        tdes.Key = key;
        tdes.Mode = CipherMode.ECB;
        var legacy = tdes.CreateEncryptor().TransformFinalBlock(Encoding.UTF8.GetBytes(cardReference), 0, cardReference.Length);

        using var aes = Aes.Create();
        aes.Key = key;
        return aes.EncryptCbc(legacy, CardIv);
    }

    // SSA5004: a 1024-bit RSA key for the partner API.
    public RSA CreatePartnerKey() => RSA.Create(1024);

    // SSA5005: PBKDF2 with the defaults (1,000 iterations of HMAC-SHA1).
    public byte[] HashPassword(string password, byte[] salt)
    {
#pragma warning disable SYSLIB0041, SYSLIB0060
        using var kdf = new Rfc2898DeriveBytes(password, salt);
#pragma warning restore SYSLIB0041, SYSLIB0060
        return kdf.GetBytes(32);
    }

    // SSA5007: a password-reset code from System.Random.
    public string CreateResetCode()
    {
        var resetCode = Rng.Next(100000, 1000000);
        return resetCode.ToString("D6");
    }

    // SSA5008: "encryption" by XOR with a key.
    public static byte[] EncryptCustomerNote(byte[] note, byte[] key)
    {
        var result = new byte[note.Length];
        for (var i = 0; i < note.Length; i++)
        {
            result[i] = (byte)(note[i] ^ key[i % key.Length]);
        }

        return result;
    }
}
