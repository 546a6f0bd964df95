using System.Globalization;
using System.Threading.Tasks;
using SecureServices.Analyzers.Internals.SecretDetection;
using SecureServices.Analyzers.Rules.Secrets;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Secrets.ConnectionStringPasswordAnalyzer>;

namespace SecureServices.Analyzers.Tests.Secrets;

public sealed class ConnectionStringPasswordTests
{
    [Fact]
    public Task Passwords_in_connection_strings_of_every_provider_are_reported() => V.AnalyzerAsync("""
        class Db
        {
            string sql = "Server=db;Database=orders;User Id=app;Password={|SSA1003:Orders#2024|};TrustServerCertificate=True";
            string npgsql = @"Host=pg;Username=app;Pwd='{|SSA1003:pg pass|}';Database=orders";
            string mysql = "server=mysql;uid=app;pwd={|SSA1003:my-sql-pass|}";
            string oracle = "Data Source=ORCL;User Id=app;Password = {|SSA1003:ora1|} ;";
            string redis = "redis:6379,password={|SSA1003:r3dis|},ssl=True,abortConnect=False";
            string interpolated = $"Server={Host};User Id=app;Password={|SSA1003:inline-pass|}";
            const string Host = "db";
        }
        """);

    [Fact]
    public Task Passwords_in_uris_are_reported() => V.AnalyzerAsync("""
        class Brokers
        {
            string rabbit = "amqp://orders:{|SSA1003:rabbit-pass|}@rabbitmq:5672/";
            string mongo = "mongodb://app:{|SSA1003:m0ngo|}@mongo1,mongo2/orders?replicaSet=rs0";
            string any = "https://deploy:{|SSA1003:ftp-pass|}@files.internal/upload";
        }
        """);

    [Fact]
    public Task Placeholders_holes_integrated_security_and_lookalikes_are_not_reported() => V.AnalyzerAsync("""
        class Db
        {
            string a = "Server=db;Database=orders;Integrated Security=true";
            string b = "Server=db;User Id=app;Password=;";
            string c = "Server=db;User Id=app;Password=${DB_PASSWORD}";
            string d = "Server=db;User Id=app;Password={0}";
            string e = "Server=db;User Id=app;Password=<your-password>";
            string f = "Server=db;User Id=app;Password=*****";
            string g = "password=abc";                          // not a connection string
            string h = "https://user@example.org/path";         // no password
            string i = "mailto:someone@example.org";
            string j = "amqp://{user}:{pass}@rabbitmq";
            string k(string pwd) => $"Server=db;User Id=app;Password={pwd}";
            string l(string pwd) => $"amqp://orders:{pwd}@rabbitmq";
            string m = "The password=secret pattern appears in prose; only one assignment here";
        }
        """);

    [Fact]
    public Task Fallbacks_of_lookups_are_left_to_SSA1004() => V.AnalyzerAsync("""
        using Microsoft.Extensions.Configuration;
        class C
        {
            string M(IConfiguration c) => c.GetConnectionString("Db") ?? "Server=db;User Id=app;Password=fallback";
        }
        """);

    [Fact]
    public void Detector_reports_the_kind_and_the_password_span()
    {
        var text = "Server=db;Password=abc;User Id=u";
        Assert.True(ConnectionStringCredentials.TryFind(text, out var token));
        Assert.Equal("connection string", token.Kind);
        Assert.Equal("abc", text.Substring(token.Start, token.Length));
        Assert.True(ConnectionStringCredentials.TryFind("amqp://u:p4ss@host", out token));
        Assert.Equal("URI", token.Kind);
        Assert.Equal(9, token.Start);
        Assert.False(ConnectionStringCredentials.TryFind(null, out _));
        Assert.False(ConnectionStringCredentials.TryFind("://:@", out _));
    }

    [Fact]
    public void Message_shows_the_length_only_and_is_translated()
    {
        var descriptor = ConnectionStringPasswordAnalyzer.Rule;
        Assert.Equal(
            "This URI contains a hard-coded password (8 characters); keep the connection string in configuration and the password in a secret store",
            string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.GetCultureInfo("en")), "URI", 8));
        Assert.Equal(
            "Cette valeur (URI) contient un mot de passe codé en dur (8 caractères) ; gardez la chaîne de connexion dans la configuration et le mot de passe dans un coffre de secrets",
            string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.GetCultureInfo("fr")), "URI", 8));
    }
}
