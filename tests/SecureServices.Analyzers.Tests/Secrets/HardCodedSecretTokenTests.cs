using System.Globalization;
using System.Threading.Tasks;
using SecureServices.Analyzers.CodeFixes.Secrets;
using SecureServices.Analyzers.Rules.Secrets;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Secrets.HardCodedSecretTokenAnalyzer>;

namespace SecureServices.Analyzers.Tests.Secrets;

/// <summary>Tokens are generated (see <see cref="Fake"/>) and spliced into the test sources.</summary>
public sealed class HardCodedSecretTokenTests
{
    private static readonly string Aws = "AK" + "IA" + Fake.Base32(16, 1);
    private static readonly string GitHub = Fake.WithCrc32("gh" + "p_", Fake.Base62(30, 7));
    private static readonly string Slack = "xo" + "xb-" + Fake.Digits(12, 6) + "-" + Fake.Digits(13, 7) + "-" + Fake.Base62(24, 8);
    private static readonly string Stripe = "sk" + "_live_" + Fake.Base62(24, 9);
    private static readonly string Pem = "-----BEGIN " + "PRIVATE KEY-----\n" + Fake.Base64(64, 26) + "\n" + Fake.Base64(64, 27) + "\n-----END PRIVATE KEY-----";

    [Fact]
    public Task Tokens_are_reported_in_every_literal_form_whatever_the_name() => V.AnalyzerAsync($$""""
        class C
        {
            string region = "{|SSA1002:{{Aws}}|}";
            string cfg = @"token={|SSA1002:{{GitHub}}|};";
            const string Hook = "https://hooks.example.org/?t=" + "{|SSA1002:{{Slack}}|}";
            System.ReadOnlySpan<byte> Bytes => "{|SSA1002:{{Stripe}}|}"u8;
            string Raw = """
                {|SSA1002:{{Pem.Replace("\n", "\n        ", System.StringComparison.Ordinal)}}|}
                """;

            string M(int id) => $"https://api.example.org/{id}?key={|SSA1002:{{Aws}}|}";
        }
        """");

    [Fact]
    public Task Tokens_ending_the_content_and_an_unterminated_key_block_keep_exact_spans() => V.AnalyzerAsync($$""""
        class C
        {
            string a = "prefix {|SSA1002:{{GitHub}}|}";
            System.ReadOnlySpan<byte> B => "{|SSA1002:{{GitHub}}|}"u8;
            string c = """{|SSA1002:{{GitHub}}|}""";
            string d = @"{|SSA1002:{{GitHub}}|}";
            string e = "{|SSA1002:-----BEGIN PRIVATE KEY-----\n{{Fake.Base64(64, 26)}}\n{{Fake.Base64(64, 27)}}|}";
        }
        """");

    [Fact]
    public Task Placeholders_documentation_samples_and_hashes_are_not_reported() => V.AnalyzerAsync("""
        class C
        {
            string a = "AKIAXXXXXXXXXXXXXXXX";
            string b = "sk-your-key-here";
            string c = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
            string d = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
            string e = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
            string f = "-----BEGIN PRIVATE KEY-----\nMIIE...\n-----END PRIVATE KEY-----";
            // A token in a comment is not a literal: AKIA and friends in docs comments are left to repository scanners.
        }
        """);

    [Fact]
    public Task Half_typed_code_does_not_throw() => V.BrokenCodeAsync($$"""
        class C
        {
            string a = "{|SSA1002:{{Aws}}|}
            string b = $"{x}{|SSA1002:{{GitHub}}|}
        """);

    [Fact]
    public void Message_shows_the_kind_a_four_character_prefix_and_the_length_only()
    {
        var descriptor = HardCodedSecretTokenAnalyzer.Rule;
        var en = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.GetCultureInfo("en")), "GitHub token", "ghp_", 40);
        var fr = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.GetCultureInfo("fr")), "GitHub token", "ghp_", 40);
        Assert.Equal("Hard-coded GitHub token ('ghp_…', 40 characters); revoke it and load it from configuration or a secret store", en);
        Assert.Equal("Secret de type « GitHub token » codé en dur (« ghp_… », 40 caractères) ; révoquez-le et chargez-le depuis la configuration ou un coffre de secrets", fr);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, descriptor.DefaultSeverity);
    }

    [Fact]
    public void Messages_name_the_kind_of_secret_in_the_build_language()
    {
        var source = "class C { string k = \"" + Aws + "\"; string c = \"Server=db.internal;User Id=app;Password=Xk9#mQ2vL7!p\"; }";
        var diagnostics = SecureServices.Analyzers.Tests.Robustness.AnalyzerHarness
            .Analyze(SecureServices.Analyzers.Tests.Robustness.AnalyzerHarness.Compile(source)).Diagnostics;
        var token = Assert.Single(diagnostics, d => d.Id == "SSA1002");
        var password = Assert.Single(diagnostics, d => d.Id == "SSA1003");
        var french = CultureInfo.GetCultureInfo("fr-CA");

        Assert.Equal("Hard-coded AWS access key id ('AKIA…', 20 characters); revoke it and load it from configuration or a secret store", token.GetMessage(CultureInfo.GetCultureInfo("en-CA")));
        Assert.Equal("Secret de type « identifiant de clé d'accès AWS » codé en dur (« AKIA… », 20 caractères) ; révoquez-le et chargez-le depuis la configuration ou un coffre de secrets", token.GetMessage(french));
        Assert.Equal("Cette valeur (chaîne de connexion) contient un mot de passe codé en dur (12 caractères) ; gardez la chaîne de connexion dans la configuration et le mot de passe dans un coffre de secrets", password.GetMessage(french));
    }

    [Fact]
    public Task Reported_arguments_never_contain_the_token() => SecretsVerifier<HardCodedSecretTokenAnalyzer>.RunAsync(
        "class C { string k = \"" + Aws + "\"; }",
        expected: SecretsVerifier<HardCodedSecretTokenAnalyzer>.Diagnostic("SSA1002", Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .WithSpan(1, 23, 1, 43).WithArguments("AWS access key id", "AKIA", 20));

    [Fact]
    public Task Fix_moves_a_named_token_to_configuration() => V.CodeFixAsync<ReadSecretFromConfigurationCodeFix>(
        $$"""
        class Deployer
        {
            private const string GitHubToken = "{|SSA1002:{{GitHub}}|}";
        }
        """,
        """
        class Deployer
        {
            private static readonly string GitHubToken = System.Environment.GetEnvironmentVariable("GIT_HUB_TOKEN") ?? throw new System.InvalidOperationException("Set the GIT_HUB_TOKEN environment variable.");
        }
        """);
}
