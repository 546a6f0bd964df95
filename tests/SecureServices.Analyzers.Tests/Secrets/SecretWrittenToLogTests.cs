using System.Globalization;
using System.Threading.Tasks;
using SecureServices.Analyzers.Rules.Secrets;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Secrets.SecretWrittenToLogAnalyzer>;

namespace SecureServices.Analyzers.Tests.Secrets;

public sealed class SecretWrittenToLogTests
{
    [Fact]
    public Task Secrets_passed_to_loggers_console_and_debug_are_reported() => V.AnalyzerAsync("""
        using System;
        using System.Diagnostics;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Logging;

        class Options { public string ApiKey { get; set; } = ""; }

        class Login
        {
            private readonly string clientSecret = Environment.GetEnvironmentVariable("CLIENT_SECRET") ?? "";

            void M(ILogger<Login> logger, string user, string password, Options options, HttpRequest request, IConfiguration configuration, Options? maybe)
            {
                logger.LogInformation("Login {User} with {Password}", user, {|SSA1007:password|});
                logger.LogDebug($"Calling with key {{|SSA1007:options.ApiKey|}}");
                logger.Log(LogLevel.Warning, "secret " + {|SSA1007:clientSecret|});
                using var scope = logger.BeginScope("Auth {Header}", {|SSA1007:request.Headers.Authorization|});
                logger.LogError("Header {H}", {|SSA1007:request.Headers["Authorization"]|});
                logger.LogWarning("Db {Pwd}", {|SSA1007:configuration["Db:Password"]|});
                Console.WriteLine({|SSA1007:password|});
                Console.Write("key=" + {|SSA1007:maybe?.ApiKey|});
                Debug.WriteLine((object){|SSA1007:password|}!);
            }
        }
        """);

    [Fact]
    public Task One_time_and_identity_tokens_are_secrets_and_paging_tokens_are_not() => V.AnalyzerAsync("""
        using System.Threading;
        using Microsoft.Extensions.Logging;

        class Accounts
        {
            void M(ILogger logger, string resetToken, string idToken, string verificationToken, string nextPageToken,
                string continuationToken, string tokenType, CancellationToken cancellationToken)
            {
                logger.LogInformation("Issued reset token {Token}", {|SSA1007:resetToken|});
                logger.LogDebug("OIDC {IdToken}", {|SSA1007:idToken|});
                logger.LogDebug($"verify with {{|SSA1007:verificationToken|}}");
                logger.LogInformation("Next page {Token}", nextPageToken);
                logger.LogInformation("Continue at {Token}", continuationToken);
                logger.LogInformation("Type {Type}", tokenType);
                logger.LogInformation("Cancel {Token}", cancellationToken);
            }
        }
        """);

    [Fact]
    public Task LoggerMessage_methods_are_sinks() => V.AnalyzerAsync("""
        using Microsoft.Extensions.Logging;

        static partial class Log
        {
            [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Token issued: {AccessToken}")]
            public static partial void TokenIssued(ILogger logger, string accessToken);

            // What the logging source generator would write (generators do not run in analyzer tests).
            public static partial void TokenIssued(ILogger logger, string accessToken) { }
        }

        class Issuer
        {
            void M(ILogger logger, string accessToken) => Log.TokenIssued(logger, {|SSA1007:accessToken|});
        }
        """);

    [Fact]
    public Task Derived_values_non_secret_names_and_other_methods_are_not_reported() => V.AnalyzerAsync("""
        using System;
        using Microsoft.Extensions.Logging;

        class Options
        {
            public string TokenEndpoint { get; set; } = "";
            public string ApiKeyHeaderName { get; set; } = "X-Api-Key";
            public bool HasPassword { get; set; }
        }

        class Login
        {
            static string Mask(string value) => "***";
            void Audit(string password) { }

            void M(ILogger logger, string password, string apiKey, Options options, int passwordLength)
            {
                logger.LogInformation("Password length {Length}", password.Length);
                logger.LogInformation("Key set: {Set}", apiKey is not null);
                logger.LogInformation("Key {Key}", Mask(apiKey));
                logger.LogInformation("Endpoint {E} header {H}", options.TokenEndpoint, options.ApiKeyHeaderName);
                logger.LogInformation("{P}", nameof(password));
                logger.LogInformation("{L}", passwordLength);
                Console.WriteLine(string.IsNullOrEmpty(password));
                Audit(password);
                var message = "Password changed";
                logger.LogInformation(message);
            }
        }
        """);

    [Fact]
    public Task Half_typed_code_does_not_throw() => V.BrokenCodeAsync("""
        using Microsoft.Extensions.Logging;
        class C
        {
            void M(ILogger logger, string password)
            {
                logger.LogInformation("{P}", {|SSA1007:password|});
                logger.LogInformation("{P}", password
                logger.LogInformation($"{{|SSA1007:password|}
        """);

    [Fact]
    public void Message_is_translated()
    {
        var descriptor = SecretWrittenToLogAnalyzer.Rule;
        Assert.Equal(
            "'password' is written to a log or the console; log whether it is set, never its value",
            string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.GetCultureInfo("en")), "password"));
        Assert.Equal(
            "'password' est écrit dans un journal ou la console ; journalisez s'il est défini, jamais sa valeur",
            string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.GetCultureInfo("fr")), "password"));
    }
}
