using System.Globalization;
using System.Threading.Tasks;
using SecureServices.Analyzers.Rules.Secrets;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Secrets.HardCodedCryptographicKeyAnalyzer>;

namespace SecureServices.Analyzers.Tests.Secrets;

public sealed class HardCodedCryptographicKeyTests
{
    [Fact]
    public Task Jwt_signing_keys_built_from_constants_are_reported() => V.AnalyzerAsync("""
        using System;
        using System.Text;
        using Microsoft.IdentityModel.Tokens;
        class Tokens
        {
            const string Material = "a-very-long-jwt-signing-key-material-1234";
            static readonly byte[] FieldKey = Convert.FromBase64String("c2lnbmluZy1rZXktbWF0ZXJpYWwtZm9yLXRlc3Rz");

            void M()
            {
                var a = new SymmetricSecurityKey({|SSA1005:Encoding.UTF8.GetBytes("another-long-signing-key-material-5678")|});
                var b = new SymmetricSecurityKey({|SSA1005:Encoding.ASCII.GetBytes(Material)|});
                var c = new SymmetricSecurityKey({|SSA1005:new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }|});
                var d = new SymmetricSecurityKey({|SSA1005:FieldKey|});
                var bytes = Encoding.UTF8.GetBytes("local-variable-signing-key-material-0000");
                var e = new SymmetricSecurityKey({|SSA1005:bytes|});
                var f = new SymmetricSecurityKey({|SSA1005:"utf8-literal-signing-key-material"u8.ToArray()|});
            }
        }
        """);

    [Fact]
    public Task Hmac_ciphers_and_key_properties_are_reported() => V.AnalyzerAsync("""
        using System;
        using System.Security.Cryptography;
        using System.Text;
        class Crypto
        {
            byte[] M(byte[] data)
            {
                using var hmac = new HMACSHA256({|SSA1005:Encoding.UTF8.GetBytes("webhook-signing-secret")|});
                var mac = HMACSHA256.HashData({|SSA1005:Convert.FromHexString("00112233445566778899AABBCCDDEEFF")|}, data);
                using var aes = Aes.Create();
                aes.Key = {|SSA1005:[0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]|};
                using var gcm = new AesGcm({|SSA1005:"0123456789abcdef0123456789abcdef"u8|}, 16);
                return mac;
            }
        }
        """);

    [Fact]
    public Task Keys_from_configuration_random_generators_and_non_key_parameters_are_not_reported() => V.AnalyzerAsync("""
        using System;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.Extensions.Configuration;
        using Microsoft.IdentityModel.Tokens;
        class Crypto
        {
            void M(IConfiguration configuration, byte[] data)
            {
                var a = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Jwt:Key"]!));
                var b = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
                var c = new SymmetricSecurityKey(new byte[32]);
                var hash = SHA256.HashData(Encoding.UTF8.GetBytes("not a key: the data being hashed"));
                using var aes = Aes.Create();
                aes.IV = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
                aes.Key = Convert.FromBase64String(configuration["Aes:Key"]!);
                var keyBytes = Encoding.UTF8.GetBytes(configuration["Hmac:Key"]!);
                using var hmac = new HMACSHA256(keyBytes);
                var small = new HMACSHA256(new byte[] { 1, 2 });
                var dictionary = new System.Collections.Generic.Dictionary<string, byte[]> { { "key", Encoding.UTF8.GetBytes("value-is-not-a-crypto-key") } };
            }
        }
        """);

    [Fact]
    public Task Half_typed_code_does_not_throw() => V.BrokenCodeAsync("""
        using System.Text;
        using Microsoft.IdentityModel.Tokens;
        class C
        {
            void M()
            {
                var b = new SymmetricSecurityKey({|SSA1005:Encoding.UTF8.GetBytes("half-typed-signing-key")|})
                var c = new SymmetricSecurityKey(undefinedKey);
                var d = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(
        """);

    [Fact]
    public void Message_is_translated()
    {
        var descriptor = HardCodedCryptographicKeyAnalyzer.Rule;
        Assert.Equal(
            "'SymmetricSecurityKey' receives a key built from constants in the code; load key material from a key store instead",
            string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.GetCultureInfo("en")), "SymmetricSecurityKey"));
        Assert.Equal(
            "'SymmetricSecurityKey' reçoit une clé construite à partir de constantes du code ; chargez plutôt la clé depuis un magasin de clés",
            string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.GetCultureInfo("fr")), "SymmetricSecurityKey"));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, descriptor.DefaultSeverity);
    }
}
