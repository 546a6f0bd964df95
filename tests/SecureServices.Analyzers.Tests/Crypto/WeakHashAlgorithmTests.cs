using System.Threading.Tasks;
using SecureServices.Analyzers.CodeFixes.Crypto;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Crypto.WeakHashAlgorithmAnalyzer>;

namespace SecureServices.Analyzers.Tests.Crypto;

public sealed class WeakHashAlgorithmTests
{
    [Fact]
    public Task Factories_one_shots_legacy_classes_and_hmacs_are_reported() => V.AnalyzerAsync("""
        using System.IO;
        using System.Security.Cryptography;
        using System.Threading.Tasks;

        class Signer
        {
            byte[] Sign(byte[] key, byte[] data, Stream stream)
            {
                using var md5 = {|SSA5001:MD5.Create()|};
                var digest = {|SSA5001:SHA1.HashData(data)|};
                var legacy = {|SSA5001:new SHA1Managed()|};
                var provider = {|SSA5001:new MD5CryptoServiceProvider()|};
                using var hmac = {|SSA5001:new HMACSHA1(key)|};
                var mac = {|SSA5001:HMACMD5.HashData(key, data)|};
                using var incremental = {|SSA5001:IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, key)|};
                var qualified = {|SSA5001:System.Security.Cryptography.MD5.HashData(data)|};
                return md5.ComputeHash(data);
            }

            async Task<byte[]> SignAsync(Stream stream) => await {|SSA5001:SHA1.HashDataAsync(stream)|};
        }
        """);

    [Fact]
    public Task Sha256_and_stronger_and_signature_interop_are_not_reported() => V.AnalyzerAsync("""
        using System.Security.Cryptography;

        class Strong
        {
            byte[] M(byte[] data, byte[] key, RSA rsa)
            {
                using var sha = SHA256.Create();
                var a = SHA384.HashData(data);
                var b = HMACSHA256.HashData(key, data);
                var ok = rsa.VerifyData(data, data, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
                using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
                return SHA512.HashData(data);
            }
        }
        """);

    [Fact]
    public Task Cache_keys_and_etags_are_not_reported_but_lookalikes_are() => V.AnalyzerAsync("""
        using System;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.Net.Http.Headers;

        class Responses
        {
            string ComputeETag(byte[] body) => Convert.ToHexString(MD5.HashData(body));

            string Key(string query)
            {
                var cacheKey = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(query)));
                return cacheKey;
            }

            EntityTagHeaderValue Tag(byte[] body) => new EntityTagHeaderValue("\"" + Convert.ToHexString(MD5.HashData(body)) + "\"");

            string Etag(byte[] body)
            {
                using var md5 = MD5.Create();
                var etag = Convert.ToHexString(md5.ComputeHash(body));
                return etag;
            }

            string Integrity(byte[] body)
            {
                using var md5 = {|SSA5001:MD5.Create()|};
                var etag = Convert.ToHexString(md5.ComputeHash(body));
                var signature = Convert.ToHexString(md5.ComputeHash(body));
                return etag + signature;
            }

            string PasswordHash(string password) => Convert.ToHexString({|SSA5001:SHA1.HashData(Encoding.UTF8.GetBytes(password))|});
        }
        """);

    [Fact]
    public Task Half_typed_code_does_not_throw() => V.BrokenCodeAsync("""
        using System.Security.Cryptography;
        class C
        {
            void M()
            {
                var a = {|SSA5001:MD5.Create()|}
                var b = SHA1.HashData(
                var c = new HMACSHA1(
                var d = MD5.
            }
        """);

    [Fact]
    public Task Fix_moves_to_sha256_and_hmacsha256() => V.CodeFixAsync<UseSha256CodeFix>(
        """
        using System.Security.Cryptography;

        class Signer
        {
            byte[] Sign(byte[] key, byte[] data)
            {
                using var md5 = {|SSA5001:MD5.Create()|};
                var digest = {|SSA5001:SHA1.HashData(data)|};
                HashAlgorithm legacy = {|SSA5001:new SHA1Managed()|};
                using var hmac = {|SSA5001:new HMACSHA1(key)|};
                var mac = {|SSA5001:HMACMD5.HashData(key, data)|};
                using var incremental = {|SSA5001:IncrementalHash.CreateHash(HashAlgorithmName.MD5)|};
                return {|SSA5001:System.Security.Cryptography.SHA1.Create()|}.ComputeHash(data);
            }
        }
        """,
        """
        using System.Security.Cryptography;

        class Signer
        {
            byte[] Sign(byte[] key, byte[] data)
            {
                using var md5 = SHA256.Create();
                var digest = SHA256.HashData(data);
                HashAlgorithm legacy = SHA256.Create();
                using var hmac = new HMACSHA256(key);
                var mac = HMACSHA256.HashData(key, data);
                using var incremental = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                return System.Security.Cryptography.SHA256.Create().ComputeHash(data);
            }
        }
        """);

    [Fact]
    public Task Fix_is_not_offered_when_the_variable_is_typed_as_the_weak_class() => V.CodeFixAsync<UseSha256CodeFix>(
        """
        using System.Security.Cryptography;

        class C
        {
            byte[] M(byte[] data)
            {
                MD5 md5 = {|SSA5001:MD5.Create()|};
                return md5.ComputeHash(data);
            }
        }
        """,
        """
        using System.Security.Cryptography;

        class C
        {
            byte[] M(byte[] data)
            {
                MD5 md5 = {|SSA5001:MD5.Create()|};
                return md5.ComputeHash(data);
            }
        }
        """);
}
