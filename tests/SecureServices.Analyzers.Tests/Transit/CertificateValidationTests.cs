using System.Threading.Tasks;
using SecureServices.Analyzers.CodeFixes.Transit;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Transit.CertificateValidationAnalyzer>;

namespace SecureServices.Analyzers.Tests.Transit;

public sealed class CertificateValidationTests
{
    [Fact]
    public Task Callbacks_that_accept_everything_are_reported() => V.AnalyzerAsync("""
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        class Clients
        {
            void Configure(Stream stream)
            {
                var handler = new HttpClientHandler();
                handler.ServerCertificateCustomValidationCallback = {|SSA2001:(message, cert, chain, errors) => true|};
                var sockets = new SocketsHttpHandler();
                sockets.SslOptions.RemoteCertificateValidationCallback = {|SSA2001:delegate { return true; }|};
                var options = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = {|SSA2001:(_, _, _, _) =>
                {
                    System.Console.WriteLine("accepting");
                    return true;
                }|} };
                ServicePointManager.ServerCertificateValidationCallback += {|SSA2001:AcceptAll|};
                var ssl = new SslStream(stream, false, {|SSA2001:AcceptAll|});
                var other = new HttpClientHandler { ServerCertificateCustomValidationCallback = {|SSA2001:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|} };
            }

            static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
        }
        """);

    [Fact]
    public Task Callback_held_in_a_local_and_block_bodied_method_group_are_reported() => V.AnalyzerAsync("""
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        class Clients
        {
            HttpClient Create()
            {
                System.Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> trustAll = (_, _, _, _) => true;
                var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = {|SSA2001:trustAll|} };
                var options = new SslClientAuthenticationOptions();
                options.RemoteCertificateValidationCallback = {|SSA2001:Validate|};
                return new HttpClient(handler);
            }

            private static bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
            {
                if (errors != SslPolicyErrors.None)
                {
                    System.Console.WriteLine($"ignoring {errors}");
                }

                return true;
            }
        }
        """);

    [Fact]
    public Task Callbacks_that_check_errors_pin_or_build_a_chain_are_not_reported() => V.AnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        class Clients
        {
            const string Pinned = "A1B2C3";

            void Configure(X509Certificate2 root)
            {
                var a = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, errors) => errors == SslPolicyErrors.None };
                var b = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, cert, _, errors) => errors == SslPolicyErrors.None || cert?.Thumbprint == Pinned };
                var c = new HttpClientHandler();
                c.ServerCertificateCustomValidationCallback = (_, cert, chain, errors) =>
                {
                    if (cert == null || chain == null)
                    {
                        return false;
                    }

                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(root);
                    return chain.Build(cert);
                };
                var d = new HttpClientHandler { ServerCertificateCustomValidationCallback = Check };
                var e = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => { Func<bool> inner = () => true; return false; } };
            }

            static bool Check(HttpRequestMessage m, X509Certificate2? c, X509Chain? ch, SslPolicyErrors errors)
            {
                if (errors == SslPolicyErrors.None)
                {
                    return true;
                }

                return false;
            }
        }
        """);

    [Fact]
    public Task Development_only_callbacks_are_not_reported() => V.AnalyzerAsync("""
        using System.Net.Http;
        using Microsoft.Extensions.Hosting;

        class Clients
        {
            HttpClientHandler Create(IHostEnvironment environment)
            {
                var handler = new HttpClientHandler();
        #if DEBUG
                handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
        #endif
                if (environment.IsDevelopment())
                {
                    handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
                }

                return handler;
            }
        }
        """);

    [Fact]
    public Task Kestrel_accepting_any_client_certificate_is_reported() => V.AnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Server.Kestrel.Https;

        class Server
        {
            void Configure(WebApplicationBuilder builder)
            {
                builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
                {
                    https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                    https.ClientCertificateValidation = {|SSA2002:(certificate, chain, errors) => true|};
                    {|SSA2002:https.AllowAnyClientCertificate()|};
                }));
            }

            void Good(HttpsConnectionAdapterOptions https)
            {
                https.ClientCertificateValidation = (certificate, chain, errors) => errors == System.Net.Security.SslPolicyErrors.None && certificate.Issuer == "CN=Internal CA";
            }
        }
        """);

    [Fact]
    public Task Half_typed_code_does_not_throw() => V.BrokenCodeAsync("""
        using System.Net.Http;
        class C
        {
            void M()
            {
                var handler = new HttpClientHandler();
                handler.ServerCertificateCustomValidationCallback = {|SSA2001:(a, b) => true|};
                handler.ServerCertificateCustomValidationCallback = (_, _, _, _) =>
                handler.ServerCertificateCustomValidationCallback = Missing;
                new HttpClientHandler { ServerCertificateCustomValidationCallback = 
            }
        """);

    [Fact]
    public Task Fix_removes_the_dangerous_assignment() => V.CodeFixAsync<RemoveDangerousAssignmentCodeFix>(
        """
        using System.Net.Http;

        class Clients
        {
            HttpClient Create()
            {
                var handler = new HttpClientHandler();
                handler.ServerCertificateCustomValidationCallback = {|SSA2001:(_, _, _, _) => true|};
                var other = new HttpClientHandler
                {
                    UseCookies = false,
                    ServerCertificateCustomValidationCallback = {|SSA2001:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|},
                };
                var third = new HttpClientHandler { ServerCertificateCustomValidationCallback = {|SSA2001:delegate { return true; }|}, UseProxy = false };
                return new HttpClient(handler);
            }
        }
        """,
        """
        using System.Net.Http;

        class Clients
        {
            HttpClient Create()
            {
                var handler = new HttpClientHandler();
                var other = new HttpClientHandler
                {
                    UseCookies = false,
                };
                var third = new HttpClientHandler { UseProxy = false };
                return new HttpClient(handler);
            }
        }
        """);
}
