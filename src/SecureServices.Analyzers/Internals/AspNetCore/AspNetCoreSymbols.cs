using System.Linq;
using Microsoft.CodeAnalysis;

namespace SecureServices.Analyzers.Internals.AspNetCore
{
    /// <summary>The ASP.NET Core types the access rules match on, resolved once per compilation.</summary>
    internal sealed class AspNetCoreSymbols
    {
        private AspNetCoreSymbols(Compilation compilation, INamedTypeSymbol endpointRouteBuilder)
        {
            EndpointRouteBuilder = endpointRouteBuilder;
            WebApplication = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplication");
            ApplicationBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.IApplicationBuilder");
            EndpointConventionBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.IEndpointConventionBuilder");
            AuthorizeData = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authorization.IAuthorizeData");
            AllowAnonymous = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authorization.IAllowAnonymous");
            AuthorizationOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authorization.AuthorizationOptions");
            AuthorizationBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authorization.AuthorizationBuilder");
            AuthorizeFilter = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter");
            FilterCollection = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.Filters.FilterCollection");
            ControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerAttribute");
            NonControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
            NonActionAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonActionAttribute");
            ControllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
            HttpMethodAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.Routing.HttpMethodAttribute");
            RouteTemplateProvider = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.Routing.IRouteTemplateProvider");
            PageModel = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
            PageConventionCollection = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection");
        }

        public INamedTypeSymbol EndpointRouteBuilder { get; }

        public INamedTypeSymbol? WebApplication { get; }

        public INamedTypeSymbol? ApplicationBuilder { get; }

        public INamedTypeSymbol? EndpointConventionBuilder { get; }

        public INamedTypeSymbol? AuthorizeData { get; }

        public INamedTypeSymbol? AllowAnonymous { get; }

        public INamedTypeSymbol? AuthorizationOptions { get; }

        public INamedTypeSymbol? AuthorizationBuilder { get; }

        public INamedTypeSymbol? AuthorizeFilter { get; }

        public INamedTypeSymbol? FilterCollection { get; }

        public INamedTypeSymbol? ControllerAttribute { get; }

        public INamedTypeSymbol? NonControllerAttribute { get; }

        public INamedTypeSymbol? NonActionAttribute { get; }

        public INamedTypeSymbol? ControllerBase { get; }

        public INamedTypeSymbol? HttpMethodAttribute { get; }

        public INamedTypeSymbol? RouteTemplateProvider { get; }

        public INamedTypeSymbol? PageModel { get; }

        public INamedTypeSymbol? PageConventionCollection { get; }

        /// <summary>Null when the compilation does not reference ASP.NET Core routing (nothing to analyze).</summary>
        public static AspNetCoreSymbols? TryCreate(Compilation compilation)
        {
            var routeBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
            return routeBuilder == null ? null : new AspNetCoreSymbols(compilation, routeBuilder);
        }

        public bool IsRouteBuilder(ITypeSymbol? type) => Implements(type, EndpointRouteBuilder);

        public bool IsConventionBuilder(ITypeSymbol? type) => Implements(type, EndpointConventionBuilder);

        public bool IsAuthorizeData(ITypeSymbol? type) => Implements(type, AuthorizeData);

        public bool IsAllowAnonymous(ITypeSymbol? type) => Implements(type, AllowAnonymous);

        public static bool Implements(ITypeSymbol? type, INamedTypeSymbol? target)
        {
            if (type == null || target == null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, target))
            {
                return true;
            }

            foreach (var i in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, target))
                {
                    return true;
                }
            }

            return type is ITypeParameterSymbol p && p.ConstraintTypes.Any(c => Implements(c, target));
        }
    }
}
