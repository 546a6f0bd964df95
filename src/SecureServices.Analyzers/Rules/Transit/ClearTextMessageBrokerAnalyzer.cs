using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals.Transit;

namespace SecureServices.Analyzers.Rules.Transit
{
    /// <summary>
    /// SSA2007: Kafka <c>SecurityProtocol.Plaintext/SaslPlaintext</c> (typed config or "security.protocol" in a
    /// config dictionary); RabbitMQ <c>ConnectionFactory.HostName</c> of a remote host in a method that never
    /// enables <c>Ssl</c>; Redis "ssl=false" configuration strings and <c>ConfigurationOptions.Ssl = false</c>;
    /// <c>SmtpClient.EnableSsl = false</c>. Redis and SMTP settings are not reported when every host the
    /// method configures is loopback or allowed. Also <c>new Uri("amqp://…")</c> to a remote host.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ClearTextMessageBrokerAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.ClearTextMessageBroker);

        private const string KafkaKey = "security.protocol";

        private static readonly ImmutableArray<string> AmqpScheme = ImmutableArray.Create("amqp");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var c = start.Compilation;
                var kafkaProtocolType = c.GetTypeByMetadataName("Confluent.Kafka.SecurityProtocol");
                var kafkaProtocol = TransitSymbols.Properties(c, ("Confluent.Kafka.ClientConfig", "SecurityProtocol"));
                var plaintext = EnumValue(kafkaProtocolType, "Plaintext");
                var saslPlaintext = EnumValue(kafkaProtocolType, "SaslPlaintext");
                var rabbitHost = TransitSymbols.Properties(c, ("RabbitMQ.Client.ConnectionFactory", "HostName"));
                var rabbitSsl = TransitSymbols.Properties(c, ("RabbitMQ.Client.ConnectionFactory", "Ssl"), ("RabbitMQ.Client.SslOption", "Enabled"));
                var redisSsl = TransitSymbols.Properties(c, ("StackExchange.Redis.ConfigurationOptions", "Ssl"));
                var redisEndpoints = c.GetTypeByMetadataName("StackExchange.Redis.EndPointCollection");
                var redisConnect = ImmutableHashSet.Create<INamedTypeSymbol>(
                    SymbolEqualityComparer.Default,
                    new[] { c.GetTypeByMetadataName("StackExchange.Redis.ConnectionMultiplexer"), c.GetTypeByMetadataName("StackExchange.Redis.ConfigurationOptions") }
                        .Where(t => t != null).ToArray()!);
                var smtpSsl = TransitSymbols.Properties(c, ("System.Net.Mail.SmtpClient", "EnableSsl"));
                var smtpHost = TransitSymbols.Properties(c, ("System.Net.Mail.SmtpClient", "Host"));
                var smtpClient = c.GetTypeByMetadataName("System.Net.Mail.SmtpClient");
                var uri = c.GetTypeByMetadataName("System.Uri");

