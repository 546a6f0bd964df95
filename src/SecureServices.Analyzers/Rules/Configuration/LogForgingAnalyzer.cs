using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals;

namespace SecureServices.Analyzers.Rules.Configuration
{
    /// <summary>
    /// SSA6006: request data written into log text by the writers CA2254 does not look at: <c>Console.Write/WriteLine</c>
    /// (and <c>Console.Out/Error</c>), <c>Trace.Write*/Trace*</c>, <c>Debug.Write*</c>. Sources: <c>HttpRequest.Query/Form/
    /// Headers/Cookies/RouteValues/Path/QueryString/Host</c> and the string parameters of minimal-API handlers and
    /// controller actions (not <c>[FromServices]</c>). The value is followed through conversions, concatenation,
    /// interpolation, <c>string.Format/Concat/Join</c>, string-returning calls and one local; line-break
    /// <c>Replace</c> and methods named Sanitize/Encode/Escape end the flow. <c>ILogger</c> templates are left to CA2254.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LogForgingAnalyzer : DiagnosticAnalyzer
    {
        private const int MaxSteps = 16;

        internal static readonly DiagnosticDescriptor Rule = DescriptorFactory.Create(RuleIds.LogForging);

        private static readonly ImmutableHashSet<string> RequestProperties = ImmutableHashSet.Create(
            "Query", "Form", "Headers", "Cookies", "RouteValues", "Path", "PathBase", "QueryString", "Host");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var compilation = start.Compilation;
                var request = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpRequest");
                if (request == null)
                {
                    return;
                }

                var types = new Types(
                    request,
                    compilation.GetTypeByMetadataName("System.Console"),
                    compilation.GetTypeByMetadataName("System.Diagnostics.Trace"),
                    compilation.GetTypeByMetadataName("System.Diagnostics.Debug"),
                    compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase"),
                    compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions"),
                    compilation.GetTypeByMetadataName("Microsoft.Extensions.Primitives.StringValues"));
                // Sink-driven: sinks are rare, so only the values inside a Console/Trace/Debug call (and the locals they read) are examined.
                start.RegisterOperationAction(c => AnalyzeSink(c, types), OperationKind.Invocation);
            });
        }

        private static void AnalyzeSink(OperationAnalysisContext context, Types types)
        {
            var call = (IInvocationOperation)context.Operation;
            var sink = IsSink(call, types);
            if (sink == null || call.Arguments.IsEmpty)
            {
                return;
            }

            var candidates = new List<IOperation>();
            List<ILocalSymbol>? locals = null;
            foreach (var argument in call.Arguments)
            {
                foreach (var op in argument.Value.DescendantsAndSelf())
                {
                    if (op is ILocalReferenceOperation local)
                    {
                        (locals ??= new List<ILocalSymbol>()).Add(local.Local);
                    }
                    else
                    {
                        candidates.Add(op);
                    }
                }
            }

            if (locals != null)
            {
                // One hop: the values assigned to the locals the sink reads.
                var root = call;
                IOperation top = root;
                while (top.Parent != null)
                {
                    top = top.Parent;
                }

                foreach (var op in top.Descendants())
                {
                    var assigned = op switch
                    {
                        IVariableDeclaratorOperation d when locals.Contains(d.Symbol) => d.Initializer?.Value,
                        ISimpleAssignmentOperation { Target: ILocalReferenceOperation l } a when locals.Contains(l.Local) => a.Value,
                        _ => null,
                    };
                    if (assigned != null)
                    {
                        candidates.AddRange(assigned.DescendantsAndSelf());
                    }
                }
            }

            foreach (var candidate in candidates)
            {
                var sourceName = SourceName(candidate, types);
                if (sourceName != null && FindSink(candidate, types, hops: 0) == call)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, candidate.Syntax.GetLocation(), sink, sourceName));
                }
            }
        }

        private static string? SourceName(IOperation operation, Types types) => operation switch
        {
            IPropertyReferenceOperation p when RequestProperties.Contains(p.Property.Name) && TypeHierarchy.DerivesFrom(p.Property.ContainingType, types.Request)
                => "Request." + p.Property.Name,
            IParameterReferenceOperation p when IsTextual(p.Parameter.Type, types) && IsHandlerParameter(p, types)
                => p.Parameter.Name,
            _ => null,
        };

        private static bool IsTextual(ITypeSymbol type, Types types)
            => type.SpecialType == SpecialType.System_String || SymbolEqualityComparer.Default.Equals(type, types.StringValues);

        /// <summary>A string parameter of a minimal-API handler lambda or of a public controller action, not bound from services.</summary>
        private static bool IsHandlerParameter(IParameterReferenceOperation reference, Types types)
        {
            var parameter = reference.Parameter;
            foreach (var attribute in parameter.GetAttributes())
            {
                var name = attribute.AttributeClass?.Name;
                if (name == "FromServicesAttribute" || name == "FromKeyedServicesAttribute")
                {
                    return false;
                }
            }

            if (parameter.ContainingSymbol is not IMethodSymbol method)
            {
                return false;
            }

            if (method.MethodKind == MethodKind.LambdaMethod || method.MethodKind == MethodKind.AnonymousFunction)
            {
                for (IOperation? op = reference; op != null; op = op.Parent)
                {
                    if (op is IAnonymousFunctionOperation lambda && SymbolEqualityComparer.Default.Equals(lambda.Symbol, method))
                    {
                        var parent = lambda.Parent is IDelegateCreationOperation d ? d.Parent : lambda.Parent;
                        while (parent is IConversionOperation)
                        {
                            parent = parent.Parent;
                        }

                        return parent is IArgumentOperation { Parent: IInvocationOperation map }
                            && SymbolEqualityComparer.Default.Equals((map.TargetMethod.ReducedFrom ?? map.TargetMethod).ContainingType, types.EndpointRouteBuilder);
                    }
                }

                return false;
            }

            return method.MethodKind == MethodKind.Ordinary
                && method.DeclaredAccessibility == Accessibility.Public
                && !method.IsStatic
                && types.ControllerBase != null
                && TypeHierarchy.DerivesFrom(method.ContainingType, types.ControllerBase);
        }

        private static IInvocationOperation? FindSink(IOperation source, Types types, int hops)
        {
            var current = source;
            for (var step = 0; step < MaxSteps && current.Parent is { } parent; step++, current = parent)
            {
                switch (parent)
                {
                    case IConversionOperation:
                    case IParenthesizedOperation:
                    case IInterpolationOperation:
                    case IInterpolatedStringOperation:
                    case IBinaryOperation { Type.SpecialType: SpecialType.System_String }:
                    case ICoalesceOperation:
                    case IArrayInitializerOperation:
                    case IArrayCreationOperation:
                    case IVariableInitializerOperation when parent.Parent is not IVariableDeclaratorOperation:
                        continue;
                    case IConditionalOperation conditional when conditional.Condition != current:
                        continue;
                    case IPropertyReferenceOperation property when property.Instance == current:
                        // Request.Query["q"], Request.Path.Value: keep going while the value stays textual.
                        if (property.Type != null && IsTextualOrRequestValue(property.Type, types))
                        {
                            continue;
                        }

                        return null;
                    case IInvocationOperation invocation when invocation.Instance == current:
                        if (IsSanitizer(invocation) || invocation.Type == null || !IsTextualOrRequestValue(invocation.Type, types))
                        {
                            return null;
                        }

                        continue;
                    case IArgumentOperation when parent.Parent is IInvocationOperation call:
                        if (IsSink(call, types) != null)
                        {
                            return call;
                        }

                        if (call.Type?.SpecialType == SpecialType.System_String && !IsSanitizer(call))
                        {
                            current = parent;
                            parent = call;
                            continue;
                        }

                        return null;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return hops == 0 ? FollowLocal(declarator.Symbol, source, types) : null;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == current:
                        return hops == 0 ? FollowLocal(local.Local, source, types) : null;
                    default:
                        return null;
                }
            }

            return null;
        }

        private static bool IsTextualOrRequestValue(ITypeSymbol type, Types types)
            => IsTextual(type, types)
            || type.SpecialType == SpecialType.System_Object
            || type.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Http";

        private static IInvocationOperation? FollowLocal(ILocalSymbol local, IOperation source, Types types)
        {
            var root = source;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            foreach (var op in root.Descendants())
            {
                if (op is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                    && !(reference.Parent is ISimpleAssignmentOperation a && a.Target == reference)
                    && FindSink(reference, types, hops: 1) is { } sink)
                {
                    return sink;
                }
            }

            return null;
        }

        /// <summary><c>s.Replace("\n", …)</c>/<c>Replace(Environment.NewLine, …)</c>, or a method named Sanitize/Encode/Escape.</summary>
        private static bool IsSanitizer(IInvocationOperation invocation)
        {
            var name = invocation.TargetMethod.Name;
            if (name.IndexOf("Sanitiz", StringComparison.OrdinalIgnoreCase) >= 0
                || name.IndexOf("Encode", StringComparison.OrdinalIgnoreCase) >= 0
                || name.IndexOf("Escape", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }

            if (name == "Replace" || name == "ReplaceLineEndings")
            {
                if (name == "ReplaceLineEndings")
                {
                    return true;
                }

                var first = invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
                return first?.ConstantValue is { HasValue: true } c
                    ? c.Value is string s && (s.IndexOf('\n') >= 0 || s.IndexOf('\r') >= 0) || c.Value is char ch && (ch == '\n' || ch == '\r')
                    : first is IPropertyReferenceOperation { Property.Name: "NewLine" };
            }

            return false;
        }

        private static string? IsSink(IInvocationOperation call, Types types)
        {
            var method = call.TargetMethod;
            var type = method.ContainingType;
            if (type == null)
            {
                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(type, types.Console) && method.Name.StartsWith("Write", StringComparison.Ordinal))
            {
                return "Console." + method.Name;
            }

            if ((SymbolEqualityComparer.Default.Equals(type, types.Trace) || SymbolEqualityComparer.Default.Equals(type, types.Debug))
                && (method.Name.StartsWith("Write", StringComparison.Ordinal) || method.Name.StartsWith("Trace", StringComparison.Ordinal) || method.Name == "Print"))
            {
                return type.Name + "." + method.Name;
            }

            // Console.Out.WriteLine(…), Console.Error.Write(…)
            if (method.Name.StartsWith("Write", StringComparison.Ordinal)
                && call.Instance is IPropertyReferenceOperation { Property: { Name: "Out" or "Error" } stream }
                && SymbolEqualityComparer.Default.Equals(stream.ContainingType, types.Console))
            {
                return "Console." + stream.Name + "." + method.Name;
            }

            return null;
        }

        private sealed class Types
        {
            public Types(INamedTypeSymbol request, INamedTypeSymbol? console, INamedTypeSymbol? trace, INamedTypeSymbol? debug, INamedTypeSymbol? controllerBase, INamedTypeSymbol? endpointRouteBuilder, INamedTypeSymbol? stringValues)
            {
                Request = request;
                Console = console;
                Trace = trace;
                Debug = debug;
                ControllerBase = controllerBase;
                EndpointRouteBuilder = endpointRouteBuilder;
                StringValues = stringValues;
            }

            public INamedTypeSymbol Request { get; }
            public INamedTypeSymbol? Console { get; }
            public INamedTypeSymbol? Trace { get; }
            public INamedTypeSymbol? Debug { get; }
            public INamedTypeSymbol? ControllerBase { get; }
            public INamedTypeSymbol? EndpointRouteBuilder { get; }
            public INamedTypeSymbol? StringValues { get; }
        }
    }
}
