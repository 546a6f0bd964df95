using System.Threading.Tasks;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Secrets.HardCodedPasswordAnalyzer>;

namespace SecureServices.Analyzers.Tests.Secrets;

/// <summary>A number at the end of a name (a second account, a rotated key) does not hide that it holds a secret.</summary>
public sealed class SecretNameDigitsTests
{
    [Fact]
    public Task Numbered_password_key_and_token_names_are_reported() => V.AnalyzerAsync("""
        class Accounts
        {
            public string Password2 { get; set; } = {|SSA1001:"second-account"|};
            private string db_password_1 = {|SSA1001:"replica-one"|};
            private const string DB_PASSWORD_2 = {|SSA1001:"replica-two"|};
            private string apiKey2 = {|SSA1001:"k-4e5f6a7b"|};
            string AccessToken3 => {|SSA1001:"at-9c8d7e"|};
            static readonly string clientsecret01 = {|SSA1001:"cs-1234"|};

            void M()
            {
                var pwd2 = {|SSA1001:"local-two"|};
                var smtp_secret_10 = {|SSA1001:"relay-ten"|};
            }
        }
        """);

    [Fact]
    public Task A_number_does_not_turn_a_non_secret_name_into_one() => V.AnalyzerAsync("""
        class Settings
        {
            public string PasswordPolicy2 { get; set; } = "strict-policy";
            private string passwordHint_1 = "your pet's name";
            private string cacheKey2 = "users:all";
            private string token3 = "page-3";
            private string Password2FA = "totp-app";
            private string ApiKeyV2 = "header-name";
            private string v2 = "version-two";
        }
        """);

    [Fact]
    public Task An_excluded_word_still_excludes_a_numbered_name() => SecretsVerifier<SecureServices.Analyzers.Rules.Secrets.HardCodedPasswordAnalyzer>.RunAsync("""
        class Samples
        {
            private string samplePassword2 = "not-real-one";
            private string sample2_password = "not-real-two";
        }
        """, editorConfig: "[*.cs]\nsecureservices.secret_words_excluded = sample\n");
}
