using System.Threading.Tasks;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Crypto.ConstantIvOrSaltAnalyzer>;

namespace SecureServices.Analyzers.Tests.Crypto;

public sealed class ConstantIvOrSaltTests
{
    [Fact]
    public Task Zero_literal_and_string_ivs_nonces_and_salts_are_reported() => V.AnalyzerAsync("""
        using System;
        using System.Security.Cryptography;
        using System.Text;
        #pragma warning disable SYSLIB0060

        class Encryptor
        {
            private static readonly byte[] FixedIv = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
            private static readonly byte[] FixedSalt = Encoding.UTF8.GetBytes("pepper-and-salt!");

            byte[] M(byte[] key, byte[] data, string password)
            {
                using var aes = Aes.Create();
                aes.IV = {|SSA5006:new byte[16]|};
                using var encryptor = aes.CreateEncryptor(key, {|SSA5006:FixedIv|});
                var cbc = aes.EncryptCbc(data, {|SSA5006:Encoding.ASCII.GetBytes("0123456789abcdef")|});
                using var gcm = new AesGcm(key, 16);
                var nonce = new byte[12];
                var tag = new byte[16];
                var cipher = new byte[data.Length];
                gcm.Encrypt({|SSA5006:nonce|}, data, cipher, tag);
                using var kdf = new Rfc2898DeriveBytes(password, {|SSA5006:FixedSalt|}, 600_000, HashAlgorithmName.SHA256);
                var derived = Rfc2898DeriveBytes.Pbkdf2(password, {|SSA5006:"static-salt"u8|}, 600_000, HashAlgorithmName.SHA256, 32);
                aes.IV = {|SSA5006:Convert.FromBase64String("AAAAAAAAAAAAAAAAAAAAAA==")|};
                return cipher;
            }
        }
        """);

    [Fact]
    public Task Random_filled_received_and_decryption_values_are_not_reported() => V.AnalyzerAsync("""
        using System.Security.Cryptography;
        #pragma warning disable SYSLIB0060

        class Encryptor
        {
            private static readonly byte[] Buffer = new byte[16];
            private readonly byte[] instanceIv = RandomNumberGenerator.GetBytes(16);

            byte[] M(byte[] key, byte[] data, byte[] storedIv, byte[] storedNonce, byte[] tag, string password)
            {
                using var aes = Aes.Create();
                aes.GenerateIV();
                var iv = new byte[16];
                RandomNumberGenerator.Fill(iv);
                var cbc = aes.EncryptCbc(data, iv);
                aes.IV = RandomNumberGenerator.GetBytes(16);
                aes.IV = instanceIv;
                var plain = aes.DecryptCbc(data, new byte[16]);
                using var decryptor = aes.CreateDecryptor(key, new byte[16]);
                using var gcm = new AesGcm(key, 16);
                var output = new byte[data.Length];
                gcm.Decrypt(storedNonce, data, tag, output);
                var salt = RandomNumberGenerator.GetBytes(16);
                using var kdf = new Rfc2898DeriveBytes(password, salt, 600_000, HashAlgorithmName.SHA256);
                var prk = HKDF.Extract(HashAlgorithmName.SHA256, key, new byte[32]);
                var fromStore = aes.EncryptCbc(data, storedIv);
                return cbc;
            }
        }
        """);

    [Fact]
    public Task Half_typed_code_does_not_throw() => V.BrokenCodeAsync("""
        using System.Security.Cryptography;
        class C
        {
            void M(Aes aes)
            {
                aes.IV = {|SSA5006:new byte[16]|}
                aes.IV = new byte[
                aes.EncryptCbc(data, 
            }
        """);
}
