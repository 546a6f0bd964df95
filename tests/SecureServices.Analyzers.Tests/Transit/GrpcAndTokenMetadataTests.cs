using System.Threading.Tasks;
using SecureServices.Analyzers.CodeFixes.Transit;
using Xunit;
using Grpc = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Transit.InsecureGrpcChannelAnalyzer>;
using Metadata = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Transit.TokenMetadataOverHttpAnalyzer>;
using Redirection = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Transit.HttpsRedirectionMissingAnalyzer>;

namespace SecureServices.Analyzers.Tests.Transit;

public sealed class GrpcAndTokenMetadataTests
{
    [Fact]
    public Task Insecure_grpc_credentials_are_reported() => Grpc.AnalyzerAsync("""
        using System;
        using Grpc.Core;
        using Grpc.Net.Client;

        class Clients
        {
            void M(string address)
            {
                var a = GrpcChannel.ForAddress("https://orders.example.com", new GrpcChannelOptions { Credentials = {|SSA2006:ChannelCredentials.Insecure|} });
                var b = GrpcChannel.ForAddress(address, new GrpcChannelOptions { Credentials = {|SSA2006:ChannelCredentials.Insecure|} });
                var options = new GrpcChannelOptions { Credentials = {|SSA2006:ChannelCredentials.Insecure|} };
                var c = GrpcChannel.ForAddress(new Uri("https://billing.example.com"), new GrpcChannelOptions
                {
                    Credentials = ChannelCredentials.SecureSsl,
                    UnsafeUseInsecureChannelCallCredentials = {|SSA2006:true|},
                });
            }
        }
        """);

    [Fact]
    public Task Loopback_channels_and_secure_credentials_are_not_reported() => Grpc.AnalyzerAsync("""
        using System;
        using Grpc.Core;
        using Grpc.Net.Client;

        class Clients
        {
            void M()
            {
                var a = GrpcChannel.ForAddress("http://localhost:5001", new GrpcChannelOptions { Credentials = ChannelCredentials.Insecure });
                var b = GrpcChannel.ForAddress(new Uri("http://127.0.0.1:5001"), new GrpcChannelOptions { Credentials = ChannelCredentials.Insecure });
                var c = GrpcChannel.ForAddress("https://orders.example.com", new GrpcChannelOptions { Credentials = ChannelCredentials.SecureSsl, UnsafeUseInsecureChannelCallCredentials = false });
            }
        }
        """);

    [Fact]
    public Task Grpc_fix_removes_the_unsafe_flag() => Grpc.CodeFixAsync<RemoveDangerousAssignmentCodeFix>(
        """
        using Grpc.Net.Client;

        class Clients
        {
            GrpcChannelOptions M() => new GrpcChannelOptions { MaxRetryAttempts = 3, UnsafeUseInsecureChannelCallCredentials = {|SSA2006:true|} };
        }
        """,
        """
        using Grpc.Net.Client;

        class Clients
        {
            GrpcChannelOptions M() => new GrpcChannelOptions { MaxRetryAttempts = 3 };
        }
        """);

    [Fact]
    public Task Require_https_metadata_false_is_reported_unless_computed_or_development_only() => Metadata.AnalyzerAsync("""
        using Microsoft.AspNetCore.Authentication.JwtBearer;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        class Startup
        {
            void M(WebApplicationBuilder builder)
            {
                builder.Services.AddAuthentication().AddJwtBearer(o => o.RequireHttpsMetadata = {|SSA2009:false|});
                builder.Services.Configure<JwtBearerOptions>(o => { o.RequireHttpsMetadata = true; });
                builder.Services.Configure<JwtBearerOptions>(o => o.RequireHttpsMetadata = !builder.Environment.IsDevelopment());
                if (builder.Environment.IsDevelopment())
                {
                    builder.Services.Configure<JwtBearerOptions>(o => o.RequireHttpsMetadata = false);
                }
            }
        }
        """);

    [Fact]
    public Task Require_https_metadata_fix_removes_the_assignment() => Metadata.CodeFixAsync<RemoveDangerousAssignmentCodeFix>(
        """
        using Microsoft.AspNetCore.Authentication.JwtBearer;
        using Microsoft.Extensions.DependencyInjection;

        class Startup
        {
            void M(IServiceCollection services)
            {
                services.AddAuthentication().AddJwtBearer(o =>
                {
                    o.Authority = "https://login.example.com";
                    o.RequireHttpsMetadata = {|SSA2009:false|};
                });
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Authentication.JwtBearer;
        using Microsoft.Extensions.DependencyInjection;

        class Startup
        {
            void M(IServiceCollection services)
            {
                services.AddAuthentication().AddJwtBearer(o =>
                {
                    o.Authority = "https://login.example.com";
                });
            }
        }
        """);

    [Fact]
    public Task Pipeline_without_https_redirection_is_reported() => Redirection.AnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;

        class Program
        {
            static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                var app = {|SSA2010:builder.Build()|};
                app.MapGet("/", () => "hello");
                app.Run();
            }
        }
        """);

    [Fact]
    public Task Pipeline_with_redirection_hsts_or_a_configuring_method_is_not_reported() => Redirection.AnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;

        class Program
        {
            static void A(string[] args)
            {
                var app = WebApplication.CreateBuilder(args).Build();
                app.UseHttpsRedirection();
                app.Run();
            }

            static void B(string[] args)
            {
                var app = WebApplication.CreateBuilder(args).Build();
                if (!app.Environment.IsDevelopment())
                {
                    app.UseHsts();
                }
            }

            static void C(string[] args)
            {
                var app = WebApplication.CreateBuilder(args).Build();
                Pipeline.Configure(app);
                app.Run();
            }
        }

        static class Pipeline
        {
            public static void Configure(WebApplication app) => app.UseHttpsRedirection();
        }
        """);

    [Fact]
    // BrokenCodeAsync: the test compilation is a library, where top-level statements are CS8805.
    public Task Top_level_program_is_analyzed() => Redirection.BrokenCodeAsync("""
        using Microsoft.AspNetCore.Builder;

        var builder = WebApplication.CreateBuilder(args);
        var app = {|SSA2010:builder.Build()|};
        app.Run();
        """);
}
