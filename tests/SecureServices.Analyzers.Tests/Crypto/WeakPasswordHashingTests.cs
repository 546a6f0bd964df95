using System.Globalization;
using System.Threading.Tasks;
using SecureServices.Analyzers.Rules.Crypto;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Crypto.WeakPasswordHashingAnalyzer>;

namespace SecureServices.Analyzers.Tests.Crypto;

public sealed class WeakPasswordHashingTests
{
    [Fact]
    public Task Defaults_low_iterations_and_sha1_are_reported() => V.AnalyzerAsync("""
        using System.Security.Cryptography;
        using Microsoft.AspNetCore.Cryptography.KeyDerivation;
        #pragma warning disable SYSLIB0041, SYSLIB0060

        class Hasher
        {
            void M(string password, byte[] salt, int configured)
            {
                using var a = {|SSA5005:new Rfc2898DeriveBytes(password, salt)|};
                using var b = {|SSA5005:new Rfc2898DeriveBytes(password, 16)|};
                using var c = {|SSA5005:new Rfc2898DeriveBytes(password, salt, 10_000, HashAlgorithmName.SHA256)|};
                using var d = {|SSA5005:new Rfc2898DeriveBytes(password, salt, 600_000, HashAlgorithmName.SHA1)|};
                using var e = {|SSA5005:new Rfc2898DeriveBytes(password, salt, configured)|};
                var f = {|SSA5005:Rfc2898DeriveBytes.Pbkdf2(password, salt, 1000, HashAlgorithmName.SHA512, 32)|};
                var g = {|SSA5005:KeyDerivation.Pbkdf2(password, salt, KeyDerivationPrf.HMACSHA1, 100_000, 32)|};
            }
        }
        """);

    [Fact]
    public Task Strong_parameters_and_unknown_counts_with_sha256_are_not_reported() => V.AnalyzerAsync("""
        using System.Security.Cryptography;
        using Microsoft.AspNetCore.Cryptography.KeyDerivation;
        #pragma warning disable SYSLIB0060

        class Hasher
        {
            void M(string password, byte[] salt, int configured)
            {
                using var a = new Rfc2898DeriveBytes(password, salt, 600_000, HashAlgorithmName.SHA256);
                using var b = new Rfc2898DeriveBytes(password, salt, configured, HashAlgorithmName.SHA512);
                var c = Rfc2898DeriveBytes.Pbkdf2(password, salt, 210_000, HashAlgorithmName.SHA512, 64);
                var d = KeyDerivation.Pbkdf2(password, salt, KeyDerivationPrf.HMACSHA256, 100_000, 32);
            }
        }
        """);

    [Fact]
    public Task Minimum_comes_from_editorconfig() => V.AnalyzerAsync("""
        using System.Security.Cryptography;

        class Hasher
        {
            byte[] M(string password, byte[] salt)
                => {|SSA5005:Rfc2898DeriveBytes.Pbkdf2(password, salt, 300_000, HashAlgorithmName.SHA256, 32)|};

            byte[] N(string password, byte[] salt)
                => Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA256, 32);
        }
        """,
        "secureservices.min_pbkdf2_iterations = 600000\n");

    [Fact]
    public void Message_names_the_count_the_prf_and_the_minimum()
    {
        var descriptor = WeakPasswordHashingAnalyzer.Rule;
        var en = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.GetCultureInfo("en")), "1000", "SHA1", "100000");
        Assert.Equal("PBKDF2 runs 1000 iterations of HMAC-SHA1; use at least 100000 iterations with SHA-256 or stronger", en);
        var fr = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.GetCultureInfo("fr-CA")), "1000", "SHA1", "100000");
        Assert.Equal("PBKDF2 effectue 1000 itérations de HMAC-SHA1 ; utilisez au moins 100000 itérations avec SHA-256 ou plus fort", fr);
    }

    [Fact]
    public Task Minimum_in_the_message_has_no_group_separator_so_french_does_not_read_it_as_a_decimal() => V.AnalyzerAsync("""
        using System.Security.Cryptography;

        class Hasher
        {
            byte[] M(string password, byte[] salt)
                => {|#0:Rfc2898DeriveBytes.Pbkdf2(password, salt, 1000, HashAlgorithmName.SHA256, 32)|};
        }
        """,
        V.Diagnostic("SSA5005").WithLocation(0).WithArguments("1000", "SHA256", "100000"));
}
