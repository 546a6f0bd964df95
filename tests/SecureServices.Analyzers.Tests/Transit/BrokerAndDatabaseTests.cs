using System.Threading.Tasks;
using SecureServices.Analyzers.CodeFixes.Transit;
using Xunit;
using Broker = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Transit.ClearTextMessageBrokerAnalyzer>;
using Database = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Transit.UnencryptedDatabaseConnectionAnalyzer>;

namespace SecureServices.Analyzers.Tests.Transit;

public sealed class BrokerAndDatabaseTests
{
    [Fact]
    public Task Kafka_plaintext_is_reported_typed_and_in_dictionaries() => Broker.AnalyzerAsync("""
        using System.Collections.Generic;
        using Confluent.Kafka;

        class Bus
        {
            void M()
            {
                var producer = new ProducerConfig { BootstrapServers = "kafka.example.com:9092", SecurityProtocol = {|SSA2007:SecurityProtocol.Plaintext|} };
                var consumer = new ConsumerConfig();
                consumer.SecurityProtocol = {|SSA2007:SecurityProtocol.SaslPlaintext|};
                var raw = new Dictionary<string, string>
                {
                    ["bootstrap.servers"] = "kafka.example.com:9092",
                    ["security.protocol"] = {|SSA2007:"plaintext"|},
                };
                var other = new Dictionary<string, string> { { "security.protocol", {|SSA2007:"SASL_PLAINTEXT"|} } };
                var config = new ClientConfig();
                config.Set("security.protocol", {|SSA2007:"plaintext"|});
            }
        }
        """);

    [Fact]
    public Task Kafka_over_tls_is_not_reported() => Broker.AnalyzerAsync("""
        using System.Collections.Generic;
        using Confluent.Kafka;

        class Bus
        {
            void M(SecurityProtocol fromConfig)
            {
                var producer = new ProducerConfig { SecurityProtocol = SecurityProtocol.SaslSsl };
                producer.SecurityProtocol = fromConfig;
                var raw = new Dictionary<string, string> { ["security.protocol"] = "ssl", ["sasl.mechanism"] = "plaintext" };
            }
        }
        """);

    [Fact]
    public Task RabbitMQ_redis_and_smtp_in_clear_text_are_reported() => Broker.AnalyzerAsync("""
        using System;
        using System.Net.Mail;
        using RabbitMQ.Client;
        using StackExchange.Redis;

        class Bus
        {
            void Rabbit()
            {
                var factory = new ConnectionFactory { HostName = {|SSA2007:"rabbit.example.com"|}, UserName = "orders" };
                var other = new ConnectionFactory { Uri = new Uri({|SSA2007:"amqp://orders@rabbit.example.com:5672/"|}) };
            }

            void Redis()
            {
                var redis = ConnectionMultiplexer.Connect({|SSA2007:"cache.example.com:6379,ssl=false,abortConnect=false"|});
                var options = new ConfigurationOptions { EndPoints = { { "cache.example.com", 6379 } }, Ssl = {|SSA2007:false|} };
            }

            void Mail()
            {
                var smtp = new SmtpClient("smtp.example.com", 25) { EnableSsl = {|SSA2007:false|} };
            }
        }
        """);

    [Fact]
    public Task Local_or_tls_brokers_are_not_reported() => Broker.AnalyzerAsync("""
        using System;
        using System.Net.Mail;
        using RabbitMQ.Client;
        using StackExchange.Redis;

        class Bus
        {
            void Rabbit()
            {
                var local = new ConnectionFactory { HostName = "localhost" };
                var tls = new ConnectionFactory { HostName = "rabbit.example.com", Ssl = new SslOption { Enabled = true, ServerName = "rabbit.example.com" } };
                var later = new ConnectionFactory { HostName = "rabbit.example.com" };
                later.Ssl.Enabled = true;
                var amqps = new ConnectionFactory { Uri = new Uri("amqps://rabbit.example.com:5671/") };
                var loop = new Uri("amqp://guest@localhost:5672/");
            }

            void Redis()
            {
                var local = ConnectionMultiplexer.Connect("localhost:6379,ssl=false");
                var tls = ConnectionMultiplexer.Connect("cache.example.com:6380,ssl=true");
                var options = new ConfigurationOptions { EndPoints = { { "127.0.0.1", 6379 } }, Ssl = false };
            }

            void Mail()
            {
                var relay = new SmtpClient("localhost") { EnableSsl = false };
                var secure = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
            }
        }
        """);

