using System.Globalization;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SecureServices.Analyzers.CodeFixes.Transit;
using SecureServices.Analyzers.Rules.Transit;
using Xunit;
using Broker = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Transit.ClearTextMessageBrokerAnalyzer>;
using Certificates = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Transit.CertificateValidationAnalyzer>;
using Database = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Transit.UnencryptedDatabaseConnectionAnalyzer>;
using Endpoint = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Transit.ClearTextEndpointAnalyzer>;
using Tls = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Transit.WeakTlsProtocolAnalyzer>;

namespace SecureServices.Analyzers.Tests.Transit;

/// <summary>Messages, credentials kept out of them, DEBUG-only code, MongoDB, and the remaining fixes.</summary>
public sealed class TransitDetailsTests
{
    [Fact]
    public Task Endpoint_message_shows_scheme_and_host_but_never_the_credentials() => Endpoint.AnalyzerAsync(
        """
        class C
        {
            System.Uri a = new System.Uri({|#0:"http://svc-user:Hunter2-secret@api.example.com/orders?key=abc"|});
        }
        """,
        new DiagnosticResult("SSA2005", DiagnosticSeverity.Warning).WithLocation(0).WithLocation(0).WithArguments("Uri", "http://api.example.com", "https://"));

    [Fact]
    public Task Database_message_shows_only_the_offending_setting() => Database.AnalyzerAsync(
        """
        class C
        {
            Microsoft.Data.SqlClient.SqlConnection a = new({|#0:"Server=sql.example.com;User ID=orders;Password=Hunter2-secret;Encrypt=Optional"|});
        }
        """,
        new DiagnosticResult("SSA2008", DiagnosticSeverity.Warning).WithLocation(0).WithLocation(0).WithArguments("SqlConnection 'Encrypt=Optional'"));

    [Fact]
    public void Messages_are_translated()
    {
        var fr = CultureInfo.GetCultureInfo("fr-CA");
        Assert.Equal(
            "'HttpClientHandler.ServerCertificateCustomValidationCallback' accepte tous les certificats de serveur ; toute machine sur le chemin peut usurper le serveur et lire le trafic",
            string.Format(fr, CertificateValidationAnalyzer.ServerRule.MessageFormat.ToString(fr), "HttpClientHandler.ServerCertificateCustomValidationCallback"));
        Assert.Equal(
            "'Uri' envoie le trafic vers 'http://api.example.com' en clair ; utilisez https://",
            string.Format(fr, ClearTextEndpointAnalyzer.Rule.MessageFormat.ToString(fr), "Uri", "http://api.example.com", "https://"));
        Assert.Equal(DiagnosticSeverity.Error, CertificateValidationAnalyzer.ServerRule.DefaultSeverity);
        Assert.Equal(DiagnosticSeverity.Error, CertificateValidationAnalyzer.ClientRule.DefaultSeverity);
        Assert.Equal(DiagnosticSeverity.Info, HttpsRedirectionMissingAnalyzer.Rule.DefaultSeverity);
    }

    [Fact]
    public Task Callback_under_an_active_debug_directive_is_not_reported_but_code_after_endif_is() => Certificates.AnalyzerAsync("""
        #define DEBUG
        using System.Net.Http;

        class Clients
        {
            HttpClientHandler Create()
            {
                var handler = new HttpClientHandler();
        #if DEBUG
                handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
        #endif
                handler.ServerCertificateCustomValidationCallback = {|SSA2001:(_, _, _, _) => true|};
                return handler;
            }
        }
        """);

    [Fact]
    public Task Callback_guarded_by_a_non_hosting_IsDevelopment_is_reported() => Certificates.AnalyzerAsync("""
        using System.Net.Http;

        class Flags { public bool IsDevelopment() => true; }

        class Clients
        {
            void M(Flags flags, HttpClientHandler handler)
            {
                if (flags.IsDevelopment())
                {
                    handler.ServerCertificateCustomValidationCallback = {|SSA2001:(_, _, _, _) => true|};
                }
            }
        }
        """);

    [Fact]
    public Task Kestrel_fix_removes_the_call_and_the_callback() => Certificates.CodeFixAsync<RemoveDangerousAssignmentCodeFix>(
        """
        using Microsoft.AspNetCore.Server.Kestrel.Https;

        class Server
        {
            void Configure(HttpsConnectionAdapterOptions https)
            {
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                {|SSA2002:https.AllowAnyClientCertificate()|};
                https.ClientCertificateValidation = {|SSA2002:(_, _, _) => true|};
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Server.Kestrel.Https;

        class Server
        {
            void Configure(HttpsConnectionAdapterOptions https)
            {
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
            }
        }
        """);

    [Fact]
    public Task Mongo_urls_are_checked_through_the_connection_string_parameter() => Database.AnalyzerAsync("""
        namespace MongoDB.Driver
        {
            public sealed class MongoClient
            {
                public MongoClient(string connectionString) { }
            }
        }

        class Data
        {
            MongoDB.Driver.MongoClient a = new({|SSA2008:"mongodb://orders:pw@mongo.example.com:27017/orders?tls=false"|});
            MongoDB.Driver.MongoClient b = new({|SSA2008:"mongodb+srv://cluster0.example.net/?tlsAllowInvalidCertificates=true"|});
            MongoDB.Driver.MongoClient c = new("mongodb://mongo.example.com:27017/orders?tls=true");
            MongoDB.Driver.MongoClient d = new("mongodb://localhost:27017/?tls=false");
        }
        """);

    [Fact]
    public Task Project_helpers_taking_a_protocol_and_metadata_endpoints_are_not_reported() => Tls.AnalyzerAsync("""
        using System.Security.Authentication;

        class Policy
        {
        #pragma warning disable SYSLIB0039
            static bool IsDeprecated(SslProtocols protocol) => protocol is SslProtocols.Tls or SslProtocols.Tls11;
            bool tls10 = IsDeprecated(SslProtocols.Tls);
        #pragma warning restore SYSLIB0039
        }
        """);

    [Fact]
    public Task Link_local_metadata_endpoint_is_not_reported() => Endpoint.AnalyzerAsync("""
        class C
        {
            System.Uri imds = new System.Uri("http://169.254.169.254/latest/meta-data/");
            System.Uri other = new System.Uri({|SSA2005:"http://169.255.0.1/"|});
        }
        """);

    [Fact]
    public Task Broker_half_typed_code_does_not_throw() => Broker.BrokenCodeAsync("""
        using Confluent.Kafka;
        using StackExchange.Redis;
        class C
        {
            void M()
            {
                var p = new ProducerConfig { SecurityProtocol = };
                var d = new System.Collections.Generic.Dictionary<string, string> { ["security.protocol"] = };
                ConnectionMultiplexer.Connect(",,,=,ssl=");
                ConnectionMultiplexer.Connect(
                var f = new RabbitMQ.Client.ConnectionFactory { HostName = 
            }
        """);
}
