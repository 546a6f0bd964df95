using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureServices.Analyzers.Internals.Taint
{
    /// <summary>
    /// The source table: which parameters and which types carry untrusted input, and which types can never
    /// carry an injection (numbers, Guid, enums, dates: a value parsed into them is sanitised).
    /// </summary>
    internal static class TaintSources
    {
        /// <summary>A description of the untrusted input a value of this type is, or null.</summary>
        public static string? DescribeSourceType(ITypeSymbol? type, TaintKnownTypes types)
        {
            if (type is not INamedTypeSymbol named)
            {
                return null;
            }

            var original = named.OriginalDefinition;
            if (TaintSinks.Is(original, types.HttpRequest))
            {
                return "the HTTP request";
            }

            if (TaintSinks.Is(original, types.KafkaConsumeResult) || TaintSinks.Is(original, types.KafkaMessage))
            {
                return "a Kafka message";
            }

            if (TaintSinks.Is(original, types.RabbitDeliverEventArgs) || TaintSinks.Is(original, types.RabbitGetResult))
            {
                return "a RabbitMQ message";
            }

            if (original.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Http"
                && original.Name is "IFormFile" or "IFormFileCollection" or "IFormCollection" or "IQueryCollection" or "IHeaderDictionary" or "IRequestCookieCollection")
            {
                return "the HTTP request";
            }

            return null;
        }

        /// <summary>Values of these types cannot carry injected text: parsing into them sanitises.</summary>
        public static bool IsCleanType(ITypeSymbol? type, TaintKnownTypes types)
        {
            if (type == null)
            {
                return false;
            }

            if (type.TypeKind == TypeKind.Enum || type.SpecialType == SpecialType.System_Boolean)
            {
                return true;
            }

            if (!type.IsValueType || type.TypeKind == TypeKind.TypeParameter)
            {
                return false;
            }

            if (type is INamedTypeSymbol { IsGenericType: true } generic)
            {
                var name = generic.OriginalDefinition.Name;
                if (generic.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
                {
                    return IsCleanType(generic.TypeArguments[0], types);
                }

                // ReadOnlyMemory<byte>, KeyValuePair<,>, ValueTuple<…>, ArraySegment<T>: carriers.
                return name is not ("ReadOnlyMemory" or "Memory" or "ReadOnlySpan" or "Span" or "ArraySegment" or "KeyValuePair" or "ValueTuple" or "ReadOnlySequence");
            }

            return !TaintSinks.Is(type, types.StringValues);
        }

        /// <summary>A description when <paramref name="parameter"/> is bound from the request or a message, else null.</summary>
        public static string? DescribeSourceParameter(IParameterSymbol parameter, TaintKnownTypes types)
        {
            if (IsCleanType(parameter.Type, types) || parameter.RefKind == RefKind.Out)
            {
                return null;
            }

            var explicitBinding = false;
            foreach (var attribute in parameter.GetAttributes())
            {
                var name = attribute.AttributeClass?.Name;
                if (name is "FromServicesAttribute" or "FromKeyedServicesAttribute")
                {
                    return null;
                }

                if (name is "FromQueryAttribute" or "FromRouteAttribute" or "FromHeaderAttribute" or "FromFormAttribute" or "FromBodyAttribute" or "AsParametersAttribute")
                {
                    explicitBinding = true;
                }
            }

            var description = "request parameter '" + parameter.Name + "'";
            if (explicitBinding)
            {
                return description;
            }

            if (parameter.ContainingSymbol is not IMethodSymbol method)
            {
                return null;
            }

            if (method.MethodKind == MethodKind.AnonymousFunction)
            {
                return IsMinimalApiHandler(parameter) && IsBindableType(parameter.Type) ? description : null;
            }

            var type = method.ContainingType;
            var maybeEntry = method.MethodKind == MethodKind.Ordinary && !method.IsStatic && method.DeclaredAccessibility == Accessibility.Public;
            if (maybeEntry && (DerivesFrom(type, types.ControllerBase) || DerivesFrom(type, types.Hub) || DerivesFrom(type, types.HubOfT)
                || (method.IsOverride && types.BindServiceMethodAttribute != null && IsGrpcService(type, types.BindServiceMethodAttribute))))
            {
                return DescribeEntryParameter(parameter, method, type, types, description);
            }

            // A method group given to MapGet/MapPost/…: the (lazy, once per compilation, syntax-only) scan runs only here.
            if (method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction
                && method.DeclaringSyntaxReferences.Length > 0
                && types.IsMinimalApiMethodHandler(method))
            {
                return IsBindableType(parameter.Type) ? description : null;
            }

            return null;
        }

        private static string? DescribeEntryParameter(IParameterSymbol parameter, IMethodSymbol method, INamedTypeSymbol type, TaintKnownTypes types, string description)
        {
            if (DerivesFrom(type, types.ControllerBase))
            {
                return !method.GetAttributes().Any(a => a.AttributeClass?.Name == "NonActionAttribute") && IsBindableType(parameter.Type) ? description : null;
            }

            if (DerivesFrom(type, types.Hub) || DerivesFrom(type, types.HubOfT))
            {
                return parameter.Type.Name == "CancellationToken" ? null : "hub argument '" + parameter.Name + "'";
            }

            if (method.IsOverride && types.BindServiceMethodAttribute != null && IsGrpcService(type, types.BindServiceMethodAttribute))
            {
                return parameter.Type.Name is "ServerCallContext" or "IServerStreamWriter" ? null : "gRPC request '" + parameter.Name + "'";
            }

            return null;
        }

        /// <summary>A lambda passed as the handler of MapGet/MapPost/… (or any Map* taking a Delegate).</summary>
        private static bool IsMinimalApiHandler(IParameterSymbol parameter)
        {
            var syntax = parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
            var lambda = syntax?.FirstAncestorOrSelf<LambdaExpressionSyntax>();
            if (lambda?.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } })
            {
                return false;
            }

            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
                IdentifierNameSyntax id => id.Identifier.ValueText,
                _ => string.Empty,
            };
            return name.StartsWith("Map", StringComparison.Ordinal) && name != "MapGroup";
        }

        /// <summary>
        /// What model binding fills from the request: strings, Uris, arrays and lists of them, and the
        /// application's own DTO classes (a class declared in source with no public instance methods).
        /// Interfaces, DbContexts and other service-like types are inferred as services, not bound.
        /// </summary>
        private static bool IsBindableType(ITypeSymbol type)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    return IsBindableType(array.ElementType);
                case INamedTypeSymbol named:
                    if (named.SpecialType == SpecialType.System_String || named.SpecialType == SpecialType.System_Object || named.Name == "Uri" || named.Name == "StringValues")
                    {
                        return true;
                    }

                    if (named.IsGenericType && named.TypeArguments.Length == 1 && named.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic")
                    {
                        return IsBindableType(named.TypeArguments[0]);
                    }

                    if (named.TypeKind is not (TypeKind.Class or TypeKind.Struct) || named.IsAbstract || !named.Locations.Any(l => l.IsInSource))
                    {
                        return false;
                    }

                    for (var t = named.BaseType; t != null; t = t.BaseType)
                    {
                        if (t.Name == "DbContext")
                        {
                            return false;
                        }
                    }

                    return !named.GetMembers().Any(m => m is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false, IsImplicitlyDeclared: false, DeclaredAccessibility: Accessibility.Public });
                default:
                    return false;
            }
        }

        private static bool IsGrpcService(INamedTypeSymbol type, INamedTypeSymbol bindServiceMethod)
        {
            for (var t = type.BaseType; t != null; t = t.BaseType)
            {
                if (t.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, bindServiceMethod)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Strictly derives (ControllerBase itself and Hub itself are not entry points).</summary>
        private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol? baseType)
            => TypeHierarchy.DerivesFrom(type?.BaseType, baseType);
    }
}
