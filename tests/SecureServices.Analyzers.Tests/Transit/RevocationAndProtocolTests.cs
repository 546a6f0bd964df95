using System.Threading.Tasks;
using SecureServices.Analyzers.CodeFixes.Transit;
using Xunit;
using Revocation = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Transit.RevocationCheckDisabledAnalyzer>;
using Tls = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Transit.WeakTlsProtocolAnalyzer>;

namespace SecureServices.Analyzers.Tests.Transit;

public sealed class RevocationAndProtocolTests
{
    [Fact]
    public Task Revocation_switched_off_is_reported() => Revocation.AnalyzerAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        using Microsoft.AspNetCore.Server.Kestrel.Https;

        class C
        {
            void M(X509Chain chain, HttpsConnectionAdapterOptions https)
            {
                var handler = new HttpClientHandler { CheckCertificateRevocationList = {|SSA2003:false|} };
                ServicePointManager.CheckCertificateRevocationList = {|SSA2003:false|};
                https.CheckCertificateRevocation = {|SSA2003:false|};
                chain.ChainPolicy.RevocationMode = {|SSA2003:X509RevocationMode.NoCheck|};
                var options = new SslClientAuthenticationOptions { CertificateRevocationCheckMode = {|SSA2003:X509RevocationMode.NoCheck|} };
                var mode = X509RevocationMode.NoCheck;
                chain.ChainPolicy.RevocationMode = {|SSA2003:mode|};
            }
        }
        """);

    [Fact]
    public Task Revocation_on_or_computed_is_not_reported() => Revocation.AnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Cryptography.X509Certificates;

        class C
        {
            void M(X509Chain chain, bool offline)
            {
                var handler = new HttpClientHandler { CheckCertificateRevocationList = true };
                handler.CheckCertificateRevocationList = !offline;
                chain.ChainPolicy.RevocationMode = X509RevocationMode.Online;
                chain.ChainPolicy.RevocationMode = offline ? X509RevocationMode.Offline : X509RevocationMode.Online;
                if (chain.ChainPolicy.RevocationMode == X509RevocationMode.NoCheck) { }
                var useCookies = false;
                handler.UseCookies = useCookies;
            }
        }
        """);

    [Fact]
    public Task Revocation_fix_turns_the_check_on() => Revocation.CodeFixAsync<UseSecureValueCodeFix>(
        """
        using System.Net.Http;
        using System.Security.Cryptography.X509Certificates;

        class C
        {
            void M(X509Chain chain)
            {
                var handler = new HttpClientHandler { CheckCertificateRevocationList = {|SSA2003:false|} };
                chain.ChainPolicy.RevocationMode = {|SSA2003:X509RevocationMode.NoCheck|};
            }
        }
        """,
        """
        using System.Net.Http;
        using System.Security.Cryptography.X509Certificates;

        class C
        {
            void M(X509Chain chain)
            {
                var handler = new HttpClientHandler { CheckCertificateRevocationList = true };
                chain.ChainPolicy.RevocationMode = X509RevocationMode.Online;
            }
        }
        """);

    [Fact]
    public Task Weak_protocols_alone_combined_cast_and_through_locals_are_reported() => Tls.AnalyzerAsync("""
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Authentication;
        using Microsoft.AspNetCore.Server.Kestrel.Https;

        class C
        {
            async System.Threading.Tasks.Task M(SslStream stream, HttpsConnectionAdapterOptions https)
            {
        #pragma warning disable SYSLIB0039, CS0618
                var handler = new HttpClientHandler { SslProtocols = {|SSA2004:SslProtocols.Tls11 | SslProtocols.Tls12|} };
                https.SslProtocols = {|SSA2004:(SslProtocols)192|};
                ServicePointManager.SecurityProtocol = {|SSA2004:SecurityProtocolType.Tls|};
                ServicePointManager.SecurityProtocol |= {|SSA2004:SecurityProtocolType.Tls11|};
                var protocols = SslProtocols.Ssl3 | SslProtocols.Tls13;
                var options = new SslClientAuthenticationOptions { EnabledSslProtocols = {|SSA2004:protocols|} };
                await stream.AuthenticateAsClientAsync("api.example.com", null, {|SSA2004:SslProtocols.Tls|}, true);
        #pragma warning restore SYSLIB0039, CS0618
            }
        }
        """);

    [Fact]
    public Task Modern_or_default_protocols_are_not_reported() => Tls.AnalyzerAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(SslProtocols fromConfig)
            {
                var handler = new HttpClientHandler { SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 };
                handler.SslProtocols = SslProtocols.None;
                handler.SslProtocols = fromConfig;
                ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
        #pragma warning disable SYSLIB0039, CS0618
                ServicePointManager.SecurityProtocol &= ~SecurityProtocolType.Tls11;
                var disallowed = handler.SslProtocols == SslProtocols.Tls;
        #pragma warning restore SYSLIB0039, CS0618
            }
        }
        """);

    [Fact]
    public Task Weak_protocol_fix_writes_tls12_and_tls13() => Tls.CodeFixAsync<UseSecureValueCodeFix>(
        """
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M()
            {
        #pragma warning disable SYSLIB0039, CS0618
                var handler = new HttpClientHandler { SslProtocols = {|SSA2004:SslProtocols.Tls | SslProtocols.Tls12|} };
                ServicePointManager.SecurityProtocol = {|SSA2004:SecurityProtocolType.Tls11|};
        #pragma warning restore SYSLIB0039, CS0618
            }
        }
        """,
        """
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M()
            {
        #pragma warning disable SYSLIB0039, CS0618
                var handler = new HttpClientHandler { SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 };
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
        #pragma warning restore SYSLIB0039, CS0618
            }
        }
        """);

    [Fact]
    public Task Half_typed_code_does_not_throw() => Tls.BrokenCodeAsync("""
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
            void M()
            {
                var handler = new HttpClientHandler { SslProtocols = SslProtocols. };
                handler.SslProtocols = (SslProtocols)"x";
                handler.SslProtocols = 
            }
        """);
}
