using System.Threading.Tasks;
using SecureServices.Analyzers.CodeFixes.Configuration;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Configuration.DeveloperExceptionPageAnalyzer>;

namespace SecureServices.Analyzers.Tests.Configuration;

public sealed class DeveloperExceptionPageTests
{
    [Fact]
    public Task Unguarded_and_wrongly_guarded_calls_are_reported() => V.AnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        class Startup
        {
            void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                {|SSA6001:app.UseDeveloperExceptionPage()|};
                if (env.IsProduction())
                {
                    {|SSA6001:app.UseDeveloperExceptionPage()|};
                }

                if (!env.IsDevelopment())
                {
                    {|SSA6001:app.UseDeveloperExceptionPage()|};
                }

                if (env.IsDevelopment() || env.IsStaging())
                {
                    {|SSA6001:app.UseDeveloperExceptionPage()|};
                }
            }
        }
        """);

    [Fact]
    public Task Every_usual_development_guard_is_recognised() => V.AnalyzerAsync("""
        #define DEBUG
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        class Startup
        {
            void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                if (env.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }
                else
                {
                    app.UseExceptionHandler("/error");
                }

                if (!env.IsDevelopment())
                {
                    app.UseExceptionHandler("/error");
                }
                else
                {
                    app.UseDeveloperExceptionPage();
                }

                if (env.IsEnvironment("Development")) app.UseDeveloperExceptionPage();
                if (env.EnvironmentName == Environments.Development) app.UseDeveloperExceptionPage();
                var isDev = env.IsDevelopment();
                if (isDev && app != null) app.UseDeveloperExceptionPage();
        #if DEBUG
                app.UseDeveloperExceptionPage();
        #endif
            }

            void Early(IApplicationBuilder app, IHostEnvironment env)
            {
                if (!env.IsDevelopment())
                {
                    return;
                }

                app.UseDeveloperExceptionPage();
            }
        }
        """);

    [Fact]
    public Task Minimal_hosting_forms_are_recognised() => V.AnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;

        class Program
        {
            static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                if (app.Environment.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }

                if (builder.Environment.IsDevelopment()) { app.UseDeveloperExceptionPage(); }
                {|SSA6001:app.UseDeveloperExceptionPage()|};
            }
        }
        """);

    [Fact]
    public Task Half_typed_code_does_not_throw() => V.BrokenCodeAsync("""
        using Microsoft.AspNetCore.Builder;
        class C
        {
            void M(IApplicationBuilder app)
            {
                if (app.)
                {
                    {|SSA6001:app.UseDeveloperExceptionPage()|}.
                }
                if (
                {|SSA6001:app.UseDeveloperExceptionPage()|};
            }
        """);

    [Fact]
    public Task Fix_wraps_the_call_in_the_environment_check() => V.CodeFixAsync<GuardWithIsDevelopmentCodeFix>(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;

        class Program
        {
            static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                // Show errors while developing.
                {|SSA6001:app.UseDeveloperExceptionPage()|};
                app.Run();
            }
        }

        class Startup
        {
            void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                {|SSA6001:app.UseDeveloperExceptionPage()|};
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        class Program
        {
            static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                // Show errors while developing.
                if (app.Environment.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }
                app.Run();
            }
        }

        class Startup
        {
            void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                if (env.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }
            }
        }
        """);

    [Fact]
    public Task Fix_works_in_top_level_statements_and_is_not_offered_without_an_environment() => TopLevelVerifier<Rules.Configuration.DeveloperExceptionPageAnalyzer, GuardWithIsDevelopmentCodeFix>.CodeFixAsync(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        {|SSA6001:app.UseDeveloperExceptionPage()|};
        app.Run();

        static class Extensions
        {
            public static IApplicationBuilder UseDiagnostics(this IApplicationBuilder app) => {|SSA6001:app.UseDeveloperExceptionPage()|};
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        app.Run();

        static class Extensions
        {
            public static IApplicationBuilder UseDiagnostics(this IApplicationBuilder app) => {|SSA6001:app.UseDeveloperExceptionPage()|};
        }
        """);
}
