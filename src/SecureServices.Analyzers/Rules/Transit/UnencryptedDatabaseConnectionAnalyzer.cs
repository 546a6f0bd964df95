using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
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

            var problems = ConnectionStrings.Problems(text.Text, out var hosts);
            var allowed = Endpoints.AllowedHosts(ctx.Options, value.Syntax.SyntaxTree);
            if (problems.Count == 0 || (hosts.Count > 0 && hosts.All(h => Endpoints.IsExempt(h, allowed))))
            {
                return;
            }

            var (properties, locations) = TransitFix.InLiteral(
                text,
                string.Join("\n", problems.Select(p => p.Segment)),
                string.Join("\n", problems.Select(p => p.FixedSegment)));
            ctx.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), locations, properties, sink + " '" + string.Join(";", problems.Select(p => p.Segment)) + "'"));
        }
    }
}
