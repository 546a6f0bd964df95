using System.Threading.Tasks;
using SecureServices.Analyzers.CodeFixes.Transit;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Transit.ClearTextEndpointAnalyzer>;

namespace SecureServices.Analyzers.Tests.Transit;

public sealed class ClearTextEndpointTests
{
    [Fact]
    public Task Remote_clear_text_endpoints_are_reported() => V.AnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Net.WebSockets;
        using System.Threading.Tasks;
        using Grpc.Net.Client;
        using Microsoft.Extensions.DependencyInjection;

        class Clients
        {
            const string Inventory = "http://inventory.internal.example";

            async Task M(HttpClient client, IServiceCollection services, ClientWebSocket socket)
            {
                client.BaseAddress = new Uri({|SSA2005:"http://orders.example.com/"|});
                await client.GetAsync({|SSA2005:"http://api.example.com/orders"|});
                await client.PostAsJsonAsync({|SSA2005:Inventory + "/reserve"|}, new { id = 1 });
                var host = "billing.example.com";
                var url = $"http://{host}/invoices";
                await client.GetStringAsync({|SSA2005:url|});
                services.AddHttpClient("payments", c => c.BaseAddress = new Uri({|SSA2005:"HTTP://payments.example.com"|}));
                using var channel = GrpcChannel.ForAddress({|SSA2005:"http://10.0.4.12:5001"|});
                await socket.ConnectAsync(new Uri({|SSA2005:"ws://stream.example.com/feed"|}), default);
                var request = new HttpRequestMessage(HttpMethod.Get, {|SSA2005:"ftp://files.example.com/report.csv"|});
            }
        }
        """);

    [Fact]
    public Task Jwt_authority_and_metadata_address_are_reported() => V.AnalyzerAsync("""
        using Microsoft.AspNetCore.Authentication.JwtBearer;
        using Microsoft.Extensions.DependencyInjection;

        class Startup
        {
            void M(IServiceCollection services)
            {
                services.AddAuthentication().AddJwtBearer(o =>
                {
                    o.Authority = {|SSA2005:"http://login.example.com/realms/orders"|};
                    o.MetadataAddress = {|SSA2005:"http://login.example.com/.well-known/openid-configuration"|};
                });
            }
        }
        """);

    [Fact]
    public Task Loopback_namespaces_unknown_hosts_and_non_endpoints_are_not_reported() => V.AnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using System.Xml.Linq;

        class Clients
        {
            /// <summary>See http://example.com/docs for the protocol.</summary>
            const string DocsLink = "http://example.com/docs";

            async Task M(HttpClient client, string host)
            {
                await client.GetAsync("http://localhost:5000/health");
                await client.GetAsync("http://127.0.0.1/health");
                await client.GetAsync("http://[::1]:8080/");
                await client.GetAsync("http://orders.localhost/");
                await client.GetAsync("https://api.example.com/orders");
                await client.GetAsync($"http://{host}/orders");
                await client.GetAsync("/relative/path");
                var ns = new Uri("http://www.w3.org/2001/XMLSchema");
                var soap = new Uri("http://schemas.xmlsoap.org/soap/envelope/");
                XNamespace atom = "http://www.w3.org/2005/Atom";
                Console.WriteLine(DocsLink);
                var message = "Visit http://example.com for help";
                var url = "http://api.example.com";
                url = "https://api.example.com";
                await client.GetAsync(url);
            }
        }
        """);

    [Fact]
    public Task Allowed_hosts_option_is_honoured() => V.AnalyzerAsync("""
        using System;

        class Clients
        {
            Uri A = new Uri("http://orders.default.svc.cluster.local/");
            Uri B = new Uri("http://legacy-gateway:8080/");
            Uri C = new Uri({|SSA2005:"http://partner.example.com/"|});
        }
        """,
        "secureservices.allowed_cleartext_hosts = *.svc.cluster.local, legacy-gateway");

    [Fact]
    public Task Fix_switches_to_https_and_wss_in_the_literal() => V.CodeFixAsync<UseSecureValueCodeFix>(
        """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class Clients
        {
            const string BaseUrl = "http://orders.example.com";

            async Task M(HttpClient client)
            {
                client.BaseAddress = new Uri({|SSA2005:BaseUrl|});
                await client.GetAsync({|SSA2005:$"http://api.example.com/orders/{42}"|});
                var feed = new Uri({|SSA2005:"ws://stream.example.com/feed"|});
            }
        }
        """,
        """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class Clients
        {
            const string BaseUrl = "https://orders.example.com";

            async Task M(HttpClient client)
            {
                client.BaseAddress = new Uri(BaseUrl);
                await client.GetAsync($"https://api.example.com/orders/{42}");
                var feed = new Uri("wss://stream.example.com/feed");
            }
        }
        """);

    [Fact]
    public Task Ftp_gets_no_fix() => V.CodeFixAsync<UseSecureValueCodeFix>(
        """
        class C { System.Uri files = new System.Uri({|SSA2005:"ftp://files.example.com/"|}); }
        """,
        """
        class C { System.Uri files = new System.Uri({|SSA2005:"ftp://files.example.com/"|}); }
        """);

    [Fact]
    public Task Half_typed_code_does_not_throw() => V.BrokenCodeAsync("""
        using System;
        class C
        {
            void M()
            {
                var a = new Uri("http://");
                var b = new Uri("http://:80/");
                var c = new Uri("http://[::1");
                var d = new Uri("http://half.example
                var e = new Uri(
            }
        """);
}