    [Fact]
    public Task Broker_fix_flips_the_setting() => Broker.CodeFixAsync<UseSecureValueCodeFix>(
        """
        using System;
        using System.Collections.Generic;
        using Confluent.Kafka;
        using StackExchange.Redis;

        class Bus
        {
            void M()
            {
                var producer = new ProducerConfig { SecurityProtocol = {|SSA2007:SecurityProtocol.SaslPlaintext|} };
                var raw = new Dictionary<string, string> { ["security.protocol"] = {|SSA2007:"plaintext"|} };
                var redis = ConnectionMultiplexer.Connect({|SSA2007:"cache.example.com:6380,ssl=false"|});
                var uri = new Uri({|SSA2007:"amqp://rabbit.example.com/"|});
            }
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using Confluent.Kafka;
        using StackExchange.Redis;

        class Bus
        {
            void M()
            {
                var producer = new ProducerConfig { SecurityProtocol = SecurityProtocol.SaslSsl };
                var raw = new Dictionary<string, string> { ["security.protocol"] = "ssl" };
                var redis = ConnectionMultiplexer.Connect("cache.example.com:6380,ssl=true");
                var uri = new Uri("amqps://rabbit.example.com/");
            }
        }
        """);

    [Fact]
    public Task Database_connection_strings_without_verified_encryption_are_reported() => Database.AnalyzerAsync("""
        using Microsoft.Data.SqlClient;
        using Npgsql;

        class Data
        {
            const string Orders = "Server=sql.example.com;Database=Orders;Encrypt=False";

            void M()
            {
                using var a = new SqlConnection({|SSA2008:Orders|});
                using var b = new SqlConnection({|SSA2008:"Data Source=tcp:sql.example.com,1433;Initial Catalog=Orders;TrustServerCertificate=True"|});
                var c = new System.Data.SqlClient.SqlConnection { ConnectionString = {|SSA2008:"Server=sql.example.com;Encrypt=no"|} };
                using var d = new NpgsqlConnection({|SSA2008:"Host=pg.example.com;Database=orders;SSL Mode=Disable"|});
                using var e = NpgsqlDataSource.Create({|SSA2008:"Host=pg.example.com;SslMode=Prefer"|});
                var builder = new SqlConnectionStringBuilder { DataSource = "sql.example.com", TrustServerCertificate = {|SSA2008:true|} };
                builder.Encrypt = {|SSA2008:SqlConnectionEncryptOption.Optional|};
                var pg = new NpgsqlConnectionStringBuilder { Host = "pg.example.com", SslMode = {|SSA2008:SslMode.Allow|} };
            }
        }
        """);

    [Fact]
    public Task Encrypted_or_local_database_connections_are_not_reported() => Database.AnalyzerAsync("""
        using Microsoft.Data.SqlClient;
        using Npgsql;

        class Data
        {
            void M(string fromConfig)
            {
                using var a = new SqlConnection("Server=sql.example.com;Database=Orders;Encrypt=True");
                using var b = new SqlConnection("Server=(localdb)\\MSSQLLocalDB;Database=Orders;TrustServerCertificate=True");
                using var c = new SqlConnection("Server=localhost,1433;Encrypt=False");
                using var d = new NpgsqlConnection("Host=pg.example.com;SSL Mode=VerifyFull");
                using var e = new NpgsqlConnection("Host=localhost;SSL Mode=Disable");
                using var f = new SqlConnection(fromConfig);
                var builder = new SqlConnectionStringBuilder { DataSource = "localhost", TrustServerCertificate = true };
                var strict = new SqlConnectionStringBuilder { DataSource = "sql.example.com", Encrypt = SqlConnectionEncryptOption.Strict };
                var label = "Encrypt=False";
            }
        }
        """);

    [Fact]
    public Task Database_fix_turns_encryption_on() => Database.CodeFixAsync<UseSecureValueCodeFix>(
        """
        using Microsoft.Data.SqlClient;
        using Npgsql;

        class Data
        {
            void M()
            {
                using var a = new SqlConnection({|SSA2008:"Server=sql.example.com;Encrypt=False;TrustServerCertificate=true"|});
                using var d = new NpgsqlConnection({|SSA2008:"Host=pg.example.com;SSL Mode=Disable"|});
                var builder = new SqlConnectionStringBuilder { DataSource = "sql.example.com", TrustServerCertificate = {|SSA2008:true|} };
                var pg = new NpgsqlConnectionStringBuilder { Host = "pg.example.com", SslMode = {|SSA2008:SslMode.Prefer|} };
            }
        }
        """,
        """
        using Microsoft.Data.SqlClient;
        using Npgsql;

        class Data
        {
            void M()
            {
                using var a = new SqlConnection("Server=sql.example.com;Encrypt=True;TrustServerCertificate=false");
                using var d = new NpgsqlConnection("Host=pg.example.com;SSL Mode=Require");
                var builder = new SqlConnectionStringBuilder { DataSource = "sql.example.com", TrustServerCertificate = false };
                var pg = new NpgsqlConnectionStringBuilder { Host = "pg.example.com", SslMode = SslMode.Require };
            }
        }
        """);

    [Fact]
    public Task Half_typed_code_does_not_throw() => Database.BrokenCodeAsync("""
        using Microsoft.Data.SqlClient;
        class C
        {
            void M()
            {
                using var a = new SqlConnection("Server=;Encrypt=");
                using var b = new SqlConnection("=;;==;");
                using var c = new SqlConnection("Server=db.example.com;Encrypt=False
                var builder = new SqlConnectionStringBuilder { TrustServerCertificate = };
            }
        """);
}
