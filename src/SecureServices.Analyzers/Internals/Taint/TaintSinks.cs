using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureServices.Analyzers.Internals.Taint
{
    /// <summary>A value that reaches a sink: the operation to trace, what kind of sink, and the API name for the message.</summary>
    internal readonly struct SinkUse
    {
        public SinkUse(SinkKind kind, IOperation value, string api)
        {
            Kind = kind;
            Value = value;
            Api = api;
        }

        public SinkKind Kind { get; }

        public IOperation Value { get; }

        public string Api { get; }
    }

    /// <summary>
    /// The sink table. Every entry is matched on symbols (containing type, member name, parameter name), never on
    /// text. Each match is cheap: the containing type is checked against a small set before anything else.
    /// </summary>
    internal static class TaintSinks
    {
        private static readonly ImmutableHashSet<string> DbCommandTextParameters = ImmutableHashSet.Create(StringComparer.Ordinal, "cmdText", "commandText");
        private static readonly ImmutableHashSet<string> EfRawMethods = ImmutableHashSet.Create(StringComparer.Ordinal, "FromSqlRaw", "ExecuteSqlRaw", "ExecuteSqlRawAsync", "SqlQueryRaw");
        private static readonly ImmutableHashSet<string> RegexStaticMethods = ImmutableHashSet.Create(StringComparer.Ordinal, "IsMatch", "Match", "Matches", "Replace", "Split", "Count", "EnumerateMatches", "EnumerateSplits");
        private static readonly ImmutableHashSet<string> ControllerRedirects = ImmutableHashSet.Create(StringComparer.Ordinal, "Redirect", "RedirectPermanent", "RedirectPreserveMethod", "RedirectPermanentPreserveMethod");
        private static readonly ImmutableHashSet<string> ResultRedirects = ImmutableHashSet.Create(StringComparer.Ordinal, "Redirect");

        public static void Collect(IOperation operation, TaintKnownTypes types, ref List<SinkUse>? uses)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    CollectInvocation(invocation, types, ref uses);
                    break;
                case IObjectCreationOperation creation when creation.Constructor != null:
                    CollectCreation(creation, creation.Constructor, types, ref uses);
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment:
                    CollectPropertySet(property.Property, assignment.Value, types, ref uses);
                    break;
            }
        }

        private static void CollectInvocation(IInvocationOperation invocation, TaintKnownTypes types, ref List<SinkUse>? uses)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType?.OriginalDefinition;
            if (type == null)
            {
                return;
            }

            if (method.Name == "Add" && invocation.Instance is IPropertyReferenceOperation { Property.Name: "ArgumentList" } list
                && Is(list.Property.ContainingType, types.ProcessStartInfo))
            {
                AddArguments(invocation.Arguments, SinkKind.Command, "ProcessStartInfo.ArgumentList", _ => true, ref uses);
                return;
            }

            if (!types.InvocationSinkTypes.Contains(type))
            {
                return;
            }

            var name = method.Name;
            if (Is(type, types.RelationalQueryable) || Is(type, types.RelationalDatabaseFacade))
            {
                if (EfRawMethods.Contains(name))
                {
                    AddArguments(invocation.Arguments, SinkKind.Sql, name, p => p.Name == "sql", ref uses);
                }
            }
            else if (Is(type, types.DapperSqlMapper))
            {
                if (name.StartsWith("Query", StringComparison.Ordinal) || name.StartsWith("Execute", StringComparison.Ordinal))
                {
                    AddArguments(invocation.Arguments, SinkKind.Sql, name, p => p.Name == "sql" && p.Type.SpecialType == SpecialType.System_String, ref uses);
                }
            }
            else if (Is(type, types.DbDataSource))
            {
                if (name == "CreateCommand")
                {
                    AddArguments(invocation.Arguments, SinkKind.Sql, type, name, p => p.Name == "commandText", ref uses);
                }
            }
            else if (Is(type, types.Process))
            {
                if (name == "Start")
                {
                    AddArguments(invocation.Arguments, SinkKind.Command, type, name, p => p.Name == "fileName" || p.Name == "arguments", ref uses);
                }
            }
            else if (Is(type, types.File) || Is(type, types.Directory))
            {
                AddArguments(invocation.Arguments, SinkKind.Path, type, name, IsPathParameter, ref uses);
            }
            else if (Is(type, types.Results) || Is(type, types.TypedResults))
            {
                if (name == "File" || name == "PhysicalFile")
                {
                    AddArguments(invocation.Arguments, SinkKind.Path, type, name, p => p.Name == "path" && p.Type.SpecialType == SpecialType.System_String, ref uses);
                }
                else if (ResultRedirects.Contains(name))
                {
                    AddArguments(invocation.Arguments, SinkKind.Redirect, type, name, p => p.Name == "url", ref uses);
                }
            }
            else if (Is(type, types.ControllerBase))
            {
                if (name == "File" || name == "PhysicalFile")
                {
                    AddArguments(invocation.Arguments, SinkKind.Path, name, p => (p.Name == "physicalPath" || p.Name == "virtualPath") && p.Type.SpecialType == SpecialType.System_String, ref uses);
                }
                else if (ControllerRedirects.Contains(name))
                {
                    AddArguments(invocation.Arguments, SinkKind.Redirect, name, p => p.Name == "url", ref uses);
                }
            }
            else if (Is(type, types.HttpResponse))
            {
                if (name == "Redirect")
                {
                    AddArguments(invocation.Arguments, SinkKind.Redirect, type, name, p => p.Name == "location", ref uses);
                }
            }
            else if (Is(type, types.HttpClient) || Is(type, types.HttpClientJson))
            {
                AddArguments(invocation.Arguments, SinkKind.Ssrf, "HttpClient." + name, p => p.Name == "requestUri", ref uses);
            }
            else if (Is(type, types.Regex))
            {
                if (method.IsStatic && RegexStaticMethods.Contains(name) && !HasTimeout(method, types) && !IsNonBacktracking(invocation.Arguments))
                {
                    AddArguments(invocation.Arguments, SinkKind.Regex, type, name, p => p.Name == "pattern", ref uses);
                }
            }
        }

        private static void CollectCreation(IObjectCreationOperation creation, IMethodSymbol constructor, TaintKnownTypes types, ref List<SinkUse>? uses)
        {
            var type = constructor.ContainingType.OriginalDefinition;
            if (Is(type, types.ProcessStartInfo))
            {
                AddArguments(creation.Arguments, SinkKind.Command, "ProcessStartInfo", p => p.Name == "fileName" || p.Name == "arguments", ref uses);
            }
            else if (types.FileObjectTypes.Contains(type))
            {
                AddArguments(creation.Arguments, SinkKind.Path, type.Name, p => p.Type.SpecialType == SpecialType.System_String && IsPathParameter(p), ref uses);
            }
            else if (Is(type, types.HttpRequestMessage))
            {
                AddArguments(creation.Arguments, SinkKind.Ssrf, "HttpRequestMessage", p => p.Name == "requestUri", ref uses);
            }
            else if (Is(type, types.RedirectResult))
            {
                AddArguments(creation.Arguments, SinkKind.Redirect, "RedirectResult", p => p.Name == "url", ref uses);
            }
            else if (Is(type, types.Regex))
            {
                if (!HasTimeout(constructor, types) && !IsNonBacktracking(creation.Arguments))
                {
                    AddArguments(creation.Arguments, SinkKind.Regex, "Regex", p => p.Name == "pattern", ref uses);
                }
            }
            else if (HasCommandTextParameter(constructor) && (Is(type, types.DapperCommandDefinition) || Implements(type, types.DbCommandInterface)))
            {
                AddArguments(creation.Arguments, SinkKind.Sql, type.Name, p => DbCommandTextParameters.Contains(p.Name) && p.Type.SpecialType == SpecialType.System_String, ref uses);
            }
        }

        private static void CollectPropertySet(IPropertySymbol property, IOperation value, TaintKnownTypes types, ref List<SinkUse>? uses)
        {
            switch (property.Name)
            {
                case "CommandText" when Implements(property.ContainingType, types.DbCommandInterface):
                    (uses ??= new List<SinkUse>(2)).Add(new SinkUse(SinkKind.Sql, value, property.ContainingType.Name + ".CommandText"));
                    break;
                case "FileName" or "Arguments" when Is(property.ContainingType, types.ProcessStartInfo):
                    (uses ??= new List<SinkUse>(2)).Add(new SinkUse(SinkKind.Command, value, "ProcessStartInfo." + property.Name));
                    break;
                case "BaseAddress" when Is(property.ContainingType, types.HttpClient):
                    (uses ??= new List<SinkUse>(2)).Add(new SinkUse(SinkKind.Ssrf, value, "HttpClient.BaseAddress"));
                    break;
            }
        }

        /// <summary>As below, with the API name "Type.Member" built only when an argument matches (most calls on a sink type, such as ControllerBase.Ok, have none).</summary>
        private static void AddArguments(ImmutableArray<IArgumentOperation> arguments, SinkKind kind, INamedTypeSymbol type, string name, Func<IParameterSymbol, bool> isSinkParameter, ref List<SinkUse>? uses)
        {
            string? api = null;
            foreach (var argument in arguments)
            {
                if (argument.Parameter != null && argument.ArgumentKind == ArgumentKind.Explicit && isSinkParameter(argument.Parameter))
                {
                    (uses ??= new List<SinkUse>(2)).Add(new SinkUse(kind, argument.Value, api ??= type.Name + "." + name));
                }
            }
        }

        private static void AddArguments(ImmutableArray<IArgumentOperation> arguments, SinkKind kind, string api, Func<IParameterSymbol, bool> isSinkParameter, ref List<SinkUse>? uses)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter != null && argument.ArgumentKind == ArgumentKind.Explicit && isSinkParameter(argument.Parameter))
                {
                    (uses ??= new List<SinkUse>(2)).Add(new SinkUse(kind, argument.Value, api));
                }
            }
        }

        /// <summary>Cheap pre-filter for the DbCommand branch: without a string cmdText/commandText parameter nothing is collected there.</summary>
        private static bool HasCommandTextParameter(IMethodSymbol constructor)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (DbCommandTextParameters.Contains(parameter.Name) && parameter.Type.SpecialType == SpecialType.System_String)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsPathParameter(IParameterSymbol parameter)
        {
            if (parameter.Type.SpecialType != SpecialType.System_String)
            {
                return false;
            }

            var name = parameter.Name;
            return name.IndexOf("path", StringComparison.OrdinalIgnoreCase) >= 0
                || name.IndexOf("FileName", StringComparison.OrdinalIgnoreCase) >= 0
                || name.IndexOf("DirName", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        private static bool HasTimeout(IMethodSymbol method, TaintKnownTypes types)
            => method.Parameters.Any(p => Is(p.Type, types.TimeSpan));

        /// <summary>RegexOptions.NonBacktracking (a constant) guarantees linear time: no timeout needed.</summary>
        private static bool IsNonBacktracking(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == "options" && argument.Value.ConstantValue is { HasValue: true, Value: int value })
                {
                    const int NonBacktracking = 0x0400;
                    return (value & NonBacktracking) != 0;
                }
            }

            return false;
        }

        internal static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected)
            => type != null && expected != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

        internal static bool Implements(ITypeSymbol type, INamedTypeSymbol? iface)
        {
            if (iface == null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type, iface))
            {
                return true;
            }

            foreach (var candidate in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate, iface))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
