using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SecureServices.Analyzers.Internals;
using Xunit;
using Config = SecureServices.Analyzers.Tests.Secrets.SecretsVerifier<SecureServices.Analyzers.Rules.Transit.UnencryptedDatabaseConnectionAnalyzer>;

namespace SecureServices.Analyzers.Tests.Transit;

/// <summary>SSA2008 in appsettings*.json (and .env) files passed as AdditionalFiles.</summary>
public sealed class DatabaseConfigurationFileTests
{
    private const string Code = "class C { }";

    [Fact]
    public Task Unencrypted_connection_strings_are_reported_at_the_offending_setting() => Config.RunAsync(
        Code,
        additionalFiles: new[]
        {
            ("/0/appsettings.json", """
            {
              "ConnectionStrings": {
                "Orders": "Server=sql.example.com;Database=Orders;Encrypt=False",
                "Billing": "Data Source=tcp:billing.example.com,1433;TrustServerCertificate=true;Encrypt=Optional",
                "Reports": "Host=pg.example.com;Database=reports;SSL Mode=Disable"
              },
              "Catalog": { "Mongo": "mongodb://catalog.example.com:27017/catalog?retryWrites=true&tls=false" }
            }
            """),
        },
        expected: new[]
        {
            Config.Diagnostic("SSA2008", DiagnosticSeverity.Warning).WithSpan("/0/appsettings.json", 3, 55, 3, 68).WithArguments("ConnectionStrings:Orders (appsettings.json) 'Encrypt=False'"),
            Config.Diagnostic("SSA2008", DiagnosticSeverity.Warning).WithSpan("/0/appsettings.json", 4, 58, 4, 85).WithArguments("ConnectionStrings:Billing (appsettings.json) 'TrustServerCertificate=true'"),
            Config.Diagnostic("SSA2008", DiagnosticSeverity.Warning).WithSpan("/0/appsettings.json", 4, 86, 4, 102).WithArguments("ConnectionStrings:Billing (appsettings.json) 'Encrypt=Optional'"),
            Config.Diagnostic("SSA2008", DiagnosticSeverity.Warning).WithSpan("/0/appsettings.json", 5, 54, 5, 70).WithArguments("ConnectionStrings:Reports (appsettings.json) 'SSL Mode=Disable'"),
            Config.Diagnostic("SSA2008", DiagnosticSeverity.Warning).WithSpan("/0/appsettings.json", 7, 87, 7, 96).WithArguments("Catalog:Mongo (appsettings.json) 'tls=false'"),
        });

    [Fact]
    public Task Nested_sections_in_an_environment_file_are_reported() => Config.RunAsync(
        Code,
        additionalFiles: new[]
        {
            ("/0/appsettings.Production.json", """
            {
              "Tenants": [
                { "Name": "east", "ConnectionStrings": { "Main": "Server=east.example.com;TrustServerCertificate=True" } }
              ],
              // Encrypt=False without a server is still a connection string in this section
              "ConnectionStrings": { "Audit": "Encrypt=False" }
            }
            """),
        },
        expected: new[]
        {
            Config.Diagnostic("SSA2008", DiagnosticSeverity.Warning).WithSpan("/0/appsettings.Production.json", 3, 79, 3, 106).WithArguments("Tenants:0:ConnectionStrings:Main (appsettings.Production.json) 'TrustServerCertificate=True'"),
            Config.Diagnostic("SSA2008", DiagnosticSeverity.Warning).WithSpan("/0/appsettings.Production.json", 6, 36, 6, 49).WithArguments("ConnectionStrings:Audit (appsettings.Production.json) 'Encrypt=False'"),
        });

    [Fact]
    public Task Encrypted_local_allowed_and_prose_values_are_not_reported() => Config.RunAsync(
        Code,
        globalConfig: "secureservices.allowed_cleartext_hosts = legacy-db, *.test.internal\n",
        additionalFiles: new[]
        {
            ("/0/appsettings.json", """
            {
              "ConnectionStrings": {
                "Orders": "Server=sql.example.com;Database=Orders;Encrypt=True",
                "Strict": "Server=sql.example.com;Encrypt=Strict;TrustServerCertificate=False",
                "Local": "Server=(localdb)\\MSSQLLocalDB;Database=Orders;TrustServerCertificate=True",
                "Loopback": "Host=127.0.0.1;SSL Mode=Disable",
                "Named": "Server=localhost,1433;Encrypt=False",
                "Legacy": "Server=legacy-db;Encrypt=False",
                "Suffix": "Host=pg.test.internal;SslMode=Prefer",
                "Verified": "Host=pg.example.com;SSL Mode=VerifyFull",
                "Mongo": "mongodb://mongo.example.com/?tls=true"
              },
              "Help": {
                "Database": "Set Encrypt=False only for local work; production uses Encrypt=True",
                "Note": "Encrypt=False"
              }
            }
            """),
            ("/0/settings.json", "{ \"ConnectionStrings\": { \"Orders\": \"Server=sql.example.com;Encrypt=False\" } }"),
            ("/0/connectionstrings.txt", "Server=sql.example.com;Encrypt=False"),
        });

