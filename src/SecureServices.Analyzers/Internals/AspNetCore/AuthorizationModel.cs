using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SecureServices.Analyzers.Internals.AspNetCore
{
    /// <summary>What kind of thing a client can call.</summary>
    internal enum EndpointKind
    {
        MinimalApi,
        Fallback,
        Hub,
        GrpcService,
        ControllerAction,
        RazorPage,
    }

    /// <summary>Who can call an endpoint once every layer of the app has been taken into account.</summary>
    internal enum EndpointAccess
    {
        /// <summary>Anyone: nothing protects it.</summary>
        Unprotected,

        /// <summary>An attribute, convention, group, filter or fallback policy requires authorization.</summary>
        Protected,

        /// <summary>Made public on purpose: AllowAnonymous somewhere in its metadata.</summary>
        Anonymous,

        /// <summary>Public on purpose by configuration (<c>secureservices.anonymous_endpoints</c>).</summary>
        PublicByConfiguration,

        /// <summary>The model cannot tell (a builder from another assembly, a dynamic route): never reported.</summary>
        Unknown,
    }

    /// <summary>One endpoint of the app, with the verdict of the model.</summary>
    internal sealed class AppEndpoint
    {
        public AppEndpoint(EndpointKind kind, Location location, string displayName, string route, ImmutableArray<string> httpMethods, EndpointAccess access, Location? anonymousAt)
        {
            Kind = kind;
            Location = location;
            DisplayName = displayName;
            Route = route;
            HttpMethods = httpMethods;
            Access = access;
            AnonymousAt = anonymousAt;
        }

        public EndpointKind Kind { get; }

        /// <summary>Where a finding about the endpoint goes: the <c>Map*</c> name, the action or the page model.</summary>
        public Location Location { get; }

        public string DisplayName { get; }

        public string Route { get; }

        /// <summary>Upper-case verbs; empty when the endpoint accepts every verb or they are unknown.</summary>
        public ImmutableArray<string> HttpMethods { get; }

        public EndpointAccess Access { get; }

        /// <summary>The <c>AllowAnonymous</c> that made the endpoint public, when <see cref="Access"/> is Anonymous.</summary>
        public Location? AnonymousAt { get; }

        public bool IsStateChanging => HttpMethods.Any(m => m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE");
    }

    /// <summary>
    /// The authorization model of one ASP.NET Core app (one compilation, every file): which endpoints exist
    /// (minimal APIs, groups, controllers, Razor Pages, SignalR hubs, gRPC services) and which of them
    /// anyone can call, once fallback policies, global <c>AuthorizeFilter</c>s, <c>RequireAuthorization</c> on
    /// endpoints/groups/nested groups/<c>MapControllers</c>, <c>[Authorize]</c>/<c>[AllowAnonymous]</c> (inherited
    /// too), Razor Pages conventions and the <c>secureservices.anonymous_endpoints</c> option are applied.
    /// Built once at compilation end from what <see cref="Collector"/> gathered from syntax.
    /// </summary>
    internal sealed class AuthorizationModel
    {
        public const string AnonymousEndpointsOption = "anonymous_endpoints";

        private const int MaxDepth = 12;

        private static readonly ImmutableHashSet<string> InterestingNames = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback", "MapHub", "MapGrpcService",
            "MapControllers", "MapControllerRoute", "MapDefaultControllerRoute", "MapAreaControllerRoute", "MapDynamicControllerRoute",
            "MapFallbackToController", "MapFallbackToAreaController", "MapRazorPages", "MapFallbackToPage", "MapFallbackToAreaPage",
            "UseMvc", "UseMvcWithDefaultRoute", "SetFallbackPolicy", "AddFallbackPolicy", "Add",
            "AuthorizeFolder", "AuthorizePage", "AuthorizeAreaFolder", "AuthorizeAreaPage",
            "AllowAnonymousToFolder", "AllowAnonymousToPage", "AllowAnonymousToAreaFolder", "AllowAnonymousToAreaPage",
            "UseAuthentication", "UseAuthorization", "UseRouting", "UseEndpoints", "AddAuthentication");

        private static readonly ImmutableHashSet<string> EndpointMapNames = ImmutableHashSet.Create(
            StringComparer.Ordinal, "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback", "MapHub", "MapGrpcService");

        private static readonly ImmutableHashSet<string> ControllerMapNames = ImmutableHashSet.Create(
            StringComparer.Ordinal, "MapControllers", "MapControllerRoute", "MapDefaultControllerRoute", "MapAreaControllerRoute", "MapDynamicControllerRoute", "UseMvc", "UseMvcWithDefaultRoute");

        private readonly AspNetCoreSymbols symbols;
        private readonly Compilation compilation;
        private readonly AnalyzerOptions options;
        private readonly CancellationToken cancellationToken;
        private readonly Dictionary<SyntaxTree, SemanticModel> models = new Dictionary<SyntaxTree, SemanticModel>();

        // Route builders resolved once per build: a Program.cs with hundreds of app.Map* calls scans 'app' once.
        private readonly Dictionary<ISymbol, Facts> resolved = new Dictionary<ISymbol, Facts>(SymbolEqualityComparer.Default);

        // Identifiers of a tree by name, built on first need: each local holding a group or an endpoint finds its
        // references without walking its whole block again (thousands of 'var g = app.MapGroup(…)' in one method).
        private readonly Dictionary<SyntaxNode, Dictionary<string, List<IdentifierNameSyntax>>> identifiersByMember = new Dictionary<SyntaxNode, Dictionary<string, List<IdentifierNameSyntax>>>();

        // Whether an app helper (ep.RequireAdmin()) asks for authorization, read once per helper.
        private readonly Dictionary<IMethodSymbol, bool> helperAuthorizes = new Dictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        // Every invocation of the compilation (seen by the collector's syntax action, in no particular order), indexed by
        // invoked name on first need (modules called with a group); a name's list is put in document order when first used.
        // Kept as name + place, not as nodes: holding a node keeps its file's whole red tree alive until the end.
        private readonly IReadOnlyCollection<InvocationSite> everyInvocation;
        private Dictionary<string, List<InvocationSite>>? invocationsByName;
        private HashSet<string>? orderedNames;

        private AuthorizationModel(Compilation compilation, AspNetCoreSymbols symbols, AnalyzerOptions options, IReadOnlyCollection<InvocationSite> everyInvocation, CancellationToken cancellationToken)
        {
            this.everyInvocation = everyInvocation;
            this.compilation = compilation;
            this.symbols = symbols;
            this.options = options;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>A fallback policy is set (it protects every endpoint without authorization metadata).</summary>
        public bool HasFallbackPolicy { get; private set; }

        /// <summary>A global MVC <c>AuthorizeFilter</c> protects every controller action and page.</summary>
        public bool HasGlobalAuthorizeFilter { get; private set; }

        /// <summary>Something in the app requires an authenticated user (attribute, convention, filter, fallback).</summary>
        public bool RequiresAuthorizationSomewhere { get; private set; }

        public ImmutableArray<AppEndpoint> Endpoints { get; private set; } = ImmutableArray<AppEndpoint>.Empty;

        /// <summary>The middleware calls seen (UseRouting/UseAuthentication/UseAuthorization/AddAuthentication…).</summary>
        public ImmutableArray<(InvocationExpressionSyntax Call, IMethodSymbol Method, ITypeSymbol? Receiver)> MiddlewareCalls { get; private set; } = ImmutableArray<(InvocationExpressionSyntax, IMethodSymbol, ITypeSymbol?)>.Empty;

        public static string InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => string.Empty,
        };

        /// <summary>Gathers, from syntax and symbols, what the model needs; thread-safe.</summary>
        internal sealed class Collector
        {
            private readonly AspNetCoreSymbols symbols;
            // Name-filtered candidates; their symbols are resolved in Build, at compilation end, when the driver has bound
            // every method body for the operation actions: asking here would bind bodies for the rule's account first.
            private readonly ConcurrentBag<(InvocationExpressionSyntax Node, SemanticModel Model)> candidates = new ConcurrentBag<(InvocationExpressionSyntax, SemanticModel)>();
            private readonly ConcurrentBag<AssignmentExpressionSyntax> fallbackAssignments = new ConcurrentBag<AssignmentExpressionSyntax>();
            private readonly ConcurrentBag<INamedTypeSymbol> types = new ConcurrentBag<INamedTypeSymbol>();

            // Every invocation, for the call sites of modules given a route builder: recorded here, where the driver
            // already visits each one, rather than by walking every tree again at the end.
            private readonly ConcurrentBag<InvocationSite> everyInvocation = new ConcurrentBag<InvocationSite>();

            public Collector(AspNetCoreSymbols symbols) => this.symbols = symbols;

            public void Register(CompilationStartAnalysisContext context)
            {
                context.RegisterSyntaxNodeAction(OnInvocation, SyntaxKind.InvocationExpression);
                context.RegisterSyntaxNodeAction(OnAssignment, SyntaxKind.SimpleAssignmentExpression);
                context.RegisterSymbolAction(OnType, SymbolKind.NamedType);
            }

            public AuthorizationModel Build(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
            {
                var model = new AuthorizationModel(compilation, symbols, options, everyInvocation, cancellationToken);
                var invocations = new List<(InvocationExpressionSyntax Node, IMethodSymbol Method, SemanticModel Model)>();
                foreach (var (node, semanticModel) in candidates)
                {
                    if (semanticModel.GetSymbolInfo(node, cancellationToken).Symbol is IMethodSymbol method)
                    {
                        invocations.Add((node, method, semanticModel));
                    }
                }

                model.Compute(invocations.ToArray(), fallbackAssignments.ToArray(), types.ToArray());
                return model;
            }

            private void OnInvocation(SyntaxNodeAnalysisContext context)
            {
                var invocation = (InvocationExpressionSyntax)context.Node;
                var name = InvokedName(invocation);
                everyInvocation.Add(new InvocationSite(name, invocation.SyntaxTree, invocation.Span));
                if (!InterestingNames.Contains(name))
                {
                    return;
                }

                if (name == "Add" && !(invocation.Expression is MemberAccessExpressionSyntax { Expression: var receiver } && EndsWithFilters(receiver)))
                {
                    return;
                }

                candidates.Add((invocation, context.SemanticModel));
            }

            private static bool EndsWithFilters(ExpressionSyntax receiver) => receiver switch
            {
                MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText == "Filters",
                IdentifierNameSyntax id => id.Identifier.ValueText.EndsWith("Filters", StringComparison.OrdinalIgnoreCase) || id.Identifier.ValueText.EndsWith("filters", StringComparison.Ordinal),
                _ => false,
            };

            private void OnAssignment(SyntaxNodeAnalysisContext context)
            {
                var assignment = (AssignmentExpressionSyntax)context.Node;
                var name = assignment.Left switch
                {
                    MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
                    IdentifierNameSyntax id => id.Identifier.ValueText,
                    _ => string.Empty,
                };
                if (name != "FallbackPolicy" || assignment.Right.IsKind(SyntaxKind.NullLiteralExpression) || assignment.Right.IsKind(SyntaxKind.DefaultLiteralExpression))
                {
                    return;
                }

                if (context.SemanticModel.GetSymbolInfo(assignment.Left, context.CancellationToken).Symbol is IPropertySymbol property
                    && SymbolEqualityComparer.Default.Equals(property.ContainingType, symbols.AuthorizationOptions))
                {
                    fallbackAssignments.Add(assignment);
                }
            }

            private void OnType(SymbolAnalysisContext context)
            {
                var type = (INamedTypeSymbol)context.Symbol;
                if (type.TypeKind == TypeKind.Class && !type.IsAbstract && !type.IsStatic && type.DeclaredAccessibility == Accessibility.Public
                    && (IsController(type, symbols) || TypeHierarchy.DerivesFrom(type.BaseType, symbols.PageModel)))
                {
                    types.Add(type);
                }
            }
        }

        internal static bool IsController(INamedTypeSymbol type, AspNetCoreSymbols symbols)
        {
            if (type.IsGenericType || HasAttribute(type, symbols.NonControllerAttribute, inherit: true))
            {
                return false;
            }

            return type.Name.EndsWith("Controller", StringComparison.Ordinal) || HasAttribute(type, symbols.ControllerAttribute, inherit: true);
        }

        private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute, bool inherit)
        {
            if (attribute == null)
            {
                return false;
            }

            for (var s = symbol; s != null; s = inherit && s is INamedTypeSymbol t ? t.BaseType : null)
            {
                foreach (var a in s.GetAttributes())
                {
                    if (TypeHierarchy.DerivesFrom(a.AttributeClass, attribute))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private SemanticModel ModelFor(SyntaxTree tree)
        {
            if (!models.TryGetValue(tree, out var model))
            {
                model = compilation.GetSemanticModel(tree);
                models[tree] = model;
            }

            return model;
        }

        private void Compute(
            (InvocationExpressionSyntax Node, IMethodSymbol Method, SemanticModel Model)[] invocations,
            AssignmentExpressionSyntax[] fallbackAssignments,
            INamedTypeSymbol[] types)
        {
            // Deterministic order whatever the order of the concurrent callbacks.
            Array.Sort(invocations, (a, b) => CompareLocations(a.Node, b.Node));
            foreach (var (node, _, model) in invocations)
            {
                models[node.SyntaxTree] = model;
            }

            HasFallbackPolicy = fallbackAssignments.Length > 0;

            // App-wide protections first: endpoints in any file are judged against them.
            foreach (var (node, method, model) in invocations)
            {
                if ((method.Name == "SetFallbackPolicy" || method.Name == "AddFallbackPolicy") && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.AuthorizationBuilder))
                {
                    // SetFallbackPolicy(policy) / AddFallbackPolicy(name, policy or builder action).
                    var args = node.ArgumentList.Arguments;
                    HasFallbackPolicy |= args.Count > 0 && !IsNull(args[args.Count - 1].Expression);
                }
                else if (method.Name == "Add" && node.Expression is MemberAccessExpressionSyntax addAccess
                         && TypeHierarchy.DerivesFrom(model.GetTypeInfo(addAccess.Expression, cancellationToken).Type, symbols.FilterCollection))
                {
                    HasGlobalAuthorizeFilter |= AddsAuthorizeFilter(node, method, model);
                }
            }

            var middleware = ImmutableArray.CreateBuilder<(InvocationExpressionSyntax, IMethodSymbol, ITypeSymbol?)>();
            var endpoints = new List<AppEndpoint>();
            var controllerMappings = new List<Facts>();
            var pageMappings = new List<Facts>();
            var pageConventions = new List<(string Name, string? Area, string? Path, bool Known)>();
            foreach (var (node, method, model) in invocations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = method.Name;
                var definition = method.ReducedFrom ?? method;
                switch (name)
                {
                    case "SetFallbackPolicy":
                    case "AddFallbackPolicy":
                    case "Add":
                        break;
                    case "UseAuthentication":
                    case "UseAuthorization":
                    case "UseRouting":
                    case "UseEndpoints":
                    case "AddAuthentication":
                        middleware.Add((node, method, node.Expression is MemberAccessExpressionSyntax receiverAccess ? model.GetTypeInfo(receiverAccess.Expression, cancellationToken).Type : null));
                        break;
                    default:
                        if (name.StartsWith("AuthorizeArea", StringComparison.Ordinal) || name.StartsWith("Authorize", StringComparison.Ordinal) || name.StartsWith("AllowAnonymousTo", StringComparison.Ordinal))
                        {
                            if (definition.Parameters.Length > 0 && SymbolEqualityComparer.Default.Equals(definition.Parameters[0].Type, symbols.PageConventionCollection))
                            {
                                pageConventions.Add(PageConvention(node, name, model));
                            }

                            break;
                        }

                        if (!IsOnRouteBuilder(definition))
                        {
                            break;
                        }

                        if (ControllerMapNames.Contains(name))
                        {
                            controllerMappings.Add(EndpointFacts(node, model, null));
                        }
                        else if (name == "MapRazorPages")
                        {
                            pageMappings.Add(EndpointFacts(node, model, null));
                        }
                        else if (EndpointMapNames.Contains(name))
                        {
                            var endpoint = MinimalEndpoint(node, method, model);
                            if (endpoint != null)
                            {
                                endpoints.Add(endpoint);
                            }
                        }

                        break;
                }
            }

            MiddlewareCalls = middleware.ToImmutable();

            Array.Sort(types, (a, b) => CompareLocations(a.Locations.FirstOrDefault(), b.Locations.FirstOrDefault()));
            var seenActions = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var type in types)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (TypeHierarchy.DerivesFrom(type, symbols.PageModel))
                {
                    if (pageMappings.Count > 0)
                    {
                        var page = PageEndpoint(type, pageMappings, pageConventions);
                        if (page != null)
                        {
                            endpoints.Add(page);
                        }
                    }
                }
                else if (controllerMappings.Count > 0)
                {
                    endpoints.AddRange(ControllerEndpoints(type, controllerMappings, seenActions));
                }
            }

            Endpoints = endpoints.ToImmutableArray();
            RequiresAuthorizationSomewhere = HasFallbackPolicy || HasGlobalAuthorizeFilter || requiresAuthorizationSeen;
        }

        private bool requiresAuthorizationSeen;

        private static int CompareLocations(SyntaxNode? a, SyntaxNode? b)
            => CompareLocations(a?.GetLocation(), b?.GetLocation());

        private static int CompareLocations(Location? a, Location? b)
        {
            var byPath = string.CompareOrdinal(a?.SourceTree?.FilePath, b?.SourceTree?.FilePath);
            return byPath != 0 ? byPath : (a?.SourceSpan.Start ?? 0).CompareTo(b?.SourceSpan.Start ?? 0);
        }

        private static bool IsNull(ExpressionSyntax e) => e.IsKind(SyntaxKind.NullLiteralExpression) || e.IsKind(SyntaxKind.DefaultLiteralExpression);

        private bool IsOnRouteBuilder(IMethodSymbol definition)
            => (definition.IsExtensionMethod && definition.Parameters.Length > 0 && (symbols.IsRouteBuilder(definition.Parameters[0].Type) || (symbols.ApplicationBuilder != null && AspNetCoreSymbols.Implements(definition.Parameters[0].Type, symbols.ApplicationBuilder))))
               || symbols.IsRouteBuilder(definition.ContainingType);

        private bool AddsAuthorizeFilter(InvocationExpressionSyntax node, IMethodSymbol method, SemanticModel model)
        {
            if (method.IsGenericMethod && method.TypeArguments.Length == 1)
            {
                return TypeHierarchy.DerivesFrom(method.TypeArguments[0], symbols.AuthorizeFilter);
            }

            if (node.ArgumentList.Arguments.Count == 0)
            {
                return false;
            }

            var argument = node.ArgumentList.Arguments[0].Expression;
            if (argument is TypeOfExpressionSyntax typeOf)
            {
                return TypeHierarchy.DerivesFrom(model.GetTypeInfo(typeOf.Type, cancellationToken).Type, symbols.AuthorizeFilter);
            }

            return TypeHierarchy.DerivesFrom(model.GetTypeInfo(argument, cancellationToken).Type, symbols.AuthorizeFilter);
        }

        private (string Name, string? Area, string? Path, bool Known) PageConvention(InvocationExpressionSyntax node, string name, SemanticModel model)
        {
            var args = node.ArgumentList.Arguments;
            var isArea = name.Contains("Area");
            string? Constant(int i) => i < args.Count && model.GetConstantValue(args[i].Expression, cancellationToken) is { HasValue: true, Value: string s } ? s : null;
            var area = isArea ? Constant(0) : null;
            var path = Constant(isArea ? 1 : 0);
            return (name, area, path, path != null && (!isArea || area != null));
        }

        /// <summary>Authorization facts gathered along a builder chain.</summary>
        private sealed class Facts
        {
            public bool Authorize;
            public Location? AnonymousAt;
            public bool Unknown;
            public string Prefix = string.Empty;

            public Facts Merge(Facts inner)
            {
                Authorize |= inner.Authorize;
                AnonymousAt ??= inner.AnonymousAt;
                Unknown |= inner.Unknown;
                Prefix = inner.Prefix + Prefix;
                return this;
            }
        }

        /// <summary>Facts for an endpoint-producing call: conventions chained on it (and on the local holding it) plus its group chain.</summary>
        private Facts EndpointFacts(InvocationExpressionSyntax mapCall, SemanticModel model, string? ignored)
        {
            var facts = new Facts();
            OutwardConventions(mapCall, model, facts, 0);
            if (mapCall.Expression is MemberAccessExpressionSyntax member)
            {
                facts.Merge(Inward(member.Expression, model, 0, new HashSet<ISymbol>(SymbolEqualityComparer.Default)));
            }

            if (facts.Authorize)
            {
                requiresAuthorizationSeen = true;
            }

            return facts;
        }

        /// <summary>Walks <c>x.RequireAuthorization().WithName(…)</c> outwards from <paramref name="expression"/>, and into the local it is stored in.</summary>
        private void OutwardConventions(ExpressionSyntax expression, SemanticModel model, Facts facts, int depth)
        {
            var current = expression;
            while (current.Parent is MemberAccessExpressionSyntax member && member.Expression == current && member.Parent is InvocationExpressionSyntax invocation)
            {
                var name = member.Name.Identifier.ValueText;
                if (name.StartsWith("Map", StringComparison.Ordinal))
                {
                    return;
                }

                var method = model.GetSymbolInfo(invocation, cancellationToken).Symbol as IMethodSymbol;
                if (method == null || !symbols.IsConventionBuilder(method.ReturnType)
                    || !SymbolEqualityComparer.Default.Equals(method.ReturnType, model.GetTypeInfo(current, cancellationToken).Type))
                {
                    // Conventions return the builder they were given; app.CreateApi() starts something else.
                    return;
                }

                if (IsInSource(method))
                {
                    // ep.RequireAdmin(): a helper of the app; it protects if it asks for authorization.
                    facts.Authorize |= MentionsAuthorization(method);
                }
                else
                {
                    ApplyConvention(invocation, name, model, facts);
                }

                current = invocation;
            }

            while (current.Parent is ParenthesizedExpressionSyntax p)
            {
                current = p;
            }

            if (depth < MaxDepth && current.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                && model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local)
            {
                foreach (var reference in LocalReferences(declarator, local, model))
                {
                    OutwardConventions(reference, model, facts, depth + 1);
                }
            }
        }

        private void ApplyConvention(InvocationExpressionSyntax invocation, string name, SemanticModel model, Facts facts)
        {
            switch (name)
            {
                case "RequireAuthorization":
                    facts.Authorize = true;
                    break;
                case "AllowAnonymous":
                    facts.AnonymousAt ??= ((MemberAccessExpressionSyntax)invocation.Expression).Name.GetLocation();
                    break;
                case "WithMetadata":
                    foreach (var argument in invocation.ArgumentList.Arguments)
                    {
                        var type = model.GetTypeInfo(argument.Expression, cancellationToken).Type;
                        if (symbols.IsAllowAnonymous(type))
                        {
                            facts.AnonymousAt ??= argument.GetLocation();
                        }
                        else if (symbols.IsAuthorizeData(type))
                        {
                            facts.Authorize = true;
                        }
                    }

                    break;
            }
        }

        private IEnumerable<IdentifierNameSyntax> LocalReferences(VariableDeclaratorSyntax declarator, ILocalSymbol local, SemanticModel model)
        {
            SyntaxNode scope = (SyntaxNode?)declarator.FirstAncestorOrSelf<BlockSyntax>() ?? declarator.SyntaxTree.GetRoot(cancellationToken);
            if (!IdentifiersByName(IndexRoot(declarator)).TryGetValue(local.Name, out var candidates))
            {
                yield break;
            }

            // The identifiers of the scope, in document order: the run of candidates that starts inside its span.
            var span = scope.Span;
            for (var i = FirstAtOrAfter(candidates, span.Start); i < candidates.Count && candidates[i].SpanStart < span.End; i++)
            {
                var id = candidates[i];
                if (span.Contains(id.Span) && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id, cancellationToken).Symbol, local))
                {
                    yield return id;
                }
            }
        }

        /// <summary>
        /// The node whose identifiers are indexed for a local: its member (a local cannot be seen outside it), or the whole
        /// file for top-level statements (a local of one global statement is used by the next ones).
        /// </summary>
        private static SyntaxNode IndexRoot(SyntaxNode declarator)
        {
            var member = declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            return member == null || member is GlobalStatementSyntax ? declarator.SyntaxTree.GetRoot() : member;
        }

        /// <summary>
        /// Every identifier under <paramref name="root"/> (outside trivia) by name, in document order; built once per
        /// member, so each member is walked once however many locals it declares, and a file only for what needs it.
        /// </summary>
        private Dictionary<string, List<IdentifierNameSyntax>> IdentifiersByName(SyntaxNode root)
        {
            if (!identifiersByMember.TryGetValue(root, out var byName))
            {
                byName = new Dictionary<string, List<IdentifierNameSyntax>>(StringComparer.Ordinal);
                foreach (var id in root.DescendantNodes().OfType<IdentifierNameSyntax>())
                {
                    var name = id.Identifier.ValueText;
                    if (!byName.TryGetValue(name, out var list))
                    {
                        byName[name] = list = new List<IdentifierNameSyntax>();
                    }

                    list.Add(id);
                }

                identifiersByMember[root] = byName;
            }

            return byName;
        }

        private static int FirstAtOrAfter(List<IdentifierNameSyntax> ids, int position)
        {
            int low = 0, high = ids.Count;
            while (low < high)
            {
                var mid = low + ((high - low) / 2);
                if (ids[mid].SpanStart < position)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            return low;
        }

        /// <summary>Facts of the route builder an endpoint is mapped on: groups (nested), locals, parameters (via call sites).</summary>
        private Facts Inward(ExpressionSyntax expression, SemanticModel model, int depth, HashSet<ISymbol> visiting)
        {
            var facts = new Facts();
            if (depth > MaxDepth)
            {
                facts.Unknown = true;
                return facts;
            }

            while (expression is ParenthesizedExpressionSyntax p)
            {
                expression = p.Expression;
            }

            switch (expression)
            {
                case InvocationExpressionSyntax invocation:
                {
                    var method = model.GetSymbolInfo(invocation, cancellationToken).Symbol as IMethodSymbol;
                    var name = InvokedName(invocation);
                    if (method == null)
                    {
                        facts.Unknown = true;
                        return facts;
                    }

                    if (name == "MapGroup" && invocation.Expression is MemberAccessExpressionSyntax groupAccess)
                    {
                        var args = invocation.ArgumentList.Arguments;
                        var prefix = args.Count > 0 && model.GetConstantValue(args[0].Expression, cancellationToken) is { HasValue: true, Value: string s } ? s : null;
                        facts.Prefix = prefix == null ? string.Empty : NormalizeSegment(prefix);
                        facts.Unknown |= prefix == null;
                        return facts.Merge(Inward(groupAccess.Expression, model, depth + 1, visiting));
                    }

                    if (IsInSource(method))
                    {
                        // var api = app.CreateApi(): the group comes from a helper of the app.
                        facts.Authorize = MentionsAuthorization(method);
                        facts.Unknown = !facts.Authorize;
                        return facts;
                    }

                    if (symbols.IsConventionBuilder(method.ReturnType) && invocation.Expression is MemberAccessExpressionSyntax conventionAccess
                        && !name.StartsWith("Map", StringComparison.Ordinal))
                    {
                        ApplyConvention(invocation, name, model, facts);
                        return facts.Merge(Inward(conventionAccess.Expression, model, depth + 1, visiting));
                    }

                    // builder.Build(), app.UseRouting()… return the app itself; anything else is out of sight.
                    facts.Unknown = !IsAppType(method.ReturnType);
                    return facts;
                }

                case IdentifierNameSyntax or MemberAccessExpressionSyntax or ThisExpressionSyntax:
                {
                    var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
                    switch (symbol)
                    {
                        case ILocalSymbol cachedLocal when resolved.TryGetValue(cachedLocal, out var cached):
                            return cached;

                        case ILocalSymbol local when visiting.Add(local):
                        {
                            var declarator = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as VariableDeclaratorSyntax;
                            if (declarator?.Initializer == null)
                            {
                                visiting.Remove(local);
                                facts.Unknown = !IsAppType(local.Type);
                                return facts;
                            }

                            var inner = Inward(declarator.Initializer.Value, model, depth + 1, visiting);
                            foreach (var reference in LocalReferences(declarator, local, model))
                            {
                                if (reference.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax } m && m.Expression == reference
                                    && !m.Name.Identifier.ValueText.StartsWith("Map", StringComparison.Ordinal))
                                {
                                    OutwardConventions(reference, model, facts, depth + 1);
                                }
                            }

                            visiting.Remove(local);
                            facts.Merge(inner);
                            resolved[local] = facts;
                            return facts;
                        }

                        case IParameterSymbol parameter:
                            return ParameterFacts(parameter, depth, visiting);

                        case null:
                            facts.Unknown = true;
                            return facts;

                        default:
                            // A field, property or 'this' holding the app is the app; a stored group is out of sight.
                            facts.Unknown = !IsAppType(model.GetTypeInfo(expression, cancellationToken).Type);
                            return facts;
                    }
                }

                default:
                    facts.Unknown = true;
                    return facts;
            }
        }

        private static bool IsInSource(IMethodSymbol method) => method.Locations.Any(l => l.IsInSource);

        /// <summary>The helper's own code calls RequireAuthorization or attaches an [Authorize]-like attribute.</summary>
        private bool MentionsAuthorization(IMethodSymbol method)
        {
            if (!helperAuthorizes.TryGetValue(method, out var mentions))
            {
                helperAuthorizes[method] = mentions = ReadsAsAuthorization(method);
            }

            return mentions;
        }

        private bool ReadsAsAuthorization(IMethodSymbol method)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                foreach (var invocation in reference.GetSyntax(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    var name = InvokedName(invocation);
                    if (name == "RequireAuthorization" || (name == "WithMetadata" && invocation.ArgumentList.ToString().IndexOf("Authorize", StringComparison.Ordinal) >= 0))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool IsAppType(ITypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            if (type.Name == "RouteGroupBuilder")
            {
                return false;
            }

            return TypeHierarchy.DerivesFrom(type, symbols.WebApplication)
                || SymbolEqualityComparer.Default.Equals(type, symbols.EndpointRouteBuilder)
                || SymbolEqualityComparer.Default.Equals(type, symbols.ApplicationBuilder);
        }

        /// <summary>A route builder received as a parameter: the worst case over every call site in the compilation.</summary>
        private Facts ParameterFacts(IParameterSymbol parameter, int depth, HashSet<ISymbol> visiting)
        {
            var facts = new Facts();
            if (parameter.ContainingSymbol is not IMethodSymbol method)
            {
                facts.Unknown = true;
                return facts;
            }

            if (method.MethodKind == MethodKind.AnonymousFunction || method.MethodKind == MethodKind.LocalFunction)
            {
                // app.UseEndpoints(endpoints => …): the lambda gets the app's route builder.
                facts.Unknown = !IsAppType(parameter.Type) && !(method.MethodKind == MethodKind.AnonymousFunction && SymbolEqualityComparer.Default.Equals(parameter.Type, symbols.EndpointRouteBuilder));
                return facts;
            }

            if (resolved.TryGetValue(parameter, out var known))
            {
                return known;
            }

            if (!visiting.Add(method))
            {
                facts.Unknown = true;
                return facts;
            }

            Facts? worst = null;
            foreach (var (argument, model) in CallSiteArguments(method, parameter))
            {
                var siteFacts = Inward(argument, model, depth + 1, visiting);
                if (worst == null || Rank(siteFacts) < Rank(worst))
                {
                    worst = siteFacts;
                }
            }

            visiting.Remove(method);
            if (worst == null)
            {
                // Never called here (called from another assembly, or by reflection): the model cannot tell.
                facts.Unknown = true;
                worst = facts;
            }

            resolved[parameter] = worst;
            return worst;
        }

        private static int Rank(Facts facts) => facts.AnonymousAt != null ? 1 : facts.Authorize ? 3 : facts.Unknown ? 2 : 0;

        private IEnumerable<(ExpressionSyntax Argument, SemanticModel Model)> CallSiteArguments(IMethodSymbol method, IParameterSymbol parameter)
        {
            if (invocationsByName == null)
            {
                invocationsByName = new Dictionary<string, List<InvocationSite>>(StringComparer.Ordinal);
                foreach (var site in everyInvocation)
                {
                    if (!invocationsByName.TryGetValue(site.Name, out var list))
                    {
                        invocationsByName[site.Name] = list = new List<InvocationSite>();
                    }

                    list.Add(site);
                }
            }

            if (!invocationsByName.TryGetValue(method.Name, out var sites))
            {
                yield break;
            }

            // Deterministic results: the call sites in compilation order (trees as the compilation lists them, then position).
            orderedNames ??= new HashSet<string>(StringComparer.Ordinal);
            if (orderedNames.Add(method.Name) && sites.Count > 1)
            {
                var treeOrder = TreeOrder();
                sites.Sort((a, b) => a.Tree == b.Tree
                    ? a.Span.Start.CompareTo(b.Span.Start)
                    : treeOrder[a.Tree].CompareTo(treeOrder[b.Tree]));
            }

            var candidates = new List<InvocationExpressionSyntax>(sites.Count);
            foreach (var site in sites)
            {
                // The innermost node with the invocation's exact span is the invocation (its parts are shorter).
                if (site.Tree.GetRoot(cancellationToken).FindNode(site.Span, getInnermostNodeForTie: true) is InvocationExpressionSyntax node)
                {
                    candidates.Add(node);
                }
            }

            foreach (var invocation in candidates)
            {
                var model = ModelFor(invocation.SyntaxTree);
                if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol called
                    || !SymbolEqualityComparer.Default.Equals((called.ReducedFrom ?? called).OriginalDefinition, method.OriginalDefinition))
                {
                    continue;
                }

                var argument = ArgumentFor(invocation, called, parameter);
                if (argument != null)
                {
                    yield return (argument, model);
                }
            }
        }

        private Dictionary<SyntaxTree, int>? treeOrder;

        /// <summary>Where an invocation is, by the name it calls.</summary>
        internal readonly struct InvocationSite
        {
            public InvocationSite(string name, SyntaxTree tree, TextSpan span)
            {
                Name = name;
                Tree = tree;
                Span = span;
            }

            public string Name { get; }

            public SyntaxTree Tree { get; }

            public TextSpan Span { get; }
        }

        private Dictionary<SyntaxTree, int> TreeOrder()
        {
            if (treeOrder == null)
            {
                treeOrder = new Dictionary<SyntaxTree, int>();
                foreach (var tree in compilation.SyntaxTrees)
                {
                    treeOrder[tree] = treeOrder.Count;
                }
            }

            return treeOrder;
        }

        private static ExpressionSyntax? ArgumentFor(InvocationExpressionSyntax invocation, IMethodSymbol called, IParameterSymbol parameter)
        {
            var ordinal = parameter.Ordinal;
            if (called.ReducedFrom != null)
            {
                if (ordinal == 0)
                {
                    return (invocation.Expression as MemberAccessExpressionSyntax)?.Expression;
                }

                ordinal--;
            }

            var args = invocation.ArgumentList.Arguments;
            foreach (var a in args)
            {
                if (a.NameColon != null)
                {
                    if (a.NameColon.Name.Identifier.ValueText == parameter.Name)
                    {
                        return a.Expression;
                    }
                }
            }

            return ordinal < args.Count && args[ordinal].NameColon == null ? args[ordinal].Expression : null;
        }

        private AppEndpoint? MinimalEndpoint(InvocationExpressionSyntax node, IMethodSymbol method, SemanticModel model)
        {
            var name = method.Name;
            var args = node.ArgumentList.Arguments;
            var kind = name switch
            {
                "MapHub" => EndpointKind.Hub,
                "MapGrpcService" => EndpointKind.GrpcService,
                "MapFallback" => EndpointKind.Fallback,
                _ => EndpointKind.MinimalApi,
            };

            var facts = EndpointFacts(node, model, null);
            string? pattern;
            ImmutableArray<string> verbs;
            var handlerAuthorize = false;
            Location? handlerAnonymous = null;
            switch (kind)
            {
                case EndpointKind.Hub:
                case EndpointKind.GrpcService:
                {
                    var target = method.TypeArguments.Length == 1 ? method.TypeArguments[0] : null;
                    if (target == null || target.TypeKind == TypeKind.Error)
                    {
                        return null;
                    }

                    pattern = kind == EndpointKind.Hub && args.Count > 0 ? ConstantString(args[0].Expression, model) : "/" + target.Name;
                    verbs = ImmutableArray<string>.Empty;
                    ReadAttributes(target, inherit: true, ref handlerAuthorize, ref handlerAnonymous);
                    if (kind == EndpointKind.GrpcService && !handlerAuthorize && target is INamedTypeSymbol service)
                    {
                        // Every RPC the service overrides carries [Authorize]: nothing is callable anonymously.
                        var rpcs = service.GetMembers().OfType<IMethodSymbol>().Where(m => m.IsOverride && m.DeclaredAccessibility == Accessibility.Public).ToList();
                        handlerAuthorize = rpcs.Count > 0 && rpcs.All(m => m.GetAttributes().Any(a => symbols.IsAuthorizeData(a.AttributeClass)));
                    }

                    break;
                }

                default:
                {
                    var handlerIndex = args.Count - 1;
                    if (handlerIndex < 0 || (kind == EndpointKind.MinimalApi && handlerIndex < 1))
                    {
                        return null;
                    }

                    pattern = kind == EndpointKind.Fallback ? (args.Count == 2 ? ConstantString(args[0].Expression, model) : "/{*path}") : ConstantString(args[0].Expression, model);
                    verbs = Verbs(name, args, model);
                    var handler = args[handlerIndex].Expression;
                    var handlerSymbol = handler is AnonymousFunctionExpressionSyntax
                        ? model.GetSymbolInfo(handler, cancellationToken).Symbol
                        : model.GetSymbolInfo(handler, cancellationToken).Symbol ?? model.GetSymbolInfo(handler, cancellationToken).CandidateSymbols.FirstOrDefault();
                    if (handlerSymbol is IMethodSymbol handlerMethod)
                    {
                        ReadAttributes(handlerMethod, inherit: false, ref handlerAuthorize, ref handlerAnonymous);
                    }

                    break;
                }
            }

            var route = facts.Prefix + (pattern == null ? "/{?}" : NormalizeSegment(pattern));
            var access = Decide(facts, handlerAuthorize, handlerAnonymous, mvc: false, pattern == null ? null : route, node.SyntaxTree);
            var location = NameLocation(node);
            var display = kind switch
            {
                EndpointKind.Hub => "hub " + method.TypeArguments[0].Name + " (" + route + ")",
                EndpointKind.GrpcService => "gRPC service " + method.TypeArguments[0].Name,
                _ => (verbs.IsEmpty ? "*" : string.Join(",", verbs)) + " " + route,
            };
            return new AppEndpoint(kind, location, display, route, verbs, access, handlerAnonymous ?? facts.AnonymousAt);
        }

        private static Location NameLocation(InvocationExpressionSyntax node) => node.Expression switch
        {
            MemberAccessExpressionSyntax m => m.Name.Identifier.GetLocation(),
            SimpleNameSyntax n => n.Identifier.GetLocation(),
            _ => node.Expression.GetLocation(),
        };

        private EndpointAccess Decide(Facts facts, bool authorize, Location? anonymous, bool mvc, string? route, SyntaxTree tree)
        {
            if (anonymous != null || facts.AnonymousAt != null)
            {
                return EndpointAccess.Anonymous;
            }

            if (authorize || facts.Authorize)
            {
                requiresAuthorizationSeen = true;
                return EndpointAccess.Protected;
            }

            if (HasFallbackPolicy || (mvc && HasGlobalAuthorizeFilter))
            {
                return EndpointAccess.Protected;
            }

            if (facts.Unknown)
            {
                return EndpointAccess.Unknown;
            }

            return route != null && IsAnonymousByConfiguration(route, tree) ? EndpointAccess.PublicByConfiguration : EndpointAccess.Unprotected;
        }

        private void ReadAttributes(ISymbol symbol, bool inherit, ref bool authorize, ref Location? anonymous)
        {
            for (var s = symbol; s != null; s = inherit && s is INamedTypeSymbol t ? t.BaseType : null)
            {
                foreach (var a in s.GetAttributes())
                {
                    if (symbols.IsAllowAnonymous(a.AttributeClass))
                    {
                        anonymous ??= a.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? Location.None;
                    }
                    else if (symbols.IsAuthorizeData(a.AttributeClass))
                    {
                        authorize = true;
                    }
                }
            }
        }

        private string? ConstantString(ExpressionSyntax expression, SemanticModel model)
            => model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string s } ? s : null;

        private ImmutableArray<string> Verbs(string name, SeparatedSyntaxList<ArgumentSyntax> args, SemanticModel model)
        {
            switch (name)
            {
                case "MapGet": return ImmutableArray.Create("GET");
                case "MapPost": return ImmutableArray.Create("POST");
                case "MapPut": return ImmutableArray.Create("PUT");
                case "MapDelete": return ImmutableArray.Create("DELETE");
                case "MapPatch": return ImmutableArray.Create("PATCH");
                case "MapMethods" when args.Count == 3:
                {
                    var list = ImmutableArray.CreateBuilder<string>();
                    foreach (var element in args[1].Expression.DescendantNodesAndSelf().OfType<ExpressionSyntax>())
                    {
                        if (ConstantString(element, model) is { } verb)
                        {
                            list.Add(verb.ToUpperInvariant());
                        }
                        else if (model.GetSymbolInfo(element, cancellationToken).Symbol is IFieldSymbol { ContainingType.Name: "HttpMethods", HasConstantValue: false } f)
                        {
                            list.Add(f.Name.ToUpperInvariant());
                        }
                    }

                    return list.ToImmutable();
                }

                default: return ImmutableArray<string>.Empty;
            }
        }

        internal static string NormalizeSegment(string pattern)
        {
            var p = pattern.Trim();
            if (p.StartsWith("~/", StringComparison.Ordinal))
            {
                p = p.Substring(1);
            }

            p = p.TrimEnd('/');
            if (p.Length == 0)
            {
                return string.Empty;
            }

            return p[0] == '/' ? p : "/" + p;
        }

        private bool IsAnonymousByConfiguration(string route, SyntaxTree tree)
        {
            var patterns = SecureServicesOptions.GetList(options, tree, AnonymousEndpointsOption);
            return RouteMatches(route, patterns.IsDefaultOrEmpty ? DefaultAnonymousEndpoints : patterns);
        }

        /// <summary>Probes are public by default (until the option is set).</summary>
        internal static readonly ImmutableArray<string> DefaultAnonymousEndpoints = ImmutableArray.Create("/health", "/healthz", "/ready", "/readyz", "/live", "/livez", "/alive");

        /// <summary><c>/health</c> matches <c>/health</c> and <c>/health/live</c>; <c>/public/*</c> everything under <c>/public/</c>; case-insensitive.</summary>
        internal static bool RouteMatches(string route, ImmutableArray<string> patterns)
        {
            var r = NormalizeSegment(route);
            foreach (var raw in patterns)
            {
                var p = NormalizeSegment(raw);
                if (p.EndsWith("*", StringComparison.Ordinal))
                {
                    if (r.StartsWith(p.Substring(0, p.Length - 1), StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }

                    continue;
                }

                if (string.Equals(r, p, StringComparison.OrdinalIgnoreCase) || r.StartsWith(p + "/", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private IEnumerable<AppEndpoint> ControllerEndpoints(INamedTypeSymbol controller, List<Facts> mappings, HashSet<ISymbol> seen)
        {
            var mapping = Combine(mappings);
            var classAuthorize = false;
            Location? classAnonymous = null;
            ReadAttributes(controller, inherit: true, ref classAuthorize, ref classAnonymous);
            var classRoute = RouteTemplate(controller, controller);
            for (var type = controller; type != null && !IsFrameworkType(type); type = type.BaseType)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is not IMethodSymbol action || action.MethodKind != MethodKind.Ordinary || action.IsStatic || action.IsAbstract
                        || action.DeclaredAccessibility != Accessibility.Public || action.IsGenericMethod || action.Locations.FirstOrDefault() is not { IsInSource: true } location
                        || HasAttribute(action, symbols.NonActionAttribute, inherit: false) || action.Name == "Dispose" || OverridesObject(action) || !seen.Add(action))
                    {
                        continue;
                    }

                    var authorize = classAuthorize;
                    var anonymous = classAnonymous;
                    ReadAttributes(action, inherit: false, ref authorize, ref anonymous);
                    var verbs = ActionVerbs(action);
                    var actionRoute = RouteTemplate(action, controller);
                    var route = actionRoute != null && (actionRoute.StartsWith("/", StringComparison.Ordinal) || actionRoute.StartsWith("~/", StringComparison.Ordinal))
                        ? NormalizeSegment(actionRoute)
                        : NormalizeSegment(classRoute ?? string.Empty) + NormalizeSegment(actionRoute ?? string.Empty);
                    var access = Decide(mapping, authorize, anonymous, mvc: true, classRoute != null || actionRoute != null ? route : null, location.SourceTree!);
                    yield return new AppEndpoint(
                        EndpointKind.ControllerAction,
                        location,
                        controller.Name + "." + action.Name,
                        route,
                        verbs,
                        access,
                        anonymous ?? mapping.AnonymousAt);
                }
            }
        }

        private static bool OverridesObject(IMethodSymbol method)
        {
            for (var m = method; m != null; m = m.OverriddenMethod)
            {
                if (m.ContainingType.SpecialType == SpecialType.System_Object)
                {
                    return true;
                }
            }

            return false;
        }

        private static Facts Combine(List<Facts> mappings)
        {
            // Controllers are reachable through every mapping call: protected only if all of them are.
            var combined = new Facts { Authorize = mappings.All(m => m.Authorize) };
            combined.Unknown = mappings.Any(m => m.Unknown);
            combined.AnonymousAt = mappings.Select(m => m.AnonymousAt).FirstOrDefault(a => a != null);
            return combined;
        }

        private bool IsFrameworkType(INamedTypeSymbol type)
            => type.SpecialType == SpecialType.System_Object || !type.Locations.Any(l => l.IsInSource)
               || SymbolEqualityComparer.Default.Equals(type, symbols.ControllerBase);

        private string? RouteTemplate(ISymbol symbol, INamedTypeSymbol controller)
        {
            foreach (var a in symbol.GetAttributes())
            {
                if (AspNetCoreSymbols.Implements(a.AttributeClass, symbols.RouteTemplateProvider)
                    && a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value is string template)
                {
                    var name = controller.Name.EndsWith("Controller", StringComparison.Ordinal) ? controller.Name.Substring(0, controller.Name.Length - "Controller".Length) : controller.Name;
                    return template.Replace("[controller]", name).Replace("[action]", symbol.Name);
                }
            }

            return null;
        }

        private ImmutableArray<string> ActionVerbs(IMethodSymbol action)
        {
            var verbs = ImmutableArray.CreateBuilder<string>();
            foreach (var a in action.GetAttributes())
            {
                var attribute = a.AttributeClass;
                if (attribute == null)
                {
                    continue;
                }

                if (attribute.Name == "AcceptVerbsAttribute")
                {
                    foreach (var arg in a.ConstructorArguments)
                    {
                        if (arg.Kind == TypedConstantKind.Array)
                        {
                            verbs.AddRange(arg.Values.Select(v => v.Value as string).Where(v => v != null).Select(v => v!.ToUpperInvariant()));
                        }
                        else if (arg.Value is string single)
                        {
                            verbs.Add(single.ToUpperInvariant());
                        }
                    }
                }
                else if (TypeHierarchy.DerivesFrom(attribute, symbols.HttpMethodAttribute))
                {
                    for (var t = attribute; t != null; t = t.BaseType)
                    {
                        if (t.Name.StartsWith("Http", StringComparison.Ordinal) && t.Name.EndsWith("Attribute", StringComparison.Ordinal) && t.Name != "HttpMethodAttribute")
                        {
                            verbs.Add(t.Name.Substring(4, t.Name.Length - 4 - "Attribute".Length).ToUpperInvariant());
                            break;
                        }
                    }
                }
            }

            return verbs.ToImmutable();
        }

        private AppEndpoint? PageEndpoint(INamedTypeSymbol page, List<Facts> mappings, List<(string Name, string? Area, string? Path, bool Known)> conventions)
        {
            var location = page.Locations.FirstOrDefault(l => l.IsInSource);
            if (location?.SourceTree == null)
            {
                return null;
            }

            var mapping = Combine(mappings);
            var authorize = false;
            Location? anonymous = null;
            ReadAttributes(page, inherit: true, ref authorize, ref anonymous);
            var (area, path) = PagePath(location.SourceTree.FilePath);
            foreach (var c in conventions)
            {
                if (!c.Known || path == null)
                {
                    mapping.Unknown |= !c.Known && !authorize;
                    continue;
                }

                if (!string.Equals(c.Area, area, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var folder = c.Name.EndsWith("Folder", StringComparison.Ordinal);
                var matches = folder ? RouteMatches(path, ImmutableArray.Create(NormalizeSegment(c.Path!) + "/*")) || NormalizeSegment(c.Path!) == string.Empty
                                     : string.Equals(NormalizeSegment(c.Path!), path, StringComparison.OrdinalIgnoreCase);
                if (!matches)
                {
                    continue;
                }

                if (c.Name.StartsWith("AllowAnonymous", StringComparison.Ordinal))
                {
                    mapping.AnonymousAt ??= Location.None;
                }
                else
                {
                    authorize = true;
                }
            }

            var access = Decide(mapping, authorize, anonymous, mvc: true, path, location.SourceTree);
            return new AppEndpoint(EndpointKind.RazorPage, location, "page " + (path ?? page.Name), path ?? string.Empty, ImmutableArray<string>.Empty, access, anonymous);
        }

        /// <summary><c>…/Areas/Shop/Pages/Admin/Index.cshtml.cs</c> → (Shop, /Admin/Index).</summary>
        internal static (string? Area, string? Path) PagePath(string filePath)
        {
            var normalized = filePath.Replace('\\', '/');
            var index = normalized.LastIndexOf("/Pages/", StringComparison.Ordinal);
            if (index < 0)
            {
                return (null, null);
            }

            var rest = normalized.Substring(index + "/Pages".Length);
            foreach (var suffix in new[] { ".cshtml.cs", ".cs" })
            {
                if (rest.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    rest = rest.Substring(0, rest.Length - suffix.Length);
                    break;
                }
            }

            string? area = null;
            var areas = normalized.LastIndexOf("/Areas/", index, StringComparison.Ordinal);
            if (areas >= 0)
            {
                var areaStart = areas + "/Areas/".Length;
                var areaEnd = normalized.IndexOf('/', areaStart);
                if (areaEnd == index)
                {
                    area = normalized.Substring(areaStart, areaEnd - areaStart);
                }
            }

            return (area, rest);
        }
    }
}
