using System.Globalization;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SecureServices.Analyzers.Internals;
using SecureServices.Analyzers.Rules.Secrets;
using Xunit;
using S = SecureServices.Analyzers.Tests.Secrets.SecretsVerifier<SecureServices.Analyzers.Rules.Secrets.SecretInConfigurationFileAnalyzer>;

namespace SecureServices.Analyzers.Tests.Secrets;

public sealed class SecretInConfigurationFileTests
{
    private const string Code = "class C { }";

    private static readonly string Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + "." + "eyJzdWIiOiJzdmMifQ" + "." + Fake.Base64Url(43, 40);

    [Fact]
    public Task Secret_settings_connection_passwords_and_tokens_are_reported_at_their_json_location() => S.RunAsync(
        Code,
        additionalFiles: new[]
        {
            ("/0/appsettings.json", """
            {
              // comments are allowed, as in .NET configuration
              "Logging": { "LogLevel": { "Default": "Information" } },
              "ConnectionStrings": {
                "Orders": "Server=db;Database=orders;User Id=app;Password=Orders!2024",
                "Cache": "redis:6379,ssl=True"
              },
              "Smtp": { "Host": "smtp.internal", "Password": "smtp-relay-pass" },
              "Jwt": { "SigningKey": "signing-key-material-in-json", "Issuer": "https://sts.internal" },
              "Services": [ { "Name": "inventory", "Token": "
            """ + Jwt + """
            " } ],
            }
            """),
        },
        expected: new[]
        {
            S.Diagnostic("SSA1006", DiagnosticSeverity.Warning).WithSpan("/0/appsettings.json", 5, 63, 5, 74).WithArguments("ConnectionStrings:Orders", "appsettings.json", 11),
            S.Diagnostic("SSA1006", DiagnosticSeverity.Warning).WithSpan("/0/appsettings.json", 8, 51, 8, 66).WithArguments("Smtp:Password", "appsettings.json", 15),
            S.Diagnostic("SSA1006", DiagnosticSeverity.Warning).WithSpan("/0/appsettings.json", 9, 27, 9, 55).WithArguments("Jwt:SigningKey", "appsettings.json", 28),
            S.Diagnostic("SSA1006", DiagnosticSeverity.Warning).WithSpan("/0/appsettings.json", 10, 50, 10, 50 + Jwt.Length).WithArguments("Services:0:Token", "appsettings.json", Jwt.Length),
        });

    [Fact]
    public Task Development_settings_are_suggestions_by_default_and_configurable() => Task.WhenAll(
        S.RunAsync(
            Code,
            additionalFiles: new[] { ("/0/appsettings.Development.json", "{ \"Db\": { \"Password\": \"local-dev\" } }") },
            expected: S.Diagnostic("SSA1006", DiagnosticSeverity.Info).WithSpan("/0/appsettings.Development.json", 1, 24, 1, 33).WithArguments("Db:Password", "appsettings.Development.json", 9)),
        S.RunAsync(
            Code,
            globalConfig: "secureservices.secrets_in_development_settings = ignore\n",
            additionalFiles: new[] { ("/0/appsettings.Development.json", "{ \"Db\": { \"Password\": \"local-dev\" } }") }),
        S.RunAsync(
            Code,
            globalConfig: "secureservices.secrets_in_development_settings = report\n",
            additionalFiles: new[] { ("/0/appsettings.Development.json", "{ \"Db\": { \"Password\": \"local-dev\" } }") },
            expected: S.Diagnostic("SSA1006", DiagnosticSeverity.Warning).WithSpan("/0/appsettings.Development.json", 1, 24, 1, 33).WithArguments("Db:Password", "appsettings.Development.json", 9)));

    [Fact]
    public Task Dotenv_files_are_read() => S.RunAsync(
        Code,
        additionalFiles: new[]
        {
            ("/0/.env", "# local settings\nexport DB_PASSWORD=\"env-pass-1\"\nDB_HOST=db\nAPI_KEY=${API_KEY}\nREDIS_URL=redis://:r3dis@cache:6379\n"),
        },
        expected: new[]
        {
            S.Diagnostic("SSA1006", DiagnosticSeverity.Warning).WithSpan("/0/.env", 2, 21, 2, 31).WithArguments("DB_PASSWORD", ".env", 10),
            S.Diagnostic("SSA1006", DiagnosticSeverity.Warning).WithSpan("/0/.env", 5, 20, 5, 25).WithArguments("REDIS_URL", ".env", 5),
        });

    [Fact]
    public Task Placeholders_names_other_files_and_broken_json_are_not_reported() => S.RunAsync(
        Code,
        additionalFiles: new[]
        {
            ("/0/appsettings.json", """
            {
              "Db": { "Password": "", "PasswordPolicy": "strong", "PasswordKey": "Db:Password" },
              "Smtp": { "Password": "${SMTP_PASSWORD}" },
              "Api": { "KeyHeaderName": "X-Api-Key", "ApiKey": "<set with dotnet user-secrets>" },
              "ConnectionStrings": { "Orders": "Server=db;Database=orders;Integrated Security=true" },
              "KeyVault": { "SecretName": "db-password", "Uri": "https://vault.example.org/" }
            }
            """),
            ("/0/settings.json", "{ \"Password\": \"not-an-appsettings-file\" }"),
            ("/0/appsettings.Broken.json", "{ \"Db\": { \"Password\": "),
        });

    [Fact]
    public void Reader_handles_comments_escapes_arrays_and_truncation()
    {
        var values = ConfigurationFileValues.ReadJson("{ /* c */ \"A\": { \"B\": \"x\\\"y\" }, \"L\": [1, \"two\", { \"C\": null }], }");
        Assert.Equal(2, values.Count);
        Assert.Equal("A:B", values[0].Path);
        Assert.Equal("x\"y", values[0].Value);
        Assert.Equal(4, values[0].Length);
        Assert.Equal("L:1", values[1].Path);
        Assert.Empty(ConfigurationFileValues.ReadJson(null));
        Assert.Single(ConfigurationFileValues.ReadJson("{ \"A\": \"1\", \"B\": "));
        Assert.Empty(ConfigurationFileValues.ReadJson("{ // unterminated comment"));
    }

    [Fact]
    public void Message_is_translated()
    {
        var descriptor = SecretInConfigurationFileAnalyzer.Rule;
        Assert.Equal(
            "'Db:Password' in appsettings.json holds a secret in clear text (9 characters); move it to user secrets or a secret store",
            string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.GetCultureInfo("en")), "Db:Password", "appsettings.json", 9));
        Assert.Equal(
            "'Db:Password' dans appsettings.json contient un secret en clair (9 caractères) ; déplacez-le vers les secrets d'utilisateur ou un coffre de secrets",
            string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.GetCultureInfo("fr")), "Db:Password", "appsettings.json", 9));
    }
}
