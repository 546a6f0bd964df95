using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureServices.Analyzers.Internals.Taint
{
    /// <summary>What a sink does with the value; sanitisers and guards depend on it.</summary>
    internal enum SinkKind
    {
        Sql,
        Command,
        Path,
        Ssrf,
        Redirect,
        Regex,
    }

    /// <summary>The well-known types the taint rules need, resolved once per compilation (null when absent).</summary>
    internal sealed class TaintKnownTypes
    {
        private TaintKnownTypes(Compilation compilation)
        {
            INamedTypeSymbol? Get(string name) => compilation.GetTypeByMetadataName(name);

            HttpRequest = Get("Microsoft.AspNetCore.Http.HttpRequest");
            HttpResponse = Get("Microsoft.AspNetCore.Http.HttpResponse");
            ControllerBase = Get("Microsoft.AspNetCore.Mvc.ControllerBase");
            Hub = Get("Microsoft.AspNetCore.SignalR.Hub");
            HubOfT = Get("Microsoft.AspNetCore.SignalR.Hub`1");
            BindServiceMethodAttribute = Get("Grpc.Core.BindServiceMethodAttribute");
            KafkaConsumeResult = Get("Confluent.Kafka.ConsumeResult`2");
            KafkaMessage = Get("Confluent.Kafka.Message`2");
            RabbitDeliverEventArgs = Get("RabbitMQ.Client.Events.BasicDeliverEventArgs");
            RabbitGetResult = Get("RabbitMQ.Client.BasicGetResult");
            StringValues = Get("Microsoft.Extensions.Primitives.StringValues");
            DbCommandInterface = Get("System.Data.IDbCommand");
            RelationalQueryable = Get("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions");
            RelationalDatabaseFacade = Get("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions");
            DapperSqlMapper = Get("Dapper.SqlMapper");
            DapperCommandDefinition = Get("Dapper.CommandDefinition");
            DbDataSource = Get("System.Data.Common.DbDataSource");
            Process = Get("System.Diagnostics.Process");
            ProcessStartInfo = Get("System.Diagnostics.ProcessStartInfo");
            File = Get("System.IO.File");
            Directory = Get("System.IO.Directory");
            Path = Get("System.IO.Path");
            Results = Get("Microsoft.AspNetCore.Http.Results");
            TypedResults = Get("Microsoft.AspNetCore.Http.TypedResults");
            HttpClient = Get("System.Net.Http.HttpClient");
            HttpClientJson = Get("System.Net.Http.Json.HttpClientJsonExtensions");
            HttpRequestMessage = Get("System.Net.Http.HttpRequestMessage");
            RedirectResult = Get("Microsoft.AspNetCore.Mvc.RedirectResult");
            Regex = Get("System.Text.RegularExpressions.Regex");
            RegexOptions = Get("System.Text.RegularExpressions.RegexOptions");
            Uri = Get("System.Uri");
            WebUtility = Get("System.Net.WebUtility");
            TimeSpan = Get("System.TimeSpan");

            var fileTypes = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var name in new[] { "System.IO.FileStream", "System.IO.StreamReader", "System.IO.StreamWriter", "System.IO.FileInfo", "System.IO.DirectoryInfo" })
            {
                if (Get(name) is { } t)
                {
                    fileTypes.Add(t);
                }
            }

            FileObjectTypes = fileTypes.ToImmutable();

            var sinkTypes = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var t in new[] { RelationalQueryable, RelationalDatabaseFacade, DapperSqlMapper, DbDataSource, Process, File, Directory, Results, TypedResults, HttpClient, HttpClientJson, ControllerBase, HttpResponse, Regex })
            {
                if (t != null)
                {
                    sinkTypes.Add(t);
                }
            }

            InvocationSinkTypes = sinkTypes.ToImmutable();
            this.compilation = compilation;
            handlerCandidates = new Lazy<ImmutableDictionary<string, ImmutableArray<ExpressionSyntax>>>(() => FindHandlerCandidates(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        private readonly Compilation compilation;

        /// <summary>Handler expressions of MapGet/MapPost/… calls (syntax only), by the method name they name.</summary>
        private readonly Lazy<ImmutableDictionary<string, ImmutableArray<ExpressionSyntax>>> handlerCandidates;

        /// <summary>The methods bound from the candidates of one name, bound on the first question about that name.</summary>
        private readonly ConcurrentDictionary<string, ImmutableHashSet<IMethodSymbol>> handlersByName = new ConcurrentDictionary<string, ImmutableHashSet<IMethodSymbol>>(StringComparer.Ordinal);

        /// <summary>
        /// Whether <paramref name="method"/> is passed as a method group to MapGet/MapPost/… (<c>app.MapGet("/x", Handlers.Search)</c>):
        /// its parameters are bound from the request. The calls are found by one syntax-only scan per compilation,
        /// made only when a flow reaches such a parameter; only the calls whose handler has the method's name are bound.
        /// </summary>
        public bool IsMinimalApiMethodHandler(IMethodSymbol method)
        {
            var definition = method.OriginalDefinition;
            if (!handlerCandidates.Value.TryGetValue(definition.Name, out var candidates))
            {
                return false;
            }

            var handlers = handlersByName.GetOrAdd(definition.Name, _ => BindHandlers(compilation, candidates));
            return handlers.Contains(definition);
        }

        private static ImmutableDictionary<string, ImmutableArray<ExpressionSyntax>> FindHandlerCandidates(Compilation compilation)
        {
            var candidates = new Dictionary<string, ImmutableArray<ExpressionSyntax>.Builder>(StringComparer.Ordinal);
            var positions = new List<int>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.TryGetText(out var text) && FindMapText(text, positions))
                {
                    // Every Map* call name has "Map" in the text: visit only the tokens at those positions.
                    if (positions.Count == 0)
                    {
                        continue;
                    }

                    var root = tree.GetRoot();
                    InvocationExpressionSyntax? previous = null; // positions ascend: a repeat comes from the same name token
                    foreach (var position in positions)
                    {
                        if (root.FindToken(position).Parent is SimpleNameSyntax { Parent: MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } access } name
                            && access.Name == name
                            && invocation.Expression == access
                            && invocation != previous)
                        {
                            previous = invocation;
                            AddCandidate(invocation, candidates);
                        }
                    }

                    continue;
                }

                // No text, or a unicode escape that could spell an identifier: walk the whole tree.
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    if (node is InvocationExpressionSyntax invocation)
                    {
                        AddCandidate(invocation, candidates);
                    }
                }
            }

            var result = ImmutableDictionary.CreateBuilder<string, ImmutableArray<ExpressionSyntax>>(StringComparer.Ordinal);
            foreach (var pair in candidates)
            {
                result.Add(pair.Key, pair.Value.ToImmutable());
            }

            return result.ToImmutable();
        }

        private static ImmutableHashSet<IMethodSymbol> BindHandlers(Compilation compilation, ImmutableArray<ExpressionSyntax> candidates)
        {
            var handlers = ImmutableHashSet.CreateBuilder<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var handler in candidates)
            {
                var model = compilation.GetSemanticModel(handler.SyntaxTree);
                var info = model.GetSymbolInfo(handler);
                if ((info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null)) is IMethodSymbol method)
                {
                    handlers.Add(method.OriginalDefinition);
                }
            }

            return handlers.ToImmutable();
        }

        private static void AddCandidate(InvocationExpressionSyntax invocation, Dictionary<string, ImmutableArray<ExpressionSyntax>.Builder> candidates)
        {
            if (invocation.ArgumentList.Arguments.Count < 2
                || invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name }
                || !name.StartsWith("Map", StringComparison.Ordinal))
            {
                return;
            }

            var handler = invocation.ArgumentList.Arguments[invocation.ArgumentList.Arguments.Count - 1].Expression;
            var handlerName = handler switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                _ => null,
            };
            if (handlerName == null)
            {
                return;
            }

            if (!candidates.TryGetValue(handlerName, out var list))
            {
                list = ImmutableArray.CreateBuilder<ExpressionSyntax>();
                candidates[handlerName] = list;
            }

            list.Add(handler);
        }

        /// <summary>
        /// Text pre-filter for the scan above: a call whose name starts with "Map" has those three characters in the
        /// file (after an optional @), unless the identifier is written with a unicode escape. Fills
        /// <paramref name="positions"/> with every "Map" and returns true, or returns false when the text has a
        /// backslash followed by u or U (the caller then walks the whole tree).
        /// </summary>
        private static bool FindMapText(Microsoft.CodeAnalysis.Text.SourceText text, List<int> positions)
        {
            // Copied out in chunks and searched with vectorised IndexOf: the indexer costs a call per character.
            positions.Clear();
            const int ChunkSize = 8192;
            var buffer = new char[ChunkSize + 2];
            var length = text.Length;
            for (var start = 0; start < length; start += ChunkSize)
            {
                // Two characters of overlap so that "Map" and "\u" straddling a chunk boundary are still seen.
                var count = System.Math.Min(ChunkSize + 2, length - start);
                text.CopyTo(start, buffer, 0, count);
                var chunk = new System.ReadOnlySpan<char>(buffer, 0, count);
                var scanned = System.Math.Min(ChunkSize, count);
                for (var i = chunk.IndexOf('\\'); i >= 0 && i < scanned; i = Next(chunk, '\\', i))
                {
                    if (i + 1 < count && (chunk[i + 1] == 'u' || chunk[i + 1] == 'U'))
                    {
                        positions.Clear();
                        return false;
                    }
                }

                var offset = 0;
                while (offset < scanned)
                {
                    var found = chunk.Slice(offset).IndexOf("Map".AsSpan());
                    if (found < 0 || offset + found >= scanned)
                    {
                        break;
                    }

                    positions.Add(start + offset + found);
                    offset += found + 1;
                }
            }

            return true;
        }

        private static int Next(System.ReadOnlySpan<char> chunk, char c, int after)
        {
            var found = chunk.Slice(after + 1).IndexOf(c);
            return found < 0 ? -1 : after + 1 + found;
        }

        public INamedTypeSymbol? HttpRequest { get; }
        public INamedTypeSymbol? HttpResponse { get; }
        public INamedTypeSymbol? ControllerBase { get; }
        public INamedTypeSymbol? Hub { get; }
        public INamedTypeSymbol? HubOfT { get; }
        public INamedTypeSymbol? BindServiceMethodAttribute { get; }
        public INamedTypeSymbol? KafkaConsumeResult { get; }
        public INamedTypeSymbol? KafkaMessage { get; }
        public INamedTypeSymbol? RabbitDeliverEventArgs { get; }
        public INamedTypeSymbol? RabbitGetResult { get; }
        public INamedTypeSymbol? StringValues { get; }
        public INamedTypeSymbol? DbCommandInterface { get; }
        public INamedTypeSymbol? RelationalQueryable { get; }
        public INamedTypeSymbol? RelationalDatabaseFacade { get; }
        public INamedTypeSymbol? DapperSqlMapper { get; }
        public INamedTypeSymbol? DapperCommandDefinition { get; }
        public INamedTypeSymbol? DbDataSource { get; }
        public INamedTypeSymbol? Process { get; }
        public INamedTypeSymbol? ProcessStartInfo { get; }
        public INamedTypeSymbol? File { get; }
        public INamedTypeSymbol? Directory { get; }
        public INamedTypeSymbol? Path { get; }
        public INamedTypeSymbol? Results { get; }
        public INamedTypeSymbol? TypedResults { get; }
        public INamedTypeSymbol? HttpClient { get; }
        public INamedTypeSymbol? HttpClientJson { get; }
        public INamedTypeSymbol? HttpRequestMessage { get; }
        public INamedTypeSymbol? RedirectResult { get; }
        public INamedTypeSymbol? Regex { get; }
        public INamedTypeSymbol? RegexOptions { get; }
        public INamedTypeSymbol? Uri { get; }
        public INamedTypeSymbol? WebUtility { get; }
        public INamedTypeSymbol? TimeSpan { get; }

        /// <summary>FileStream, StreamReader, StreamWriter, FileInfo, DirectoryInfo: constructors that take a path.</summary>
        public ImmutableHashSet<INamedTypeSymbol> FileObjectTypes { get; }

        /// <summary>Types whose methods can be sinks: a cheap first filter for every invocation.</summary>
        public ImmutableHashSet<INamedTypeSymbol> InvocationSinkTypes { get; }

        /// <summary>True when the compilation references nothing that produces untrusted input: the rules do nothing.</summary>
        public bool HasAnySource
            => HttpRequest != null || Hub != null || BindServiceMethodAttribute != null || KafkaConsumeResult != null || RabbitDeliverEventArgs != null;

        public static TaintKnownTypes Create(Compilation compilation) => new TaintKnownTypes(compilation);
    }
}
