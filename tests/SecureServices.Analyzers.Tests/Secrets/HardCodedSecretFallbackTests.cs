using System.Globalization;
using System.Threading.Tasks;
using SecureServices.Analyzers.CodeFixes.Secrets;
using SecureServices.Analyzers.Rules.Secrets;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Secrets.HardCodedSecretFallbackAnalyzer>;

namespace SecureServices.Analyzers.Tests.Secrets;

public sealed class HardCodedSecretFallbackTests
{
    [Fact]
    public Task Fallbacks_for_secret_settings_are_reported() => V.AnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Configuration;
        class Startup
        {
            const string JwtKey = "Jwt:SigningKey";

            void M(IConfiguration configuration, IConfigurationRoot root)
            {
                var db = configuration["Db:Password"] ?? {|SSA1004:"dev-pass"|};
                var key = configuration.GetValue<string>(JwtKey, {|SSA1004:"jwt-signing-fallback"|});
                var api = Environment.GetEnvironmentVariable("API_KEY") ?? {|SSA1004:"k-1234"|};
                var conn = configuration.GetConnectionString("Orders") ?? {|SSA1004:"Server=db;User Id=app;Password=fallback"|};
                var secret = root["Auth:ClientSecret"]! ?? {|SSA1004:("cs-" + "fallback")|};
                var viaBinder = ConfigurationBinder.GetValue<string>(configuration, "Smtp:Password", {|SSA1004:"smtp-fallback"|});
            }
        }
        """);

    [Fact]
    public Task Non_secret_settings_empty_placeholders_and_other_lookups_are_not_reported() => V.AnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.Configuration;
        class Startup
        {
            void M(IConfiguration configuration, Dictionary<string, string> map, string key)
            {
                var level = configuration["Logging:Level"] ?? "Information";
                var conn = configuration.GetConnectionString("Orders") ?? "Server=db;Database=orders;Integrated Security=true";
                var empty = configuration["Db:Password"] ?? "";
                var placeholder = Environment.GetEnvironmentVariable("DB_PASSWORD") ?? "<set DB_PASSWORD>";
                var dynamicKey = configuration[key] ?? "not-known-key";
                var fromMap = map["Db:Password"] ?? "map-is-not-configuration";
                var header = configuration.GetValue<string>("Api:KeyHeaderName", "X-Api-Key");
                var timeout = configuration.GetValue<int>("Db:Timeout", 30);
            }
        }
        """);

    [Fact]
    public void Message_is_translated()
    {
        var descriptor = HardCodedSecretFallbackAnalyzer.Rule;
        Assert.Equal(
            "'Db:Password' falls back to a hard-coded secret (8 characters) when it is not configured; fail instead of shipping a default",
            string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.GetCultureInfo("en")), "Db:Password", 8));
        Assert.StartsWith("'Db:Password' se rabat sur un secret codé en dur (8 caractères)", string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.GetCultureInfo("fr")), "Db:Password", 8));
    }

    [Fact]
    public Task Fix_throws_when_the_setting_is_missing() => V.CodeFixAsync<ThrowInsteadOfFallbackCodeFix>(
        """
        using System;
        using Microsoft.Extensions.Configuration;
        class Startup
        {
            void M(IConfiguration configuration)
            {
                var db = configuration["Db:Password"] ?? {|SSA1004:"dev-pass"|};
                var api = Environment.GetEnvironmentVariable("API_KEY") ?? {|SSA1004:"k-1234"|};
                var conn = configuration.GetConnectionString("Orders") ?? {|SSA1004:"Server=db;User Id=app;Password=fallback"|};
                var key = configuration.GetValue<string>("Jwt:SigningKey", {|SSA1004:"jwt-signing-fallback"|});
                var length = configuration.GetValue<string>("Jwt:SigningKey", {|SSA1004:"jwt-signing-fallback"|}).Length;
            }
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Configuration;
        class Startup
        {
            void M(IConfiguration configuration)
            {
                var db = configuration["Db:Password"] ?? throw new InvalidOperationException("Missing configuration value 'Db:Password'.");
                var api = Environment.GetEnvironmentVariable("API_KEY") ?? throw new InvalidOperationException("Set the API_KEY environment variable.");
                var conn = configuration.GetConnectionString("Orders") ?? throw new InvalidOperationException("Missing connection string 'Orders'.");
                var key = configuration.GetValue<string>("Jwt:SigningKey") ?? throw new InvalidOperationException("Missing configuration value 'Jwt:SigningKey'.");
                var length = (configuration.GetValue<string>("Jwt:SigningKey") ?? throw new InvalidOperationException("Missing configuration value 'Jwt:SigningKey'.")).Length;
            }
        }
        """);

    [Fact]
    public Task Half_typed_code_does_not_throw() => V.BrokenCodeAsync("""
        using Microsoft.Extensions.Configuration;
        class C
        {
            void M(IConfiguration configuration)
            {
                var a = configuration["Db:Password"] ?? {|SSA1004:"x-pass"|}
                var b = configuration[] ?? "y";
                var c = configuration.GetValue<string>("Jwt:Key", 
                var d = ?? "z";
        """);
}
