using System.Threading.Tasks;
using SecureServices.Analyzers.CodeFixes.Crypto;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Crypto.InsecureRandomForSecretAnalyzer>;

namespace SecureServices.Analyzers.Tests.Crypto;

public sealed class InsecureRandomForSecretTests
{
    [Fact]
    public Task Random_values_stored_returned_or_passed_as_security_values_are_reported() => V.AnalyzerAsync("""
        using System;

        class Tokens
        {
            private static readonly Random Rng = new Random();
            public string ResetToken { get; set; } = "";

            void Issue(User user)
            {
                var otp = {|SSA5007:Rng.Next(100000, 999999)|};
                user.VerificationCode = {|SSA5007:Random.Shared.Next(1_000_000)|}.ToString("D6");
                var salt = new byte[16];
                {|SSA5007:Rng.NextBytes(salt)|};
                var buffer = new byte[32];
                {|SSA5007:Rng.NextBytes(buffer)|};
                ResetToken = Convert.ToBase64String(buffer);
                Send(user, {|SSA5007:Rng.Next()|});
            }

            string CreateApiKey()
            {
                var chars = new char[32];
                for (var i = 0; i < chars.Length; i++)
                {
                    chars[i] = "abcdefghijklmnopqrstuvwxyz0123456789"[{|SSA5007:Rng.Next(36)|}];
                }

                return new string(chars);
            }

            void Send(User user, int pinCode) { }
        }

        class User
        {
            public string VerificationCode { get; set; } = "";
        }
        """);

    [Fact]
    public Task Jitter_sampling_shuffles_and_non_security_names_are_not_reported() => V.AnalyzerAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class Worker
        {
            private readonly Random random = new Random();

            async Task RefreshTokenAsync(CancellationToken cancellationToken)
            {
                var jitter = TimeSpan.FromMilliseconds(random.Next(0, 250));
                await Task.Delay(random.Next(100, 500), cancellationToken);
                await Task.Delay(jitter, cancellationToken);
            }

            bool ShouldSample() => random.NextDouble() < 0.1;

            string CreatePartitionKey() => "p" + random.Next(16);

            int PickStatusCode() => random.Next(2) == 0 ? 200 : 503;

            string GetTokenEndpoint(string[] endpoints)
            {
                var index = random.Next(endpoints.Length);
                return endpoints[index];
            }

            void M(int[] items)
            {
                var cacheKey = random.Next(1000);
                var index = random.Next(items.Length);
                var statusCode = random.Next(500, 504);
                var testToken = random.Next();
                random.Shuffle(items);
            }
        }
        """);

    [Fact]
    public Task Half_typed_code_does_not_throw() => V.BrokenCodeAsync("""
        using System;
        class C
        {
            void M(Random r)
            {
                var token = {|SSA5007:r.Next(10)|};
                var salt = r.
                r.NextBytes(
            }
        """);

    [Fact]
    public Task Fix_uses_random_number_generator_with_the_same_shape() => V.CodeFixAsync<UseRandomNumberGeneratorCodeFix>(
        """
        using System;

        class Tokens
        {
            private static readonly Random Rng = new Random();

            void Issue()
            {
                var otp = {|SSA5007:Rng.Next(100000, 999999)|};
                var pin = {|SSA5007:Random.Shared.Next(10_000)|};
                var sessionKey = {|SSA5007:Rng.Next()|};
                var salt = new byte[16];
                {|SSA5007:Rng.NextBytes(salt)|};
            }
        }
        """,
        """
        using System;

        class Tokens
        {
            private static readonly Random Rng = new Random();

            void Issue()
            {
                var otp = System.Security.Cryptography.RandomNumberGenerator.GetInt32(100000, 999999);
                var pin = System.Security.Cryptography.RandomNumberGenerator.GetInt32(10_000);
                var sessionKey = System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue);
                var salt = new byte[16];
                System.Security.Cryptography.RandomNumberGenerator.Fill(salt);
            }
        }
        """);

    [Fact]
    public Task Shapes_without_an_equivalent_get_no_fix() => V.CodeFixAsync<UseRandomNumberGeneratorCodeFix>(
        """
        class Tokens
        {
            long M(System.Random rng)
            {
                var nonce = {|SSA5007:rng.NextInt64()|};
                return nonce;
            }
        }
        """,
        """
        class Tokens
        {
            long M(System.Random rng)
            {
                var nonce = {|SSA5007:rng.NextInt64()|};
                return nonce;
            }
        }
        """);

    [Fact]
    public Task Quantities_of_security_values_are_not_reported() => V.AnalyzerAsync("""
        using System;

        class Prompt
        {
            int MaxTokens { get; set; }

            void M(Random random)
            {
                var tokenCount = random.Next(1, 5);
                MaxTokens = random.Next(100, 200);
                var saltLength = random.Next(16, 32);
                var token = {|SSA5007:random.Next()|};
            }
        }
        """);
}
