using System.Threading.Tasks;
using SecureServices.Analyzers.CodeFixes.Configuration;
using Xunit;
using Ef = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Configuration.EfSensitiveDataLoggingAnalyzer>;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Configuration.DetailedErrorsEnabledAnalyzer>;

namespace SecureServices.Analyzers.Tests.Configuration;

public sealed class DetailedErrorsTests
{
    [Fact]
    public Task Grpc_signalr_and_web_host_detailed_errors_are_reported() => V.AnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.DependencyInjection;

        class Program
        {
            static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddGrpc(o => {|SSA6004:o.EnableDetailedErrors = true|});
                builder.Services.AddSignalR(options => { {|SSA6004:options.EnableDetailedErrors = true|}; });
                builder.WebHost.{|SSA6004:UseSetting(WebHostDefaults.DetailedErrorsKey, "true")|};
            }
        }
        """);

    [Fact]
    public Task Environment_driven_false_and_guarded_values_are_not_reported() => V.AnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        class Program
        {
            static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddGrpc(o => o.EnableDetailedErrors = builder.Environment.IsDevelopment());
                builder.Services.AddSignalR(o => o.EnableDetailedErrors = false);
                if (builder.Environment.IsDevelopment())
                {
                    builder.Services.AddSignalR(o => o.EnableDetailedErrors = true);
                    builder.WebHost.UseSetting(WebHostDefaults.DetailedErrorsKey, "true");
                }

                builder.WebHost.UseSetting(WebHostDefaults.DetailedErrorsKey, "false");
                builder.WebHost.UseSetting(WebHostDefaults.EnvironmentKey, "true");
            }
        }
        """);

    [Fact]
    public Task Ef_core_sensitive_logging_and_detailed_errors_are_reported() => Ef.AnalyzerAsync("""
        using Microsoft.EntityFrameworkCore;

        class ShopContext : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            {
                optionsBuilder.{|SSA6005:EnableSensitiveDataLogging()|}.{|SSA6005:EnableDetailedErrors(true)|};
            }
        }

        class Setup
        {
            void M(DbContextOptionsBuilder<ShopContext> options) => options.{|SSA6005:EnableSensitiveDataLogging()|};
        }
        """);

    [Fact]
    public Task Ef_core_guarded_or_environment_driven_calls_are_not_reported() => Ef.AnalyzerAsync("""
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Hosting;

        class ShopContext : DbContext
        {
            private readonly IWebHostEnvironment env;

            public ShopContext(IWebHostEnvironment env) => this.env = env;

            protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            {
                optionsBuilder.EnableSensitiveDataLogging(env.IsDevelopment());
                optionsBuilder.EnableDetailedErrors(false);
                if (env.IsDevelopment())
                {
                    optionsBuilder.EnableSensitiveDataLogging().EnableDetailedErrors();
                }
        #if DEBUG
                optionsBuilder.EnableSensitiveDataLogging();
        #endif
            }
        }
        """);

    [Fact]
    public Task Ef_fix_passes_the_environment_check() => Ef.CodeFixAsync<GuardWithIsDevelopmentCodeFix>(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        class ShopContext : DbContext
        {
            public ShopContext(DbContextOptions<ShopContext> options) : base(options) { }
        }

        class Program
        {
            static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddDbContext<ShopContext>(options => options.{|SSA6005:EnableSensitiveDataLogging()|}.{|SSA6005:EnableDetailedErrors(true)|});
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        class ShopContext : DbContext
        {
            public ShopContext(DbContextOptions<ShopContext> options) : base(options) { }
        }

        class Program
        {
            static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddDbContext<ShopContext>(options => options.EnableSensitiveDataLogging(builder.Environment.IsDevelopment()).EnableDetailedErrors(builder.Environment.IsDevelopment()));
            }
        }
        """);

    [Fact]
    public Task Half_typed_code_does_not_throw() => Ef.BrokenCodeAsync("""
        using Microsoft.EntityFrameworkCore;
        class C
        {
            void M(DbContextOptionsBuilder o)
            {
                o.{|SSA6005:EnableSensitiveDataLogging()|};
                o.EnableDetailedErrors(
                o.
            }
        """);
}
