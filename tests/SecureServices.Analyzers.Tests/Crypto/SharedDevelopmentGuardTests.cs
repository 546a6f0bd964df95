using System.Threading.Tasks;
using Xunit;
using Certificates = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Transit.CertificateValidationAnalyzer>;
using ExceptionPage = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Configuration.DeveloperExceptionPageAnalyzer>;

namespace SecureServices.Analyzers.Tests.Crypto;

/// <summary>
/// Internals/DevelopmentGuard.cs is shared by the Configuration and Transit rules (it replaced Transit's own
/// DevelopmentOnly): the guards each side recognised before now hold for both.
/// </summary>
public sealed class SharedDevelopmentGuardTests
{
    [Fact]
    public Task Transit_recognises_early_exit_bool_local_and_debug_branches() => Certificates.AnalyzerAsync("""
        #define DEBUG
        using System.Net.Http;
        using Microsoft.Extensions.Hosting;

        class Clients
        {
            void EarlyExit(IHostEnvironment environment, HttpClientHandler handler)
            {
                if (!environment.IsDevelopment())
                {
                    return;
                }

                handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
            }

            void Local(IHostEnvironment environment, HttpClientHandler handler)
            {
                var isDev = environment.IsDevelopment();
                if (isDev)
                {
                    handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
                }
            }

            void Directives(HttpClientHandler handler)
            {
        #if !DEBUG
                handler.ServerCertificateCustomValidationCallback = null;
        #else
                handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
        #endif
        #if DEBUG && TRACE
                handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
        #endif
            }

            void NotAGuard(IHostEnvironment environment, HttpClientHandler handler)
            {
                if (!environment.IsDevelopment())
                {
                    handler.ServerCertificateCustomValidationCallback = {|SSA2001:(_, _, _, _) => true|};
                }
            }
        }
        """);

    [Fact]
    public Task Configuration_needs_the_hosting_IsDevelopment_and_accepts_debug_conjunctions() => ExceptionPage.AnalyzerAsync("""
        #define DEBUG
        using Microsoft.AspNetCore.Builder;

        class Flags { public bool IsDevelopment() => true; }

        class Startup
        {
            void Configure(IApplicationBuilder app, Flags flags)
            {
                if (flags.IsDevelopment())
                {
                    {|SSA6001:app.UseDeveloperExceptionPage()|};
                }

        #if DEBUG && TRACE
                app.UseDeveloperExceptionPage();
        #endif
            }
        }
        """);
}
