using System.Threading.Tasks;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Crypto.HomeMadeCryptographyAnalyzer>;

namespace SecureServices.Analyzers.Tests.Crypto;

public sealed class HomeMadeCryptographyTests
{
    [Fact]
    public Task Custom_algorithm_classes_and_xor_ciphers_are_reported() => V.AnalyzerAsync("""
        using System;
        using System.Security.Cryptography;

        class {|SSA5008:MyCipher|} : SymmetricAlgorithm
        {
            public override ICryptoTransform CreateDecryptor(byte[] rgbKey, byte[]? rgbIV) => throw new NotImplementedException();
            public override ICryptoTransform CreateEncryptor(byte[] rgbKey, byte[]? rgbIV) => throw new NotImplementedException();
            public override void GenerateIV() { }
            public override void GenerateKey() { }
        }

        sealed class {|SSA5008:SuperHash|} : HashAlgorithm
        {
            public override void Initialize() { }
            protected override void HashCore(byte[] array, int ibStart, int cbSize) { }
            protected override byte[] HashFinal() => new byte[8];
        }

        static class Obfuscator
        {
            public static byte[] Encrypt(byte[] data, byte[] key)
            {
                var result = new byte[data.Length];
                for (var i = 0; i < data.Length; i++)
                {
                    result[i] = (byte)({|SSA5008:data[i] ^ key[i % key.Length]|});
                }

                return result;
            }

            public static void DecryptInPlace(Span<byte> data, string key)
            {
                var i = 0;
                while (i < data.Length)
                {
                    {|SSA5008:data[i] ^= (byte)key[i % key.Length]|};
                    data[i] ^= 0x5A;
                    i++;
                }
            }
        }
        """);

    [Fact]
    public Task Checksums_get_hash_code_flags_and_non_crypto_methods_are_not_reported() => V.AnalyzerAsync("""
        using System;
        using System.Security.Cryptography;

        sealed class Crc32Algorithm : HashAlgorithm
        {
            public override void Initialize() { }
            protected override void HashCore(byte[] array, int ibStart, int cbSize) { }
            protected override byte[] HashFinal() => new byte[4];
        }

        sealed class Point
        {
            private readonly int[] parts = new int[3];

            public override int GetHashCode()
            {
                var h = 0;
                for (var i = 0; i < parts.Length; i++)
                {
                    h ^= parts[i];
                }

                return h;
            }

            public static byte[] Encrypt(byte[] data, byte[] key)
            {
                using var aes = Aes.Create();
                aes.Key = key;
                return aes.EncryptCbc(data, RandomNumberGenerator.GetBytes(16));
            }

            public static void MaskFrame(byte[] payload, byte[] mask)
            {
                for (var i = 0; i < payload.Length; i++)
                {
                    payload[i] ^= mask[i % 4];
                }
            }

            public static bool Toggle(bool[] flags, bool value) { var r = false; foreach (var f in flags) { r = r ^ f; } return r; }
        }
        """);

    [Fact]
    public Task Integer_hashes_for_sharding_are_not_reported_but_byte_hashes_are() => V.AnalyzerAsync("""
        static class Partitioner
        {
            public static uint StableHash(string key)
            {
                uint hash = 2166136261;
                for (var i = 0; i < key.Length; i++)
                {
                    hash ^= key[i];
                    hash *= 16777619;
                }

                return hash;
            }

            public static byte[] HashPassword(byte[] password, byte[] salt)
            {
                var result = new byte[password.Length];
                for (var i = 0; i < password.Length; i++)
                {
                    result[i] = (byte)({|SSA5008:password[i] ^ salt[i % salt.Length]|});
                }

                return result;
            }
        }
        """);
}
