using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals.Transit;

namespace SecureServices.Analyzers.Rules.Transit
{
    /// <summary>
    /// SSA2005: an http://, ws:// or ftp:// address of a remote host used as an endpoint: <c>new Uri(…)</c>
    /// (so also BaseAddress, typed Uri options, ClientWebSocket.ConnectAsync), the string overloads of
    /// HttpClient and its JSON extensions, <c>new HttpRequestMessage(…)</c>, <c>GrpcChannel.ForAddress</c>,
    /// <c>WebRequest.Create</c>, WebClient, and JwtBearer/OpenID Connect <c>Authority</c>/<c>MetadataAddress</c>.
    /// (amqp:// addresses are SSA2007, reported by ClearTextMessageBrokerAnalyzer.) The value is followed through
    /// locals, constants and concatenation; the host must be known and not loopback, a namespace host or allowed.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ClearTextEndpointAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.ClearTextEndpoint);

        /// <summary>Methods (by containing type) whose string parameter of that name is an endpoint address.</summary>
        private static readonly ImmutableArray<(string Type, string Parameter)> StringSinks = ImmutableArray.Create(
            ("System.Net.Http.HttpClient", "requestUri"),
            ("System.Net.Http.Json.HttpClientJsonExtensions", "requestUri"),
            ("System.Net.Http.HttpRequestMessage", "requestUri"),
            ("Grpc.Net.Client.GrpcChannel", "address"),
            ("System.Net.WebRequest", "requestUriString"),
            ("System.Net.WebClient", "address"));

        private static readonly ImmutableArray<string> ClearTextSchemes = ImmutableArray.Create("http", "ws", "ftp");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var compilation = start.Compilation;
                var uri = compilation.GetTypeByMetadataName("System.Uri");
                var sinkTypes = ImmutableDictionary.CreateBuilder<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
                foreach (var (typeName, parameter) in StringSinks)
                {
                    if (compilation.GetTypeByMetadataName(typeName) is { } type)
                    {
                        sinkTypes[type] = parameter;
                    }
                }

                var authorities = TransitSymbols.Properties(
                    compilation,
                    ("Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions", "Authority"),
                    ("Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions", "MetadataAddress"),
                    ("Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions", "Authority"),
                    ("Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions", "MetadataAddress"));
                var sinks = sinkTypes.ToImmutable();
                if (uri == null && sinks.IsEmpty && authorities.IsEmpty)
                {
                    return;
                }

                start.RegisterOperationAction(
                    ctx =>
                    {
                        var argument = (IArgumentOperation)ctx.Operation;
                        var parameter = argument.Parameter;
                        if (parameter == null || parameter.Type.SpecialType != SpecialType.System_String || argument.ArgumentKind == ArgumentKind.DefaultValue
                            || parameter.ContainingSymbol is not IMethodSymbol method
                            || !ClearTextAddress.MayBeClearText(argument.Syntax, ClearTextSchemes))
                        {
                            return;
                        }

                        string sinkName;
                        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, uri) && method.MethodKind == MethodKind.Constructor && parameter.Ordinal == 0)
                        {
                            sinkName = "Uri";
                        }
                        else if (method.ContainingType != null && sinks.TryGetValue(method.ContainingType.OriginalDefinition, out var name) && parameter.Name == name)
                        {
                            sinkName = method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.ContainingType.Name + "." + method.Name;
                        }
                        else
                        {
                            return;
                        }

                        Check(ctx, argument.Value, sinkName);
                    },
                    OperationKind.Argument);

                if (!authorities.IsEmpty)
                {
                    start.RegisterOperationAction(
                        ctx =>
                        {
                            var assignment = (ISimpleAssignmentOperation)ctx.Operation;
                            var property = TransitSymbols.AssignedProperty(assignment);
                            if (TransitSymbols.In(authorities, property) && ClearTextAddress.MayBeClearText(assignment.Value.Syntax, ClearTextSchemes))
                            {
                                Check(ctx, assignment.Value, TransitSymbols.Describe(property!));
                            }
                        },
                        OperationKind.SimpleAssignment);
                }
            });
        }

        private static void Check(OperationAnalysisContext ctx, IOperation value, string sinkName)
        {
            if (!ClearTextAddress.TryFind(ctx, value, ClearTextSchemes, out var text, out var address))
            {
                return;
            }

            string? secure = address.Scheme switch
            {
                "http" => "https",
                "ws" => "wss",
                _ => null,
            };
            if (secure == null && address.Scheme != "ftp")
            {
                return;
            }

            var (properties, locations) = secure == null
                ? (ImmutableDictionary<string, string?>.Empty, Array.Empty<Location>())
                : TransitFix.InLiteral(text, ClearTextAddress.SchemeAsWritten(text, address.Scheme), secure + "://");
            ctx.ReportDiagnostic(Diagnostic.Create(
                Rule, value.Syntax.GetLocation(), locations, properties, sinkName, address.Scheme + "://" + address.Host, secure == null ? "ftps:// or SFTP" : secure + "://"));
        }
    }
}
