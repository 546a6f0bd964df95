using System;
using System.Text;
using SecureServices.Analyzers.Internals.SecretDetection;
using Xunit;

namespace SecureServices.Analyzers.Tests.Secrets;

/// <summary>
/// Every token here is fake and assembled at run time (prefix + generated body), so the repository itself
/// contains nothing a secret scanner would flag.
/// </summary>
public sealed class SecretTokenDetectorTests
{
    private static void AssertFinds(string text, string kind, int start, int length)
    {
        Assert.True(SecretTokenDetector.TryFind(text, out var token), "expected a " + kind);
        Assert.Equal(kind, token.Kind);
        Assert.Equal(start, token.Start);
        Assert.Equal(length, token.Length);
    }

    private static void AssertNothing(string? text)
    {
        var found = SecretTokenDetector.TryFind(text, out var token);
        Assert.False(found, found ? "unexpected " + token.Kind + " at " + token.Start : null);
    }

    [Theory]
    [InlineData("AKIA0123456789ABCDEF", 20, "AKIA")]
    [InlineData("xx-abcdefgh", 8, "ab")]
    [InlineData("xx-abcd", 4, "a")]
    [InlineData("xx-abc", 3, "")]
    public void Prefix_shows_at_most_four_characters_and_never_more_than_a_quarter(string text, int length, string expected)
    {
        var start = text.Length - length;
        Assert.Equal(expected, new SecretToken("test", start, length).Prefix(text));
    }

    [Fact]
    public void Aws_access_key_ids()
    {
        var akia = "AK" + "IA" + Fake.Base32(16, 1);
        AssertFinds("aws_access_key_id = " + akia, "AWS access key id", 20, 20);
        AssertFinds("\"" + "AS" + "IA" + Fake.Base32(16, 2) + "\"", "AWS access key id", 1, 20);
    }

    [Fact]
    public void Aws_placeholders_documentation_key_and_embedded_text_are_not_reported()
    {
        AssertNothing("AK" + "IA" + new string('X', 16));
        AssertNothing("AK" + "IA" + "IOSFODNN7" + "EXAMPLE");
        AssertNothing("MY" + "AK" + "IA" + Fake.Base32(16, 1));          // part of a longer word
        AssertNothing("AK" + "IA" + Fake.Base32(16, 1) + "Z");           // 17 characters: not an access key id
        AssertNothing("AK" + "IA" + Fake.Base32(15, 1) + "1");           // 1 is not base32
    }

    [Fact]
    public void GitHub_classic_tokens_need_a_valid_checksum()
    {
        foreach (var prefix in new[] { "ghp", "gho", "ghu", "ghs", "ghr" })
        {
            var token = Fake.WithCrc32(prefix + "_", Fake.Base62(30, prefix.GetHashCode(StringComparison.Ordinal) & 0xFFFF));
            AssertFinds("token: " + token, "GitHub token", 7, 40);
        }

        var valid = Fake.WithCrc32("gh" + "p_", Fake.Base62(30, 7));
        var broken = valid.Substring(0, 39) + (valid[39] == 'a' ? 'b' : 'a');
        AssertNothing(broken);
        AssertNothing("gh" + "p_" + new string('x', 36));
        AssertNothing("gh" + "x_" + valid.Substring(4));
    }

    [Fact]
    public void GitHub_fine_grained_tokens()
    {
        var token = "github" + "_pat_" + Fake.Base62(22, 3) + "_" + Fake.Base62(59, 4);
        AssertFinds("export GH_TOKEN=" + token, "GitHub token", 16, 93);
        AssertNothing("github" + "_pat_" + Fake.Base62(22, 3) + "_" + Fake.Base62(58, 4));
    }

    [Fact]
    public void GitLab_slack_stripe_google_sendgrid_npm()
    {
        AssertFinds("gl" + "pat-" + Fake.Base62(20, 5), "GitLab token", 0, 26);
        AssertFinds("url?t=xo" + "xb-" + Fake.Digits(12, 6) + "-" + Fake.Digits(13, 7) + "-" + Fake.Base62(24, 8), "Slack token", 6, 56);
        AssertFinds("sk" + "_live_" + Fake.Base62(24, 9), "Stripe key", 0, 32);
        AssertFinds("'rk" + "_live_" + Fake.Base62(99, 10) + "'", "Stripe key", 1, 107);
        AssertFinds("key=AI" + "za" + Fake.Base64Url(35, 11), "Google API key", 4, 39);
        AssertFinds("SG" + "." + Fake.Base64Url(22, 12) + "." + Fake.Base64Url(43, 13), "SendGrid key", 0, 69);
        AssertFinds("//registry.npmjs.org/:_authToken=" + Fake.WithCrc32("np" + "m_", Fake.Base62(30, 14)), "npm token", 33, 40);
    }

