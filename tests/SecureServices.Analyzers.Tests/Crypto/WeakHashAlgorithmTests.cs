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
    public Task Name_based_uuids_v3_and_v5_are_not_reported() => V.AnalyzerAsync("""
        using System;
        using System.Security.Cryptography;
        using System.Text;

        static class NameBasedGuid
        {
            // RFC 4122 §4.3, classic shape: hash, copy 16 bytes, set version and variant bits.
            public static Guid V5(Guid namespaceId, string name)
            {
                var nameBytes = Encoding.UTF8.GetBytes(name);
                var namespaceBytes = namespaceId.ToByteArray();
                var input = new byte[namespaceBytes.Length + nameBytes.Length];
                Buffer.BlockCopy(namespaceBytes, 0, input, 0, namespaceBytes.Length);
                Buffer.BlockCopy(nameBytes, 0, input, namespaceBytes.Length, nameBytes.Length);

                byte[] hash;
                using (var sha1 = SHA1.Create())
                {
                    hash = sha1.ComputeHash(input);
                }

                var newGuid = new byte[16];
                Array.Copy(hash, 0, newGuid, 0, 16);
                newGuid[6] = (byte)((newGuid[6] & 0x0F) | 0x50);
                newGuid[8] = (byte)((newGuid[8] & 0x3F) | 0x80);
                return new Guid(newGuid);
            }

            // Version 3 with a slice and the Guid(ReadOnlySpan<byte>, bigEndian) constructor.
            public static Guid V3(byte[] namespaceAndName)
            {
                var hash = MD5.HashData(namespaceAndName);
                hash[6] = (byte)((hash[6] & 0x0F) | 0x30);
                hash[8] &= 0x3F;
                hash[8] |= 0x80;
                return new Guid(hash.AsSpan(0, 16), bigEndian: true);
            }

            // Span<byte> destination, no allocation.
            public static Guid V5Span(ReadOnlySpan<byte> namespaceAndName)
            {
                Span<byte> hash = stackalloc byte[20];
                SHA1.HashData(namespaceAndName, hash);
                hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
                hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
                return new Guid(hash[..16]);
            }

            // IncrementalHash fed in two parts.
            public static Guid V5Incremental(byte[] namespaceBytes, byte[] nameBytes)
            {
                using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
                sha1.AppendData(namespaceBytes);
                sha1.AppendData(nameBytes);
                var hash = sha1.GetHashAndReset();
                hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
                hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
                return new Guid(hash.AsSpan(0, 16));
            }

            // A range slice of the array digest, straight into the constructor.
            public static Guid Deterministic(string name)
                => new Guid(MD5.HashData(Encoding.UTF8.GetBytes(name))[..16]);
        }
        """);

    [Fact]
    public Task Uuid_lookalikes_whose_digest_is_also_used_elsewhere_are_reported() => V.AnalyzerAsync("""
        using System;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.Extensions.Logging;

        class Ids
        {
            private byte[] lastDigest = Array.Empty<byte>();

            // Looks like v5, but the digest also decides equality with an expected value.
            public Guid V5AndCompare(byte[] input, byte[] expected)
            {
                var hash = {|SSA5001:SHA1.HashData(input)|};
                if (hash.AsSpan().SequenceEqual(expected))
                {
                    throw new InvalidOperationException();
                }

                hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
                return new Guid(hash[..16]);
            }

            // Also returned as hex through an out parameter.
            public Guid V5AndHex(byte[] input, out string hex)
            {
                var hash = {|SSA5001:SHA1.HashData(input)|};
                hex = Convert.ToHexString(hash);
                return new Guid(hash[..16]);
            }

            // A single byte of the digest decides something.
            public Guid V3AndBranch(byte[] input)
            {
                var hash = {|SSA5001:MD5.HashData(input)|};
                if (hash[0] == 0)
                {
                    return Guid.Empty;
                }

                return new Guid(hash);
            }

            // Put in a Guid, but also logged.
            public Guid V5AndLogged(byte[] input, ILogger logger)
            {
                using var sha1 = {|SSA5001:SHA1.Create()|};
                var hash = sha1.ComputeHash(input);
                logger.LogInformation("digest {Digest}", Convert.ToBase64String(hash));
                return new Guid(hash.AsSpan(0, 16));
            }

            // Put in a Guid, but also stored.
            public Guid V5AndStored(byte[] input)
            {
                var hash = {|SSA5001:SHA1.HashData(input)|};
                lastDigest = hash;
                return new Guid(hash[..16]);
            }

            // The Guid is built from a base64 string of the digest: not the UUID construction.
            public Guid FromText(string name) => Guid.Parse(Convert.ToBase64String({|SSA5001:MD5.HashData(Encoding.UTF8.GetBytes(name))|}));
        }
        """);

    [Fact]
    public Task Content_md5_header_is_not_reported() => V.AnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Security.Cryptography;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Net.Http.Headers;

        class Upload
        {
            void Typed(HttpRequestMessage request, byte[] body)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentMD5 = MD5.HashData(body);
            }

            void Named(HttpRequestMessage request, byte[] body)
            {
                using var md5 = MD5.Create();
                request.Headers.Add("Content-MD5", Convert.ToBase64String(md5.ComputeHash(body)));
            }

            void Lowercase(HttpClient client, byte[] body)
            {
                var contentMd5 = Convert.ToBase64String(MD5.HashData(body));
                client.DefaultRequestHeaders.TryAddWithoutValidation("content-md5", contentMd5);
            }

            void Response(HttpResponse response, byte[] body)
            {
                response.Headers[HeaderNames.ContentMD5] = Convert.ToBase64String(MD5.HashData(body));
                response.Headers.ContentMD5 = Convert.ToBase64String(MD5.HashData(body));
                response.Headers.Append("Content-MD5", Convert.ToBase64String(MD5.HashData(body)));
            }
        }
        """);

    [Fact]
    public Task Content_md5_lookalikes_are_reported() => V.AnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Security.Cryptography;

        class Upload
        {
            void Sha1IsNotContentMd5(HttpRequestMessage request, byte[] body)
                => request.Headers.Add("Content-MD5", Convert.ToBase64String({|SSA5001:SHA1.HashData(body)|}));

            void OtherHeaderNames(HttpRequestMessage request, byte[] body)
            {
                request.Headers.Add("Content-MD5-Check", Convert.ToBase64String({|SSA5001:MD5.HashData(body)|}));
                request.Headers.Add("X-Checksum", Convert.ToBase64String({|SSA5001:MD5.HashData(body)|}));
            }

            void NameAsValue(HttpRequestMessage request, byte[] body)
                => request.Headers.Add(Convert.ToBase64String({|SSA5001:MD5.HashData(body)|}), "Content-MD5");

            bool AlsoCompared(HttpRequestMessage request, byte[] body, string expected)
            {
                var contentMd5 = Convert.ToBase64String({|SSA5001:MD5.HashData(body)|});
                request.Headers.Add("Content-MD5", contentMd5);
                return contentMd5 == expected;
            }
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
    public Task Half_typed_uuid_and_header_code_does_not_throw() => V.BrokenCodeAsync("""
        using System;
        using System.Net.Http;
        using System.Security.Cryptography;
        class C
        {
            Guid M(byte[] data, HttpRequestMessage request)
            {
                // Still a digest that only ends in a Guid; the MD5 reaches a header call without a name.
                var hash = SHA1.HashData(data);
                hash[6] = (byte)((hash[6] & 0x0F) |
                request.Headers.Add(, Convert.ToBase64String({|SSA5001:MD5.HashData(data)|}));
                return new Guid(hash[..
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
