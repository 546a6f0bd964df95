using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals;
using SecureServices.Analyzers.Internals.Crypto;

namespace SecureServices.Analyzers.Rules.Configuration
{
    /// <summary>
    /// SSA6002 / SSA6003: exception details flowing into an HTTP response. Sources: <c>ex.ToString()</c>,
    /// <c>ex.StackTrace</c>, <c>ex.InnerException</c>, <c>ex.Data</c>, <c>ex.TargetSite</c>, <c>ex.Source</c>, the exception
    /// object itself (SSA6002) and <c>ex.Message</c> (SSA6003). Sinks: arguments of <c>Results.*</c>/<c>TypedResults.*</c>,
    /// controller helpers (<c>Problem</c>, <c>BadRequest</c>, <c>Ok</c>, <c>Content</c>, <c>StatusCode</c>…), <c>new ObjectResult</c>
    /// and its subclasses, <c>ContentResult</c>/<c>JsonResult</c>, <c>ProblemDetails.Detail/Title</c> and <c>Extensions</c>,
    /// <c>Response.WriteAsync</c>/<c>WriteAsJsonAsync</c>, and values returned by a minimal-API handler or a controller
    /// action. The value is followed through conversions, string building, conditionals, anonymous objects and one
    /// local variable. Code guarded by <c>IsDevelopment()</c> is not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ExceptionDetailsToClientAnalyzer : DiagnosticAnalyzer
    {
        private const int MaxSteps = 16;

        internal static readonly DiagnosticDescriptor DetailsRule = DescriptorFactory.Create(RuleIds.ExceptionDetailsSentToClient);
        internal static readonly DiagnosticDescriptor MessageRule = DescriptorFactory.Create(RuleIds.ExceptionMessageSentToClient);

        private static readonly ImmutableHashSet<string> DetailProperties = ImmutableHashSet.Create(
            "StackTrace", "InnerException", "Data", "TargetSite", "Source");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DetailsRule, MessageRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var compilation = start.Compilation;
                var types = new SinkTypes(
                    compilation.GetTypeByMetadataName("System.Exception"),
                    compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.Results"),
                    compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.TypedResults"),
                    compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase"),
                    compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ObjectResult"),
                    compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ContentResult"),
                    compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.JsonResult"),
                    compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ProblemDetails"),
                    compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpResponseWritingExtensions"),
                    compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpResponseJsonExtensions"),
                    compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions"));
                if (types.Exception == null || (types.Results == null && types.ControllerBase == null))
                {
                    return;
                }

                start.RegisterOperationAction(
                    c => Analyze(c, types),
                    OperationKind.PropertyReference,
                    OperationKind.Invocation,
                    OperationKind.LocalReference,
                    OperationKind.ParameterReference);
            });
        }

        private static void Analyze(OperationAnalysisContext context, SinkTypes types)
        {
            var op = context.Operation;
            DiagnosticDescriptor? rule = null;
            switch (op)
            {
                case IPropertyReferenceOperation property when property.Instance != null && IsException(property.Property.ContainingType, types.Exception!):
                    if (property.Property.Name == "Message")
                    {
                        rule = MessageRule;
                    }
                    else if (DetailProperties.Contains(property.Property.Name) && !IsException(property.Type, types.Exception!))
                    {
                        rule = DetailsRule;
                    }

                    break;
                case IInvocationOperation { TargetMethod.Name: "ToString", TargetMethod.Parameters.Length: 0, Instance: { } instance }
                    when IsException(instance.Type, types.Exception!):
                    rule = DetailsRule;
                    break;
            }

            if (rule == null && IsException(op.Type, types.Exception!) && op is ILocalReferenceOperation or IParameterReferenceOperation or IPropertyReferenceOperation
                && IsDirectValueUse(op))
            {
                rule = DetailsRule;
            }

            if (rule == null)
            {
                return;
            }

            var sink = FindSink(op, types, hops: 0);
            if (sink != null && !DevelopmentGuard.IsGuarded(op.Syntax, op.SemanticModel!))
            {
                // feature?.Error.StackTrace: report the whole expression, not the part after '?'.
                var syntax = op.Syntax;
                while (syntax.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ConditionalAccessExpressionSyntax access && access.WhenNotNull == syntax)
                {
                    syntax = access;
                }

                context.ReportDiagnostic(Diagnostic.Create(rule, syntax.GetLocation(), sink));
            }
        }

        /// <summary>The exception object used as a value (not as the receiver of a member access or a type test).</summary>
        private static bool IsDirectValueUse(IOperation op)
        {
            var value = op;
            while (value.Parent is IConversionOperation or IParenthesizedOperation)
            {
                value = value.Parent;
            }

            return value.Parent is IArgumentOperation or IInterpolationOperation or IBinaryOperation or IVariableInitializerOperation
                or IReturnOperation or IArrayInitializerOperation or ICoalesceOperation or IConditionalOperation
                || value.Parent is ISimpleAssignmentOperation assignment && assignment.Value == value;
        }

        /// <summary>Follows the value up to a response sink; returns the sink's name, or null.</summary>
        private static string? FindSink(IOperation source, SinkTypes types, int hops)
        {
            var current = source;
            for (var step = 0; step < MaxSteps && current.Parent is { } parent; step++, current = parent)
            {
                switch (parent)
                {
                    case IBinaryOperation binary:
                        // Concatenation carries the text; ex != null or ex.Message == "x" is a bool.
                        if (binary.Type?.SpecialType == SpecialType.System_String)
                        {
                            continue;
                        }

                        return null;
                    case IObjectCreationOperation dto when dto.Initializer == current:
                        // new ErrorDto { Detail = ex.ToString() } is sent when the DTO is.
                        continue;
                    case IConversionOperation:
                    case IParenthesizedOperation:
                    case IInterpolationOperation:
                    case IInterpolatedStringOperation:
                    case ICoalesceOperation:
                    case IArrayInitializerOperation:
                    case IArrayCreationOperation:
                    case IAnonymousObjectCreationOperation:
                    case IObjectOrCollectionInitializerOperation:
                    case IAwaitOperation:
                        continue;
                    case IConditionalAccessOperation conditionalAccess when conditionalAccess.WhenNotNull == current:
                        continue;
                    case IConditionalOperation conditional when conditional.Condition != current:
                        continue;
                    case IPropertyReferenceOperation { Instance: { } } property when property.Instance == current:
                        // ex.StackTrace.Length is a number, not the text.
                        if (property.Type?.SpecialType == SpecialType.System_String)
                        {
                            continue;
                        }

                        return null;
                    case IInvocationOperation invocation when invocation.Instance == current:
                        if (invocation.Type?.SpecialType == SpecialType.System_String)
                        {
                            continue;
                        }

                        return IsSinkCall(invocation, types);
                    case IArgumentOperation:
                        if (parent.Parent is IInvocationOperation call)
                        {
                            if (IsSinkCall(call, types) is { } callSink)
                            {
                                return callSink;
                            }

                            if (call.Type?.SpecialType == SpecialType.System_String)
                            {
                                // string.Format, string.Concat, string.Join…
                                current = parent;
                                parent = call;
                                continue;
                            }

                            return null;
                        }

                        if (parent.Parent is IObjectCreationOperation creation)
                        {
                            if (IsSinkType(creation.Type, types) is { } creationSink)
                            {
                                return creationSink;
                            }

                            // new ErrorDto(ex.Message): follow the DTO (but an exception wrapping it is not sent by itself).
                            if (creation.Type is INamedTypeSymbol created && !IsException(created, types.Exception!))
                            {
                                current = parent;
                                parent = creation;
                                continue;
                            }

                            return null;
                        }

                        return null;
                    case ISimpleAssignmentOperation assignment when assignment.Value == current:
                        if (SinkMember(assignment.Target, types) is { } memberSink)
                        {
                            return memberSink;
                        }

                        if (assignment.Parent is IObjectOrCollectionInitializerOperation or IAnonymousObjectCreationOperation)
                        {
                            continue;
                        }

                        return assignment.Target is ILocalReferenceOperation local && hops == 0 ? FollowLocal(local.Local, source, types) : null;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return hops == 0 ? FollowLocal(declarator.Symbol, source, types) : null;
                    case IVariableInitializerOperation:
                        continue;
                    case IReturnOperation:
                        return IsResponseReturn(parent, types);
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>One hop through a local: <c>var detail = ex.ToString(); return Problem(detail);</c></summary>
        private static string? FollowLocal(ILocalSymbol local, IOperation source, SinkTypes types)
        {
            // Search only the block that declares the local (every reference is inside it), not the whole method:
            // a method with many catch blocks would otherwise be walked once per catch.
            var root = source;
            while (root.Parent != null)
            {
                root = root.Parent;
                if (root is IBlockOperation block && block.Locals.Contains(local, SymbolEqualityComparer.Default))
                {
                    break;
                }
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

        private static string? IsSinkCall(IInvocationOperation call, SinkTypes types)
        {
            var method = call.TargetMethod.ReducedFrom ?? call.TargetMethod;
            var type = method.ContainingType;
            if (type == null)
            {
                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(type, types.Results) || SymbolEqualityComparer.Default.Equals(type, types.TypedResults))
            {
                return type.Name + "." + method.Name;
            }

            if (types.ControllerBase != null && TypeHierarchy.DerivesFrom(type, types.ControllerBase)
                && type.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Mvc")
            {
                return method.Name;
            }

            if ((SymbolEqualityComparer.Default.Equals(type, types.ResponseWriting) || SymbolEqualityComparer.Default.Equals(type, types.ResponseJson))
                && method.Name.StartsWith("Write", System.StringComparison.Ordinal))
            {
                return "Response." + method.Name;
            }

            // problem.Extensions.Add("trace", ex.StackTrace)
            if (method.Name == "Add" || method.Name == "TryAdd")
            {
                return call.Instance is IPropertyReferenceOperation { Property.Name: "Extensions" } extensions
                    && IsProblemDetails(extensions.Property.ContainingType, types) ? "ProblemDetails.Extensions" : null;
            }

            return null;
        }

        private static string? IsSinkType(ITypeSymbol? type, SinkTypes types)
        {
            if (type is not INamedTypeSymbol named)
            {
                return null;
            }

            return (types.ObjectResult != null && TypeHierarchy.DerivesFrom(named, types.ObjectResult))
                || (types.ContentResult != null && TypeHierarchy.DerivesFrom(named, types.ContentResult))
                || (types.JsonResult != null && TypeHierarchy.DerivesFrom(named, types.JsonResult))
                ? "new " + named.Name
                : null;
        }

        private static string? SinkMember(IOperation target, SinkTypes types)
        {
            if (target is not IPropertyReferenceOperation property)
            {
                return null;
            }

            var owner = property.Property.ContainingType;
            if (IsProblemDetails(owner, types) && (property.Property.Name == "Detail" || property.Property.Name == "Title"))
            {
                return "ProblemDetails." + property.Property.Name;
            }

            if (property.Property.IsIndexer && property.Instance is IPropertyReferenceOperation { Property.Name: "Extensions" } extensions
                && IsProblemDetails(extensions.Property.ContainingType, types))
            {
                return "ProblemDetails.Extensions";
            }

            if ((property.Property.Name == "Content" && types.ContentResult != null && TypeHierarchy.DerivesFrom(owner, types.ContentResult))
                || (property.Property.Name == "Value" && ((types.ObjectResult != null && TypeHierarchy.DerivesFrom(owner, types.ObjectResult)) || (types.JsonResult != null && TypeHierarchy.DerivesFrom(owner, types.JsonResult)))))
            {
                return owner.Name + "." + property.Property.Name;
            }

            return null;
        }

        /// <summary>A value returned by a minimal-API handler lambda or a public controller action is the response.</summary>
        private static string? IsResponseReturn(IOperation returnOperation, SinkTypes types)
        {
            for (var p = returnOperation.Parent; p != null; p = p.Parent)
            {
                if (p is IAnonymousFunctionOperation)
                {
                    var argument = p.Parent is IDelegateCreationOperation d ? d.Parent : p.Parent;
                    while (argument is IConversionOperation)
                    {
                        argument = argument.Parent;
                    }

                    if (argument is IArgumentOperation { Parent: IInvocationOperation map }
                        && (map.TargetMethod.ReducedFrom ?? map.TargetMethod).ContainingType is { } owner
                        && SymbolEqualityComparer.Default.Equals(owner, types.EndpointRouteBuilder))
                    {
                        return map.TargetMethod.Name;
                    }

                    return null;
                }

                if (p is ILocalFunctionOperation)
                {
                    return null;
                }
            }

            var member = ValueDestination.EnclosingMember(returnOperation);
            if (member is IMethodSymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false, MethodKind: MethodKind.Ordinary } action
                && types.ControllerBase != null && TypeHierarchy.DerivesFrom(action.ContainingType, types.ControllerBase))
            {
                return action.Name;
            }

            return null;
        }

        private static bool IsProblemDetails(INamedTypeSymbol? type, SinkTypes types)
            => types.ProblemDetails != null && TypeHierarchy.DerivesFrom(type, types.ProblemDetails);

        private static bool IsException(ITypeSymbol? type, INamedTypeSymbol exception)
            => type is INamedTypeSymbol named && TypeHierarchy.DerivesFrom(named, exception);

        private sealed class SinkTypes
        {
            public SinkTypes(
                INamedTypeSymbol? exception, INamedTypeSymbol? results, INamedTypeSymbol? typedResults, INamedTypeSymbol? controllerBase,
                INamedTypeSymbol? objectResult, INamedTypeSymbol? contentResult, INamedTypeSymbol? jsonResult, INamedTypeSymbol? problemDetails,
                INamedTypeSymbol? responseWriting, INamedTypeSymbol? responseJson, INamedTypeSymbol? endpointRouteBuilder)
            {
                Exception = exception;
                Results = results;
                TypedResults = typedResults;
                ControllerBase = controllerBase;
                ObjectResult = objectResult;
                ContentResult = contentResult;
                JsonResult = jsonResult;
                ProblemDetails = problemDetails;
                ResponseWriting = responseWriting;
                ResponseJson = responseJson;
                EndpointRouteBuilder = endpointRouteBuilder;
            }

            public INamedTypeSymbol? Exception { get; }
            public INamedTypeSymbol? Results { get; }
            public INamedTypeSymbol? TypedResults { get; }
            public INamedTypeSymbol? ControllerBase { get; }
            public INamedTypeSymbol? ObjectResult { get; }
            public INamedTypeSymbol? ContentResult { get; }
            public INamedTypeSymbol? JsonResult { get; }
            public INamedTypeSymbol? ProblemDetails { get; }
            public INamedTypeSymbol? ResponseWriting { get; }
            public INamedTypeSymbol? ResponseJson { get; }
            public INamedTypeSymbol? EndpointRouteBuilder { get; }
        }
    }
}
