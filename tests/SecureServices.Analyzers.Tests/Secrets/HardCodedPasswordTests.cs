using System.Globalization;
using System.Threading.Tasks;
using SecureServices.Analyzers.CodeFixes.Secrets;
using SecureServices.Analyzers.Rules.Secrets;
using SecureServices.Analyzers.Tests.Infrastructure;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Secrets.HardCodedPasswordAnalyzer>;

namespace SecureServices.Analyzers.Tests.Secrets;

public sealed class HardCodedPasswordTests
{
    [Fact]
    public Task Local_field_property_parameter_and_assignment_are_reported() => V.AnalyzerAsync(""""
        class Db
        {
            private string dbPassword = {|SSA1001:"s3cr3t-value"|};
            private const string ClientSecret = {|SSA1001:@"verbatim-secret"|};
            public string Password { get; set; } = {|SSA1001:"P@ssw0rd"|};
            public string AdminPwd => {|SSA1001:"arrow-body"|};

            void Connect(string passphrase = {|SSA1001:"correct horse"|})
            {
                var smtp_password = {|SSA1001:"relay"|};
                Password = {|SSA1001:"changeme"|};
                this.dbPassword = {|SSA1001:"""raw-literal"""|};
                var o = new Db { Password = {|SSA1001:"admin"|} };
            }
        }
        """");

    [Fact]
    public Task Utf8_literal_is_reported() => V.AnalyzerAsync("""
        class C
        {
            void M()
            {
                System.ReadOnlySpan<byte> apiSecret = {|SSA1001:"utf8-secret"u8|};
            }
        }
        """);

    [Fact]
    public Task Keys_and_tokens_that_are_credentials_are_reported() => V.AnalyzerAsync("""
        class Clients
        {
            public string ApiKey { get; init; } = {|SSA1001:"k-93f1b2c4"|};
            private readonly string signing_key = {|SSA1001:"hs256-signing-material"|};
            string AccessToken => {|SSA1001:"at-1f2e3d"|};
            static readonly string clientsecret = {|SSA1001:"cs-88d1"|};
        }
        """);

    [Fact]
    public Task Constant_concatenations_and_interpolations_without_holes_are_reported() => V.AnalyzerAsync("""
        class C
        {
            const string DbPassword = {|SSA1001:"pa" + "ss" + @"word-2024"|};
            string smtpPassword = {|SSA1001:$"relay-2024"|};
            string apiSecret = {|SSA1001:("sec" + "ret-1")|};
        }
        """);

    [Fact]
    public Task Dictionary_anonymous_object_and_collection_initialisers_are_reported() => V.AnalyzerAsync("""
        using System.Collections.Generic;
        class C
        {
            object M()
            {
                var kafka = new Dictionary<string, string>
                {
                    ["bootstrap.servers"] = "broker:9092",
                    ["sasl.password"] = {|SSA1001:"kafka-pass-1"|},
                };
                var headers = new Dictionary<string, string> { { "X-Api-Key", {|SSA1001:"k-4471aa"|} }, { "Accept", "application/json" } };
                kafka["Password"] = {|SSA1001:"index-assigned"|};
                return new { User = "svc", Password = {|SSA1001:"anon-pass"|} };
            }
        }
        """);

    [Fact]
    public Task Arguments_named_or_positional_for_a_secret_parameter_are_reported() => V.AnalyzerAsync("""
        using System.Net;
        using System.Security.Cryptography.X509Certificates;
        class C
        {
            void SetPassword(string password) { }
            void Login(string user, string apiKey) { }

            void M()
            {
                SetPassword({|SSA1001:"s3t-by-arg"|});
                Login("svc", apiKey: {|SSA1001:"named-arg-key"|});
                Login(apiKey: {|SSA1001:"named-first"|}, user: "svc");
                var credential = new NetworkCredential("svc", {|SSA1001:"net-cred-pass"|});
                var certificate = new X509Certificate2("cert.pfx", {|SSA1001:"pfx-pass"|});
                Login("svc", "with spaces is not a key");
            }
        }
        """);

    [Fact]
    public Task Positional_arguments_take_their_name_from_the_bound_parameter() => V.AnalyzerAsync("""
        using System;
        class Store
        {
            public Store(string host, object password) { }
            public void Use(ReadOnlySpan<byte> secret) { }
            public void Cache(string key, string value) { }
            public void Many(params string[] passwords) { }
            public static void Extension(string user, string password) { }
        }

        static class Ext
        {
            public static void Connect(this Store store, string apiKey) { }
        }

        class C
        {
            const string Region = "ca-central-1";
            const string DbPassword = {|SSA1001:"declared-here"|};

            void M(Store store, string input)
            {
                _ = new Store("db", {|SSA1001:"boxed-to-object"|});
                store.Use({|SSA1001:"utf8-bytes-k3y"u8|});
                store.Connect({|SSA1001:"pre" + "fix-" + @"key"|});
                Store.Extension("svc", {|SSA1001:Region|});
                Store.Extension("svc", DbPassword);
                Store.Extension("svc", input);
                Store.Extension("svc", $"{input}-suffix");
                Store.Extension("svc", "");
                Store.Extension("svc", "a password with spaces");
                store.Cache("apiKey", "not-a-secret-slot");
                store.Many("params-are-not-bound-one-by-one");
                Store.Extension("svc", {|CS0103:Missing|}.Value);
                Store.Extension({|CS0103:unknown|}, "broken-call-pass");
            }
        }
        """);

    [Fact]
    public Task Attribute_arguments_and_comparisons_are_reported() => V.AnalyzerAsync("""
        using System;
        [AttributeUsage(AttributeTargets.All)]
        class BasicAuthAttribute : Attribute
        {
            public BasicAuthAttribute(string user, string password) { }
            public string ApiKey { get; set; } = "";
        }

        [BasicAuth("svc", {|SSA1001:"attr-pass"|}, ApiKey = {|SSA1001:"attr-key"|})]
        class C
        {
            bool Check(string apiKey, string password) => apiKey == {|SSA1001:"cmp-key-1"|} || {|SSA1001:"cmp-pass-2"|} != password;
        }
        """);

    [Fact]
    public Task Positional_attribute_arguments_are_reported_on_every_kind_of_target() => V.AnalyzerAsync("""
        using System;
        [assembly: Creds("svc", {|SSA1001:"assembly-pass"|})]

        [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
        class CredsAttribute : Attribute
        {
            public CredsAttribute(string user, string password) { }
            public CredsAttribute(int port) { }
        }

        static class Defaults
        {
            public const string Fallback = "fallback-pass";
            public const string AdminPassword = {|SSA1001:"declared-pass"|};
        }

        [Creds("svc", {|SSA1001:Defaults.Fallback|})]
        [Creds("svc", Defaults.AdminPassword)]
        [Creds(8080)]
        class C
        {
            [Creds("svc", {|SSA1001:"field-pass"|})] int a, b;

            [Creds("svc", {|SSA1001:"property-pass"|})] int P { get; set; }

            [Creds("svc", {|SSA1001:"method-pass"|})]
            [return: Creds("svc", {|SSA1001:"return-pass"|})]
            int M([Creds("svc", {|SSA1001:"parameter-pass"|})] int x)
            {
                [Creds("svc", {|SSA1001:"local-function-pass"|})] int Local() => 1;
                Func<int, int> f = [Creds("svc", {|SSA1001:"lambda-pass"|})] (int y) => y;
                return Local() + f(x);
            }

            [Creds("svc", "with spaces")]
            void N<[Creds("svc", {|SSA1001:"type-parameter-pass"|})] T>() { }
        }
        """);

    [Fact]
    public Task A_constant_declared_elsewhere_reaching_a_secret_is_reported_at_the_use() => V.AnalyzerAsync("""
        using System.Net;
        static class Defaults
        {
            public const string Fallback = "fallback-pass";
        }

        class C
        {
            NetworkCredential M() => new NetworkCredential("svc", {|SSA1001:Defaults.Fallback|});
        }
        """);

    [Fact]
    public Task Constants_declared_elsewhere_reaching_members_and_named_arguments_are_reported_at_the_use() => V.AnalyzerAsync("""
        using System.Collections.Generic;
        static class Defaults
        {
            public const string Fallback = "fallback-pass";
            public const string ServicePassword = {|SSA1001:"named-secret"|};
            public static readonly string NotConstant = "runtime-value";
        }

        class Options
        {
            public string Password { get; set; } = "";
            public object ApiKey { get; set; } = "";
        }

        class C
        {
            void Login(string user, string password) { }

            void M(Options options, Dictionary<string, string> settings)
            {
                const string local = "local-const-pass";
                options.Password = {|SSA1001:Defaults.Fallback|};
                options.ApiKey = {|SSA1001:local|};
                _ = new Options { Password = {|SSA1001:Defaults.Fallback|} };
                _ = new { ApiKey = {|SSA1001:Defaults.Fallback|} };
                _ = new Dictionary<string, string> { ["Password"] = {|SSA1001:local|} };
                Login("svc", password: {|SSA1001:Defaults.Fallback|});
                Login(password: {|SSA1001:"named-literal"|}, user: "svc");

                options.Password = Defaults.ServicePassword;
                options.Password = Defaults.NotConstant;
                Login("svc", password: Defaults.NotConstant);
                options.Password = settings["Db:Password"];
            }
        }
        """);

    [Fact]
    public Task Labels_ui_text_keys_routes_and_environment_names_are_not_reported() => V.AnalyzerAsync("""
        using System.Collections.Generic;
        class C
        {
            string Password = "Password";
            string ApiKey = "API Key";
            string passwordPrompt = "Enter your password";
            string password2 = "Password is required.";
            string dbPassword = "Db:Password";
            string jwtSigningKey = "Jwt:SigningKey";
            string apiKeyVariable = "API_KEY";
            string adminPassword = "DB_PASSWORD";
            string loginPassword = "/account/password";
            string TokenType = "Bearer";
            string TokenEndpoint = "https://login.example.org/token";
            string ApiKeyHeaderName = "X-Api-Key";
            string PasswordFormat = "{0:N}";
            string smtpPassword = "your-smtp-password";
            string apiToken = "TODO";
            string cancellationToken = "abc";
            string key = "value-of-a-plain-key";
            const string AccessToken = "access_token";
            const string ClientSecret = "client_secret";
            const string ApiKeyName = "X-Api-Key";
            string apiKey = "X-Api-Key";
            string PrivateKey = "certs/signing.pem";
            string signingKey = "jwt-signing.pfx";

            void M(Dictionary<string, string> d, string password)
            {
                d["ConnectionStrings:Default"] = "Server=db";
                var label = new { Password = "Password" };
                if (password == "") { }
            }
        }
        """);

    [Fact]
    public Task Real_default_passwords_are_secrets() => V.AnalyzerAsync("""
        class C
        {
            string password = {|SSA1001:"password"|};
            string adminPassword = {|SSA1001:"admin"|};
            string rootPwd = {|SSA1001:"changeme"|};
        }
        """);

    [Fact]
    public Task Options_add_exclude_words_and_ignore_values() => V.AnalyzerAsync(
        """
        class C
        {
            string dbCredential = {|SSA1001:"cred-value"|};
            string smtpPassword = "local-dev-only";
            string cachePassword = "cache-pass";
        }
        """,
        "secureservices.secret_words = credential\nsecureservices.secret_values_ignored = local-dev-only\nsecureservices.secret_words_excluded = cache\n");

    [Fact]
    public Task Test_projects_get_suggestions_by_default() => SecretsVerifier<HardCodedPasswordAnalyzer>.RunAsync(
        """
        class Fixture
        {
            const string DbPassword = "fixture-pass";
        }
        """,
        globalConfig: "build_property.IsTestProject = true\n",
        expected: SecretsVerifier<HardCodedPasswordAnalyzer>.Diagnostic("SSA1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithSpan(3, 31, 3, 45).WithArguments("DbPassword", 12));

    [Fact]
    public Task Test_projects_can_be_ignored_or_fully_reported()
    {
        const string source = """
            class Fixture
            {
                const string DbPassword = "fixture-pass";
            }
            """;
        return Task.WhenAll(
            SecretsVerifier<HardCodedPasswordAnalyzer>.RunAsync(source, globalConfig: "build_property.IsTestProject = true\nsecureservices.secrets_in_test_projects = ignore\n"),
            SecretsVerifier<HardCodedPasswordAnalyzer>.RunAsync(
                source,
                globalConfig: "build_property.IsTestProject = true\nsecureservices.secrets_in_test_projects = report\n",
                expected: SecretsVerifier<HardCodedPasswordAnalyzer>.Diagnostic("SSA1001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithSpan(3, 31, 3, 45).WithArguments("DbPassword", 12)));
    }

    private static readonly string RandomKey = Fake.Base62(32, 91);

    [Fact]
    public Task Vague_names_are_reported_only_with_random_looking_values() => V.AnalyzerAsync($$"""
        class C
        {
            string key = {|SSA1001:"{{RandomKey}}"|};
            const string Token = {|SSA1001:"{{RandomKey}}"|};
            string cacheKey = "OrdersCacheKeyForRegion2024";
            string token = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
            string routeKey = "orders/{id}/{{RandomKey}}";
            string shortKey = "aB3dE5fG7h";
            string Name = "{{RandomKey}}";
        }
        """);

    [Fact]
    public Task The_entropy_threshold_is_configurable() => V.AnalyzerAsync(
        $$"""
        class C
        {
            string key = "{{RandomKey}}";
        }
        """,
        "secureservices.secret_entropy_threshold = off\n");

    [Fact]
    public Task Names_where_the_secret_word_is_not_the_subject_are_not_reported() => V.AnalyzerAsync("""
        class Policy
        {
            const string PasswordKey = "Db:Password";
            const string SecretName = "db-password";
            string PasswordPolicy = "strong";
            string PasswordLength = "12";
            string PasswordHint = "Enter your password";
            string passwordResetUrl = "https://example.org/reset";
        }
        """);

    [Fact]
    public Task Empty_placeholder_and_non_literal_values_are_not_reported() => V.AnalyzerAsync("""
        using System;
        class C
        {
            string password = "";
            string password2 = "   ";
            string dbPassword = "${DB_PASSWORD}";
            string smtpPassword = "%SMTP_PASSWORD%";
            string apiSecret = "<your-secret-here>";
            string masked = "***";
            string maskedPassword = "********";
            string formatPassword = "{0}";
            string envPassword = Environment.GetEnvironmentVariable("DB_PASSWORD") ?? "";
            string nullPassword = null;
            int retryPassword = 3;
        }
        """);

    [Fact]
    public Task Generated_code_is_not_analyzed() => V.AnalyzerAsync("""
        // <auto-generated/>
        class Generated
        {
            string password = "generated-secret";
        }
        """);

    [Fact]
    public Task Half_typed_code_does_not_throw() => V.BrokenCodeAsync("""
        class C
        {
            string = "value";
            string password =
            void M()
            {
                password = "
                var apiSecret = {|SSA1001:"half"|}
                new C { Password = 
            }
        """);

    [Fact]
    public void Message_never_contains_the_secret_and_is_translated()
    {
        var descriptor = HardCodedPasswordAnalyzer.Rule;
        var en = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.GetCultureInfo("en")), "dbPassword", 12);
        var fr = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.GetCultureInfo("fr-CA")), "dbPassword", 12);
        Assert.Equal("'dbPassword' is given a hard-coded secret (12 characters); read it from configuration or a secret store instead", en);
        Assert.Equal("'dbPassword' reçoit un secret codé en dur (12 caractères) ; lisez-le plutôt depuis la configuration ou un coffre de secrets", fr);
        Assert.Equal("Mot de passe ou secret codé en dur", descriptor.Title.ToString(CultureInfo.GetCultureInfo("fr")));
        Assert.Equal("https://github.com/secureservices/SecureServices.Analyzers/blob/main/docs/rules/SSA1001.md", descriptor.HelpLinkUri);
    }

    [Fact]
    public Task Fix_reads_environment_variable_when_no_configuration_is_in_scope() => V.CodeFixAsync<ReadSecretFromConfigurationCodeFix>(
        """
        using System;

        class Mailer
        {
            private const string SmtpPassword = {|SSA1001:"relay-pass"|};

            void Send()
            {
                const string dbPassword = {|SSA1001:"db-pass"|};
                Console.WriteLine(SmtpPassword + dbPassword);
            }
        }
        """,
        """
        using System;

        class Mailer
        {
            private static readonly string SmtpPassword = Environment.GetEnvironmentVariable("SMTP_PASSWORD") ?? throw new InvalidOperationException("Set the SMTP_PASSWORD environment variable.");

            void Send()
            {
                string dbPassword = Environment.GetEnvironmentVariable("DB_PASSWORD") ?? throw new InvalidOperationException("Set the DB_PASSWORD environment variable.");
                Console.WriteLine(SmtpPassword + dbPassword);
            }
        }
        """);

    [Fact]
    public Task Fix_uses_configuration_in_scope_and_prefixes_options_properties() => V.CodeFixAsync<ReadSecretFromConfigurationCodeFix>(
        """
        using Microsoft.Extensions.Configuration;

        class SmtpOptions
        {
            public string Password { get; set; } = {|SSA1001:"p4ss"|};
        }

        class Worker
        {
            private readonly IConfiguration configuration;

            public Worker(IConfiguration configuration) => this.configuration = configuration;

            public string Connect()
            {
                var brokerPassword = {|SSA1001:"broker-pass"|};
                return brokerPassword;
            }
        }
        """,
        """
        using Microsoft.Extensions.Configuration;

        class SmtpOptions
        {
            public string Password { get; set; } = System.Environment.GetEnvironmentVariable("SMTP_PASSWORD") ?? throw new System.InvalidOperationException("Set the SMTP_PASSWORD environment variable.");
        }

        class Worker
        {
            private readonly IConfiguration configuration;

            public Worker(IConfiguration configuration) => this.configuration = configuration;

            public string Connect()
            {
                var brokerPassword = configuration["Broker:Password"] ?? throw new System.InvalidOperationException("Missing configuration value 'Broker:Password'.");
                return brokerPassword;
            }
        }
        """);

    [Fact]
    public Task Parameter_default_gets_no_fix() => V.CodeFixAsync<ReadSecretFromConfigurationCodeFix>(
        """
        class C { void M(string password = {|SSA1001:"default-pass"|}) { } }
        """,
        """
        class C { void M(string password = {|SSA1001:"default-pass"|}) { } }
        """);
}