    [Fact]
    public Task Hosts_allowed_for_the_csharp_files_are_allowed_in_configuration_files_too() => Task.WhenAll(
        Config.RunAsync(
            Code,
            editorConfig: "[*.cs]\nsecureservices.allowed_cleartext_hosts = legacy-db\n",
            additionalFiles: new[] { ("/0/appsettings.json", "{ \"ConnectionStrings\": { \"Legacy\": \"Server=legacy-db;Encrypt=False\" } }") }),
        Config.RunAsync(
            Code,
            editorConfig: "[*.cs]\nsecureservices.allowed_cleartext_hosts = legacy-db\n\n[*.json]\nsecureservices.allowed_cleartext_hosts = other-db\n",
            additionalFiles: new[] { ("/0/appsettings.json", "{ \"ConnectionStrings\": { \"Legacy\": \"Server=legacy-db;Encrypt=False\" } }") },
            expected: Config.Diagnostic("SSA2008", DiagnosticSeverity.Warning).WithSpan("/0/appsettings.json", 1, 54, 1, 67).WithArguments("ConnectionStrings:Legacy (appsettings.json) 'Encrypt=False'")));

    [Fact]
    public Task Malformed_json_does_not_throw_and_keeps_what_was_read() => Config.RunAsync(
        Code,
        additionalFiles: new[]
        {
            ("/0/appsettings.json", "{ \"ConnectionStrings\": { \"A\": \"Server=a.example.com;Encrypt=False\", \"B\": \"Server=b.example.com;Encr"),
            ("/0/appsettings.Staging.json", "{ \"ConnectionStrings\": [ \"Server=c.example.com;Encrypt=False\" ,, } } ] \"\\u12"),
            ("/0/appsettings.Broken.json", "{ /* never closed \"ConnectionStrings\": { \"A\": \"Server=d.example.com;Encrypt=False\" } }"),
            ("/0/appsettings.Empty.json", ""),
        },
        expected: new[]
        {
            Config.Diagnostic("SSA2008", DiagnosticSeverity.Warning).WithSpan("/0/appsettings.json", 1, 53, 1, 66).WithArguments("ConnectionStrings:A (appsettings.json) 'Encrypt=False'"),
            Config.Diagnostic("SSA2008", DiagnosticSeverity.Warning).WithSpan("/0/appsettings.Staging.json", 1, 48, 1, 61).WithArguments("ConnectionStrings:0 (appsettings.Staging.json) 'Encrypt=False'"),
        });

    [Fact]
    public Task Development_settings_and_test_projects_are_suggestions() => Task.WhenAll(
        Config.RunAsync(
            Code,
            additionalFiles: new[] { ("/0/appsettings.Development.json", "{ \"ConnectionStrings\": { \"Orders\": \"Server=dev-sql.example.com;TrustServerCertificate=True\" } }") },
            expected: Config.Diagnostic("SSA2008", DiagnosticSeverity.Info).WithSpan("/0/appsettings.Development.json", 1, 64, 1, 91).WithArguments("ConnectionStrings:Orders (appsettings.Development.json) 'TrustServerCertificate=True'")),
        Config.RunAsync(
            Code,
            globalConfig: "build_property.IsTestProject = true\n",
            additionalFiles: new[] { ("/0/appsettings.json", "{ \"ConnectionStrings\": { \"Orders\": \"Server=sql.example.com;Encrypt=no\" } }") },
            expected: Config.Diagnostic("SSA2008", DiagnosticSeverity.Info).WithSpan("/0/appsettings.json", 1, 60, 1, 70).WithArguments("ConnectionStrings:Orders (appsettings.json) 'Encrypt=no'")));

    [Fact]
    public Task Dotenv_connection_strings_are_read() => Config.RunAsync(
        Code,
        additionalFiles: new[] { ("/0/.env", "# deployment\nConnectionStrings__Orders=\"Server=sql.example.com;Encrypt=False\"\nGREETING=a=b\n") },
        expected: Config.Diagnostic("SSA2008", DiagnosticSeverity.Warning).WithSpan("/0/.env", 2, 51, 2, 64).WithArguments("ConnectionStrings__Orders (.env) 'Encrypt=False'"));

    [Fact]
    public void Reader_stops_on_a_closing_bracket_of_the_wrong_kind()
    {
        // These used to loop for ever: nothing was consumed on the stray bracket.
        Assert.Single(ConfigurationFileValues.ReadJson("{ \"A\": [ \"x\" } ], \"B\": \"y\" }"));
        Assert.Empty(ConfigurationFileValues.ReadJson("{ \"A\": ] }"));
    }
}