    [Fact]
    public void Near_misses_of_prefixed_formats_are_not_reported()
    {
        AssertNothing("sk" + "_test_" + Fake.Base62(24, 9));                 // Stripe test mode
        AssertNothing("sk" + "_live_" + "your_key_goes_here_please");
        AssertNothing("xo" + "xb-your-bot-token-here-0000");
        AssertNothing("xo" + "xb-" + Fake.Base62(40, 8));                     // no numeric team id
        AssertNothing("AI" + "za" + Fake.Base64Url(34, 11));                  // 38 characters
        AssertNothing("gl" + "pat-" + "xxxxxxxxxxxxxxxxxxxxxxxx");
        AssertNothing("np" + "m_" + Fake.Base62(36, 14));                     // checksum does not match
        AssertNothing("SG" + "." + Fake.Base64Url(22, 12) + "." + Fake.Base64Url(42, 13));
    }

    [Fact]
    public void OpenAI_style_keys_need_a_vendor_marker_or_a_long_random_body()
    {
        AssertFinds("sk" + "-" + Fake.Base62(20, 15) + "T3Blbk" + "FJ" + Fake.Base62(20, 16), "OpenAI-style API key", 0, 51);
        AssertFinds("Bearer sk" + "-proj-" + Fake.Base64Url(64, 17), "OpenAI-style API key", 7, 72);
        AssertFinds("sk" + "-" + Fake.Base62(48, 18), "OpenAI-style API key", 0, 51);
        AssertNothing("sk" + "-your-key-here");
        AssertNothing("sk" + "-" + new string('a', 48));
        AssertNothing("sk" + "-proj-" + "your-project-key-goes-here-and-is-long-enough");
        AssertNothing("task-" + Fake.Base62(48, 18));
        AssertNothing("sk" + "-" + Fake.Hex(48, 19));                         // a hex digest: no upper case, low entropy
    }

    [Fact]
    public void Azure_account_shared_access_and_identifiable_keys()
    {
        var accountKey = Fake.Base64(86, 20) + "==";
        var connection = "DefaultEndpointsProtocol=https;AccountName=orders;Account" + "Key=" + accountKey + ";EndpointSuffix=core.windows.net";
        AssertFinds(connection, "Azure storage account key", connection.IndexOf(accountKey, StringComparison.Ordinal), 88);

        var sharedKey = Fake.Base64(43, 21) + "=";
        var bus = "Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccess" + "Key=" + sharedKey;
        AssertFinds(bus, "Azure shared access key", bus.IndexOf(sharedKey, StringComparison.Ordinal), 44);

        var identifiable = Fake.Base62(52, 22) + "JQQJ" + "99" + Fake.Base62(26, 23);
        AssertFinds("key: " + identifiable, "Azure identifiable key", 5, 84);
    }

    [Fact]
    public void Azure_emulator_key_wrong_lengths_and_masks_are_not_reported()
    {
        AssertNothing("Account" + "Key=" + "Eby8vdM02xNOcqFl" + Fake.Base64(70, 24) + "==");
        AssertNothing("Account" + "Key=" + Fake.Base64(85, 20) + "==");
        AssertNothing("Account" + "Key=" + new string('A', 86) + "==");
        AssertNothing("SharedAccess" + "Key=" + "<your-shared-access-key-of-44-characters>");
        AssertNothing(Fake.Base62(20, 22) + "JQQJ" + "99" + Fake.Base62(26, 23));   // too short for an identifiable key
    }

    [Fact]
    public void Sas_signatures_in_urls()
    {
        var sig = Fake.Base64(40, 25).Replace("+", "%2B", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal) + "abc%3D";
        var url = "https://orders.blob.core.windows.net/c/f.txt?sv=2022-11-02&sp=r&se=2030-01-01T00:00:00Z&si" + "g=" + sig;
        AssertFinds(url, "Azure SAS signature", url.Length - sig.Length, sig.Length);
        AssertFinds(url + "&spr=https", "Azure SAS signature", url.Length - sig.Length, sig.Length);
        AssertNothing("https://example.org/?si" + "g=" + sig);                                  // no other SAS parameter
        AssertNothing("https://x.blob.core.windows.net/?sv=2022-11-02&si" + "g=" + "abc%3D");     // too short
        AssertNothing("?sv=2022-11-02&se=2030&si" + "g=" + "{signature}");
    }

