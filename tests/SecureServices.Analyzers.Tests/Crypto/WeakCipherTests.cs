using System.Threading.Tasks;
using Xunit;
using Cipher = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Crypto.BrokenCipherAnalyzer>;
using Ecb = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Crypto.EcbModeAnalyzer>;
using Rsa = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Crypto.ShortRsaKeyAnalyzer>;

namespace SecureServices.Analyzers.Tests.Crypto;

public sealed class WeakCipherTests
{
    [Fact]
    public Task Des_tripledes_and_rc2_are_reported() => Cipher.AnalyzerAsync("""
        using System.Security.Cryptography;

        class Legacy
        {
            void M()
            {
                using var des = {|SSA5002:DES.Create()|};
                using var tdes = {|SSA5002:TripleDES.Create()|};
                using var rc2 = {|SSA5002:RC2.Create()|};
        #pragma warning disable SYSLIB0021
                using var provider = {|SSA5002:new TripleDESCryptoServiceProvider()|};
        #pragma warning restore SYSLIB0021
            }
        }
        """);

    [Fact]
    public Task Aes_and_aesgcm_are_not_reported() => Cipher.AnalyzerAsync("""
        using System.Security.Cryptography;

        class Modern
        {
            void M(byte[] key)
            {
                using var aes = Aes.Create();
                using var gcm = new AesGcm(key, 16);
                using var chacha = new ChaCha20Poly1305(key);
            }
        }
        """);

    [Fact]
    public Task Ecb_mode_and_one_shot_encryption_are_reported() => Ecb.AnalyzerAsync("""
        using System.Security.Cryptography;

        class Encryptor
        {
            byte[] M(byte[] key, byte[] data)
            {
                using var aes = Aes.Create();
                aes.Key = key;
                aes.Mode = {|SSA5003:CipherMode.ECB|};
                using var other = Aes.Create();
                var mode = {|SSA5003:CipherMode.ECB|};
                other.Mode = mode;
                return {|SSA5003:aes.EncryptEcb(data, PaddingMode.PKCS7)|};
            }

            CipherMode Configure() => {|SSA5003:CipherMode.ECB|};
        }
        """);

    [Fact]
    public Task Ecb_comparisons_decryption_and_other_modes_are_not_reported() => Ecb.AnalyzerAsync("""
        using System;
        using System.Security.Cryptography;

        class Validator
        {
            byte[] M(SymmetricAlgorithm alg, byte[] legacy)
            {
                if (alg.Mode == CipherMode.ECB)
                {
                    throw new InvalidOperationException("ECB is not allowed");
                }

                var isEcb = alg.Mode switch { CipherMode.ECB => true, _ => false };
                alg.Mode = CipherMode.CBC;
                return alg.DecryptEcb(legacy, PaddingMode.PKCS7);
            }
        }
        """);

    [Fact]
    public Task Short_rsa_keys_are_reported() => Rsa.AnalyzerAsync("""
        using System.Security.Cryptography;

        class Keys
        {
            const int Bits = 1024;

            void M()
            {
                using var a = RSA.Create({|SSA5004:1024|});
                using var b = new RSACryptoServiceProvider({|SSA5004:512|});
                using var c = RSA.Create();
                c.KeySize = {|SSA5004:Bits|};
                using var d = RSA.Create(keySizeInBits: {|SSA5004:1536|});
            }
        }
        """);

    [Fact]
    public Task Long_rsa_keys_unknown_sizes_and_other_algorithms_are_not_reported() => Rsa.AnalyzerAsync("""
        using System.Security.Cryptography;

        class Keys
        {
            void M(int configured)
            {
                using var a = RSA.Create(2048);
                using var b = RSA.Create(4096);
                using var c = RSA.Create(configured);
                using var aes = Aes.Create();
                aes.KeySize = 128;
                using var ecdsa = ECDsa.Create();
                ecdsa.KeySize = 256;
            }
        }
        """);

    [Fact]
    public Task Half_typed_code_does_not_throw() => Rsa.BrokenCodeAsync("""
        using System.Security.Cryptography;
        class C
        {
            void M()
            {
                var b = new RSACryptoServiceProvider({|SSA5004:512|});
                var a = RSA.Create(
                a.KeySize =
                aes.Mode = CipherMode.
            }
        """);
}