                start.RegisterOperationAction(
                    ctx =>
                    {
                        // new Uri("amqp://broker.example") (ConnectionFactory.Uri, typed options…).
                        var argument = (IArgumentOperation)ctx.Operation;
                        if (argument.Parameter is { Ordinal: 0, Type.SpecialType: SpecialType.System_String, ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } ctor }
                            && SymbolEqualityComparer.Default.Equals(ctor.ContainingType, uri)
                            && ClearTextAddress.MayBeClearText(argument.Syntax, AmqpScheme)
                            && ClearTextAddress.TryFind(ctx, argument.Value, AmqpScheme, out var text, out var address))
                        {
                            var (properties, locations) = TransitFix.InLiteral(text, ClearTextAddress.SchemeAsWritten(text, "amqp"), "amqps://");
                            ctx.ReportDiagnostic(Diagnostic.Create(Rule, argument.Value.Syntax.GetLocation(), locations, properties, "Uri 'amqp://" + address.Host + "'", "RabbitMQ"));
                        }
                    },
                    OperationKind.Argument);

                start.RegisterOperationAction(
                    ctx =>
                    {
                        var assignment = (ISimpleAssignmentOperation)ctx.Operation;
                        var property = TransitSymbols.AssignedProperty(assignment);
                        if (property == null)
                        {
                            return;
                        }

                        if (TransitSymbols.In(kafkaProtocol, property))
                        {
                            var value = assignment.Value;
                            var constant = TransitValues.ResolveConstant(value);
                            if (constant.HasValue && constant.Value != null && (Equals(constant.Value, plaintext) || Equals(constant.Value, saslPlaintext)))
                            {
                                var sasl = Equals(constant.Value, saslPlaintext);
                                Report(ctx, value, "ClientConfig.SecurityProtocol", "Kafka", Unfixable(value) ? null : "global::Confluent.Kafka.SecurityProtocol." + (sasl ? "SaslSsl" : "Ssl"));
                            }
                        }
                        else if (TransitSymbols.In(rabbitHost, property))
                        {
                            var value = assignment.Value;
                            var host = TransitValues.ResolveString(value);
                            if (host.HasValue && host.IsComplete && !Endpoints.IsExempt(host.Text, Endpoints.AllowedHosts(ctx.Options, assignment.Syntax.SyntaxTree))
                                && !BodyScan.Descendants(assignment).Any(o => o is IAssignmentOperation a && TransitSymbols.In(rabbitSsl, TransitSymbols.AssignedProperty(a))
                                    && !(TransitValues.ResolveConstant(a.Value) is { HasValue: true, Value: false })))
                            {
                                Report(ctx, value, "ConnectionFactory.HostName", "RabbitMQ", null);
                            }
                        }
                        else if (TransitSymbols.In(redisSsl, property) && IsFalse(assignment.Value))
                        {
                            if (!BodyScan.OnlyLocalHosts(assignment, o => RedisEndpoints(o, redisEndpoints), Endpoints.AllowedHosts(ctx.Options, assignment.Syntax.SyntaxTree)))
                            {
                                Report(ctx, assignment.Value, "ConfigurationOptions.Ssl", "Redis", Unfixable(assignment.Value) ? null : "true");
                            }
                        }
                        else if (TransitSymbols.In(smtpSsl, property) && IsFalse(assignment.Value))
                        {
                            if (!BodyScan.OnlyLocalHosts(assignment, o => SmtpHosts(o, smtpHost, smtpClient), Endpoints.AllowedHosts(ctx.Options, assignment.Syntax.SyntaxTree)))
                            {
                                Report(ctx, assignment.Value, "SmtpClient.EnableSsl", "SMTP", Unfixable(assignment.Value) ? null : "true");
                            }
                        }
                        else if (property.IsIndexer && assignment.Target is IPropertyReferenceOperation { Arguments.Length: 1 } indexer
                            && IsKafkaKey(indexer.Arguments[0].Value))
                        {
                            ReportKafkaString(ctx, assignment.Value);
                        }
                    },
                    OperationKind.SimpleAssignment);

                start.RegisterOperationAction(
                    ctx =>
                    {
                        var invocation = (IInvocationOperation)ctx.Operation;
                        var method = invocation.TargetMethod;
                        if (invocation.Arguments.Length == 2 && (method.Name == "Add" || method.Name == "Set" || method.Name == "TryAdd")
                            && IsKafkaKey(invocation.Arguments[0].Value))
                        {
                            ReportKafkaString(ctx, invocation.Arguments[1].Value);
                            return;
                        }

                        if (invocation.Arguments.Length > 0 && (method.Name.StartsWith("Connect", StringComparison.Ordinal) || method.Name == "Parse")
                            && method.ContainingType != null && redisConnect.Contains(method.ContainingType)
                            && invocation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String)
                        {
                            CheckRedisString(ctx, invocation.Arguments[0].Value);
                        }
                    },
                    OperationKind.Invocation);
            });
        }

        private static object? EnumValue(INamedTypeSymbol? type, string name)
            => type?.GetMembers(name).OfType<IFieldSymbol>().FirstOrDefault() is { HasConstantValue: true } field ? field.ConstantValue : null;

        private static bool IsFalse(IOperation value) => TransitValues.ResolveConstant(value) is { HasValue: true, Value: false };

        private static bool Unfixable(IOperation value) => TransitValues.Unwrap(value) is ILocalReferenceOperation;

        private static bool IsKafkaKey(IOperation key)
            => TransitValues.ResolveConstant(key) is { HasValue: true, Value: string s } && string.Equals(s.Trim(), KafkaKey, StringComparison.OrdinalIgnoreCase);

        private static void ReportKafkaString(OperationAnalysisContext ctx, IOperation value)
        {
            var text = TransitValues.ResolveString(value);
            if (!text.HasValue || !text.IsComplete)
            {
                return;
            }

            var protocol = text.Text.Trim();
            if (!protocol.Equals("plaintext", StringComparison.OrdinalIgnoreCase) && !protocol.Equals("sasl_plaintext", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var find = protocol.Substring(protocol.Length - "plaintext".Length);
            var replace = find == find.ToUpperInvariant() ? "SSL" : "ssl";
            var (properties, locations) = TransitFix.InLiteral(text, find, replace);
            ctx.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), locations, properties, "security.protocol=" + protocol, "Kafka"));
        }

        private static void CheckRedisString(OperationAnalysisContext ctx, IOperation value)
        {
            var text = TransitValues.ResolveString(value);
            if (!text.HasValue || !text.IsComplete)
            {
                return;
            }

            var allowed = Endpoints.AllowedHosts(ctx.Options, value.Syntax.SyntaxTree);
            string? sslFalse = null;
            var remote = false;
            foreach (var raw in text.Text.Split(','))
            {
                var part = raw.Trim();
                var eq = part.IndexOf('=');
                if (eq < 0)
                {
                    remote |= part.Length > 0 && !Endpoints.IsExempt(BodyScan.StripPort(part), allowed);
                }
                else if (part.Substring(0, eq).Trim().Equals("ssl", StringComparison.OrdinalIgnoreCase)
                    && part.Substring(eq + 1).Trim().Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    sslFalse = part;
                }
            }

            if (sslFalse != null && remote)
            {
                var replace = sslFalse.Substring(0, sslFalse.IndexOf('=') + 1) + (sslFalse.EndsWith("FALSE", StringComparison.Ordinal) ? "TRUE" : sslFalse.EndsWith("False", StringComparison.Ordinal) ? "True" : "true");
                var (properties, locations) = TransitFix.InLiteral(text, sslFalse, replace);
                ctx.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), locations, properties, sslFalse, "Redis"));
            }
        }

        private static IEnumerable<string?> RedisEndpoints(IOperation operation, INamedTypeSymbol? endpoints)
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "Add" } add && add.Arguments.Length > 0
                && SymbolEqualityComparer.Default.Equals(add.TargetMethod.ContainingType, endpoints))
            {
                var host = TransitValues.ResolveString(add.Arguments[0].Value);
                yield return host.HasValue && host.IsComplete ? host.Text : null;
            }
        }

        private static IEnumerable<string?> SmtpHosts(IOperation operation, PropertySet hostProperty, INamedTypeSymbol? client)
        {
            IOperation? value = operation switch
            {
                ISimpleAssignmentOperation a when TransitSymbols.In(hostProperty, TransitSymbols.AssignedProperty(a)) => a.Value,
                IObjectCreationOperation o when SymbolEqualityComparer.Default.Equals(o.Type, client) && o.Arguments.Length > 0 => o.Arguments[0].Value,
                _ => null,
            };
            if (value != null)
            {
                var host = TransitValues.ResolveString(value);
                yield return host.HasValue && host.IsComplete ? host.Text : null;
            }
        }

        private static void Report(OperationAnalysisContext ctx, IOperation value, string setting, string product, string? replacement)
        {
            var properties = replacement == null ? ImmutableDictionary<string, string?>.Empty : TransitFix.WithReplacement(replacement);
            ctx.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), properties, setting, product));
        }
    }
}
