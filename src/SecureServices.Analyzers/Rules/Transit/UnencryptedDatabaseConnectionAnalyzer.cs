using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals.Transit;
using SecureServices.Analyzers.Internals;

namespace SecureServices.Analyzers.Rules.Transit
{
    /// <summary>
    /// SSA2008: connection strings given to a <c>connectionString</c> parameter (SqlConnection, NpgsqlConnection,
    /// NpgsqlDataSource.Create, UseSqlServer, UseNpgsql, MongoClient, the builders…) or to a
    /// DbConnection/DbConnectionStringBuilder <c>ConnectionString</c> property with Encrypt=False|Optional,
    /// TrustServerCertificate=True, SSL Mode=Disable|Allow|Prefer, tls=false…, to a server that is not local;
    /// and the same settings on SqlConnectionStringBuilder / NpgsqlConnectionStringBuilder properties.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnencryptedDatabaseConnectionAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.UnencryptedDatabaseConnection);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterAdditionalFileAction(AnalyzeConfigurationFile);
            context.RegisterCompilationStartAction(start =>
            {
                var c = start.Compilation;
                var dbConnection = c.GetTypeByMetadataName("System.Data.Common.DbConnection");
                var dbBuilder = c.GetTypeByMetadataName("System.Data.Common.DbConnectionStringBuilder");
                var encrypt = TransitSymbols.Properties(
                    c,
                    ("Microsoft.Data.SqlClient.SqlConnectionStringBuilder", "Encrypt"),
                    ("System.Data.SqlClient.SqlConnectionStringBuilder", "Encrypt"));
                var trust = TransitSymbols.Properties(
                    c,
                    ("Microsoft.Data.SqlClient.SqlConnectionStringBuilder", "TrustServerCertificate"),
                    ("System.Data.SqlClient.SqlConnectionStringBuilder", "TrustServerCertificate"),
                    ("Npgsql.NpgsqlConnectionStringBuilder", "TrustServerCertificate"));
                var sslMode = TransitSymbols.Properties(c, ("Npgsql.NpgsqlConnectionStringBuilder", "SslMode"));
                var sslModeType = c.GetTypeByMetadataName("Npgsql.SslMode");
                var weakModes = new[] { "Disable", "Allow", "Prefer" }
                    .Select(n => sslModeType?.GetMembers(n).OfType<IFieldSymbol>().FirstOrDefault()?.ConstantValue)
                    .Where(v => v != null)
                    .ToImmutableArray();
                var optional = TransitSymbols.Properties(c, ("Microsoft.Data.SqlClient.SqlConnectionEncryptOption", "Optional"));
                var hostProperties = TransitSymbols.Properties(
                    c,
                    ("Microsoft.Data.SqlClient.SqlConnectionStringBuilder", "DataSource"),
                    ("System.Data.SqlClient.SqlConnectionStringBuilder", "DataSource"),
                    ("Npgsql.NpgsqlConnectionStringBuilder", "Host"));

                start.RegisterOperationAction(
                    ctx =>
                    {
                        var argument = (IArgumentOperation)ctx.Operation;
                        if (argument.Parameter is { Type.SpecialType: SpecialType.System_String } parameter
                            && argument.ArgumentKind != ArgumentKind.DefaultValue
                            && string.Equals(parameter.Name, "connectionString", StringComparison.OrdinalIgnoreCase))
                        {
                            CheckString(ctx, argument.Value, parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } m ? m.ContainingType.Name : parameter.ContainingSymbol.Name);
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

                        if (property.Name == "ConnectionString" && property.Type.SpecialType == SpecialType.System_String
                            && (TypeHierarchy.DerivesFrom(property.ContainingType, dbConnection) || TypeHierarchy.DerivesFrom(property.ContainingType, dbBuilder)))
                        {
                            CheckString(ctx, assignment.Value, TransitSymbols.Describe(property));
                            return;
                        }

                        var isEncrypt = TransitSymbols.In(encrypt, property);
                        var isTrust = !isEncrypt && TransitSymbols.In(trust, property);
                        var isSslMode = !isEncrypt && !isTrust && TransitSymbols.In(sslMode, property);
                        if (!isEncrypt && !isTrust && !isSslMode)
                        {
                            return;
                        }

                        string? replacement = null;
                        var value = assignment.Value;
                        if (isEncrypt)
                        {
                            if (IsConstant(value, false))
                            {
                                replacement = "true";
                            }
                            else if (TransitValues.Unwrap(value) is IPropertyReferenceOperation p && TransitSymbols.In(optional, p.Property))
                            {
                                replacement = "global::Microsoft.Data.SqlClient.SqlConnectionEncryptOption.Mandatory";
                            }
                        }
                        else if (isTrust && IsConstant(value, true))
                        {
                            replacement = "false";
                        }
                        else if (isSslMode && TransitValues.ResolveConstant(value) is { HasValue: true } mode && weakModes.Contains(mode.Value))
                        {
                            replacement = "global::Npgsql.SslMode.Require";
                        }

                        if (replacement == null
                            || BodyScan.OnlyLocalHosts(assignment, o => BuilderHosts(o, hostProperties), Endpoints.AllowedHosts(ctx.Options, assignment.Syntax.SyntaxTree)))
                        {
                            return;
                        }

                        var properties = TransitValues.Unwrap(value) is ILocalReferenceOperation ? ImmutableDictionary<string, string?>.Empty : TransitFix.WithReplacement(replacement);
                        ctx.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), properties, TransitSymbols.Describe(property) + " = " + value.Syntax));
                    },
                    OperationKind.SimpleAssignment);
            });
        }

        private static bool IsConstant(IOperation value, bool expected)
        {
            // SqlConnectionEncryptOption has an implicit conversion from bool: look through it.
            var unwrapped = TransitValues.Unwrap(value);
            if (unwrapped is IConversionOperation { OperatorMethod: not null } conversion)
            {
                unwrapped = conversion.Operand;
            }

            return TransitValues.ResolveConstant(unwrapped) is { HasValue: true, Value: bool b } && b == expected;
        }

        private static System.Collections.Generic.IEnumerable<string?> BuilderHosts(IOperation operation, PropertySet hostProperties)
        {
            if (operation is ISimpleAssignmentOperation a && TransitSymbols.In(hostProperties, TransitSymbols.AssignedProperty(a)))
            {
                var host = TransitValues.ResolveString(a.Value);
                yield return host.HasValue && host.IsComplete ? host.Text : null;
            }
        }

        private static void CheckString(OperationAnalysisContext ctx, IOperation value, string sink)
        {
            var text = TransitValues.ResolveString(value);
            if (!text.HasValue || !text.IsComplete)
            {
                return;
            }

            var problems = Reportable(text.Text, () => Endpoints.AllowedHosts(ctx.Options, value.Syntax.SyntaxTree), out _);
            if (problems.Count == 0)
            {
                return;
            }

            var (properties, locations) = TransitFix.InLiteral(
                text,
                string.Join("\n", problems.Select(p => p.Segment)),
                string.Join("\n", problems.Select(p => p.FixedSegment)));
            ctx.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), locations, properties, sink + " '" + string.Join(";", problems.Select(p => p.Segment)) + "'"));
        }

        /// <summary>
        /// The settings of a connection string that turn encryption or certificate checks off, unless every host it
        /// names is local or allowed (none when there is nothing to report). C# literals and configuration files
        /// both decide here. <paramref name="namesHost"/>: the text names a server (or is a MongoDB URL).
        /// </summary>
        private static List<ConnectionStringProblem> Reportable(string text, Func<ImmutableArray<string>> allowedHosts, out bool namesHost)
        {
            var problems = ConnectionStrings.Problems(text, out var hosts);
            namesHost = hosts.Count > 0;
            if (problems.Count > 0 && hosts.Count > 0)
            {
                var allowed = allowedHosts();
                if (hosts.All(h => Endpoints.IsExempt(h, allowed)))
                {
                    problems.Clear();
                }
            }

            return problems;
        }

        /// <summary>
        /// appsettings*.json and .env files: each offending setting of a value under a "ConnectionStrings" section, or of
        /// any value that names a database server, at its exact span in the file. Suggestions in Development settings
        /// and test projects, as SSA1006 does. No code fix: the fixer only edits C#.
        /// </summary>
        private static void AnalyzeConfigurationFile(AdditionalFileAnalysisContext context)
        {
            var severity = ConfigurationFiles.Severity(context, Rule.DefaultSeverity, developmentOption: null, testProjectsOption: null);
            if (severity == null || !ConfigurationFiles.TryRead(context.AdditionalFile, context.CancellationToken, out var text, out var values))
            {
                return;
            }

            var fileName = Path.GetFileName(context.AdditionalFile.Path);
            var content = text.ToString();
            ImmutableArray<string>? allowed = null;
            foreach (var value in values)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (value.Value.IndexOf('=') < 0)
                {
                    continue; // Neither "key=value;…" nor a URL with a query.
                }

                var problems = Reportable(value.Value, () => allowed ??= AllowedHosts(context), out var namesHost);
                if (problems.Count == 0 || (!namesHost && !InConnectionStringsSection(value.Path)))
                {
                    continue;
                }

                // Spans come from the raw text; a setting written with JSON escapes falls back to the whole value.
                var raw = content.Substring(value.Start, value.Length);
                var from = 0;
                foreach (var problem in problems)
                {
                    var at = raw.IndexOf(problem.Segment, from, StringComparison.Ordinal);
                    var span = at < 0 ? new TextSpan(value.Start, value.Length) : new TextSpan(value.Start + at, problem.Segment.Length);
                    from = at < 0 ? from : at + problem.Segment.Length;
                    context.ReportDiagnostic(Diagnostic.Create(
                        Rule,
                        ConfigurationFiles.Location(context.AdditionalFile, text, span),
                        severity.Value,
                        additionalLocations: null,
                        properties: null,
                        value.Path + " (" + fileName + ") '" + problem.Segment + "'"));
                }
            }
        }

        /// <summary>
        /// allowed_cleartext_hosts for a configuration file: from a section matching the file or the global config, else as
        /// the project's C# files see it, so the usual <c>[*.cs]</c> setting covers appsettings.json too.
        /// </summary>
        private static ImmutableArray<string> AllowedHosts(AdditionalFileAnalysisContext context)
            => ConfigurationFiles.Option(context, Endpoints.AllowedHostsOption) != null
                ? ConfigurationFiles.List(context, Endpoints.AllowedHostsOption)
                : Endpoints.AllowedHosts(context.Options, context.Compilation.SyntaxTrees.FirstOrDefault());

        /// <summary>"ConnectionStrings:Orders", "Tenants:0:ConnectionStrings:Main", .env "ConnectionStrings__Orders".</summary>
        private static bool InConnectionStringsSection(string path)
        {
            foreach (var section in path.Replace("__", ":").Split(':'))
            {
                if (section.Equals("ConnectionStrings", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