    [Fact]
    public void Pem_private_keys()
    {
        var body = Fake.Base64(64, 26) + "\n" + Fake.Base64(64, 27) + "\n" + Fake.Base64(20, 28) + "==";
        foreach (var label in new[] { "RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY" })
        {
            var pem = "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----";
            AssertFinds("const key = `" + pem + "`;", "PEM private key", 13, pem.Length);
        }

        var unterminated = "-----BEGIN " + "PRIVATE KEY-----\n" + body;
        AssertFinds(unterminated, "PEM private key", 0, unterminated.Length);
    }

    [Fact]
    public void Public_keys_certificates_and_elided_samples_are_not_private_keys()
    {
        var body = Fake.Base64(64, 26) + "\n" + Fake.Base64(64, 27);
        AssertNothing("-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----");
        AssertNothing("-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----");
        AssertNothing("-----BEGIN " + "RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----");
        AssertNothing("-----BEGIN " + "PRIVATE KEY-----\n" + Fake.Base64(40, 26) + "\n-----END PRIVATE KEY-----");
    }

    [Fact]
    public void Jwts_with_a_json_header()
    {
        var jwt = Segment("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + Segment("{\"sub\":\"svc-orders\",\"exp\":1999999999}") + "." + Fake.Base64Url(43, 29);
        AssertFinds("Authorization: Bearer " + jwt, "JWT", 22, jwt.Length);
        AssertFinds(jwt + "\"", "JWT", 0, jwt.Length);
    }

    [Fact]
    public void Jwt_lookalikes_unsigned_tokens_and_the_jwt_io_sample_are_not_reported()
    {
        var header = Segment("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        var payload = Segment("{\"sub\":\"1234567890\",\"name\":\"John Doe\",\"iat\":1516239022}");
        AssertNothing(header + "." + payload + "." + "SflKxwRJSMeKKF2QT4fw" + "pMeJf36POk6yJV_adQssw5c");
        AssertNothing(header + "." + payload + ".");                                              // unsigned
        AssertNothing(Segment("{\"sub\":\"no-alg-here\"}") + "." + payload + "." + Fake.Base64Url(43, 29));
        AssertNothing("eyJ" + "notbase64!!" + ".eyJ" + "abc.def");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData("Server=db;Database=orders;User Id=app;Password=${DB_PASSWORD}")]
    [InlineData("The quick brown fox asks skilled gh users to AIM for SG.com")]
    [InlineData("ghp_your_token_here_please_replace_it_now")]
    [InlineData("Enter your API key (starts with sk-) in the settings page")]
    [InlineData("-----BEGIN PRIVATE KEY-----")]
    [InlineData("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----")]
    public void Ordinary_text_hashes_uuids_and_documentation_are_not_reported(string? text) => AssertNothing(text);

    [Fact]
    public void A_random_base64_blob_without_a_marker_is_not_reported() => AssertNothing(Fake.Base64(88, 30));

    [Fact]
    public void The_first_token_is_found_and_the_prefix_is_at_most_four_characters()
    {
        var aws = "AK" + "IA" + Fake.Base32(16, 1);
        var google = "AI" + "za" + Fake.Base64Url(35, 11);
        var text = "a=" + google + " b=" + aws;
        Assert.True(SecretTokenDetector.TryFind(text, out var token));
        Assert.Equal("Google API key", token.Kind);
        Assert.Equal("AIza", token.Prefix(text));
    }

    [Fact]
    public void Arbitrary_input_never_throws_and_spans_stay_inside_the_text()
    {
        var random = new Random(1234);
        var pieces = new[] { "AKIA", "ghp_", "github_pat_", "glpat-", "xoxb-", "sk_live_", "sk-", "AIza", "SG.", "npm_", "AccountKey=", "SharedAccessKey=", "&sig=", "JQQJ99", "-----BEGIN PRIVATE KEY-----", "-----END", "eyJ", ".", "%3D", "%", "=", "\n", "_", "-" };
        for (var n = 0; n < 3000; n++)
        {
            var sb = new StringBuilder();
            var parts = random.Next(1, 8);
            for (var p = 0; p < parts; p++)
            {
                sb.Append(random.Next(3) == 0 ? pieces[random.Next(pieces.Length)] : Fake.Base64(random.Next(0, 100), random.Next()));
            }

            var text = sb.ToString();
            if (SecretTokenDetector.TryFind(text, out var token))
            {
                Assert.InRange(token.Start, 0, text.Length - 1);
                Assert.InRange(token.Length, 1, text.Length - token.Start);
            }
        }
    }

    private static string Segment(string json)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
