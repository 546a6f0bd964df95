using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SecureServices.Analyzers.CodeFixes.Configuration
{
    /// <summary>
    /// Builds an <c>….IsDevelopment()</c> expression usable at a position: <c>app.Environment</c> when the receiver is a
    /// WebApplication-like local, else an <c>IWebHostEnvironment</c>/<c>IHostEnvironment</c> local or parameter in scope
    /// (<c>env</c>), else <c>builder.Environment</c> from a local or parameter with an environment property. Null when none.
    /// </summary>
    internal static class DevelopmentCheckFactory
    {
        private const string HostEnvironment = "Microsoft.Extensions.Hosting.IHostEnvironment";
        private const string HostingNamespace = "Microsoft.Extensions.Hosting";

        public static InvocationExpressionSyntax? Create(SemanticModel model, SyntaxNode node, ExpressionSyntax? preferredReceiver, CancellationToken cancellationToken)
        {
            var environmentType = model.Compilation.GetTypeByMetadataName(HostEnvironment);
            if (environmentType == null)
            {
                return null;
            }

            ExpressionSyntax? environment = null;
            if (preferredReceiver is IdentifierNameSyntax receiver
                && model.GetTypeInfo(receiver, cancellationToken).Type is { } receiverType
                && HasEnvironmentProperty(receiverType, environmentType))
            {
                environment = MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(receiver.Identifier.ValueText), IdentifierName("Environment"));
            }

            if (environment == null)
            {
                string? viaProperty = null;
                foreach (var symbol in model.LookupSymbols(node.SpanStart).OrderBy(s => s.Name, System.StringComparer.Ordinal))
                {
                    var type = symbol switch
                    {
                        ILocalSymbol l => l.Type,
                        IParameterSymbol p => p.Type,
                        _ => null,
                    };
                    if (type == null || !IsUsableHere(symbol, node))
                    {
                        continue;
                    }

                    if (Implements(type, environmentType))
                    {
                        environment = IdentifierName(symbol.Name);
                        break;
                    }

                    if (viaProperty == null && HasEnvironmentProperty(type, environmentType))
                    {
                        viaProperty = symbol.Name;
                    }
                }

                if (environment == null && viaProperty != null)
                {
                    environment = MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(viaProperty), IdentifierName("Environment"));
                }
            }

            return environment == null
                ? null
                : InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, environment, IdentifierName("IsDevelopment")));
        }

        /// <summary>Adds <c>using Microsoft.Extensions.Hosting;</c> when IsDevelopment() is not already in scope (file or global usings).</summary>
        public static SyntaxNode AddHostingUsingIfNeeded(SyntaxNode root, SemanticModel model, int position)
        {
            var environmentType = model.Compilation.GetTypeByMetadataName(HostEnvironment);
            if (environmentType == null || root is not CompilationUnitSyntax unit
                || !model.LookupSymbols(position, environmentType, "IsDevelopment", includeReducedExtensionMethods: true).IsEmpty)
            {
                return root;
            }

            var endOfLine = unit.Usings.Count > 0 ? unit.Usings[unit.Usings.Count - 1].GetTrailingTrivia() : TriviaList(LineFeed);
            return unit.AddUsings(UsingDirective(ParseName(HostingNamespace)).WithTrailingTrivia(endOfLine));
        }

        private static bool HasEnvironmentProperty(ITypeSymbol type, INamedTypeSymbol environmentType)
            => type.GetMembers("Environment").OfType<IPropertySymbol>().Any(p => Implements(p.Type, environmentType));

        private static bool Implements(ITypeSymbol type, INamedTypeSymbol environmentType)
            => SymbolEqualityComparer.Default.Equals(type, environmentType)
            || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, environmentType));

        /// <summary>A local or parameter whose declaration encloses <paramref name="node"/> (LookupSymbols also offers others).</summary>
        private static bool IsUsableHere(ISymbol symbol, SyntaxNode node)
        {
            var declaration = symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
            if (declaration == null || declaration.SyntaxTree != node.SyntaxTree)
            {
                return false;
            }

            var container = declaration.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            if (container is GlobalStatementSyntax)
            {
                return node.FirstAncestorOrSelf<GlobalStatementSyntax>() != null && declaration.SpanStart < node.SpanStart;
            }

            if (symbol is IParameterSymbol && declaration.Parent?.Parent is LambdaExpressionSyntax or AnonymousFunctionExpressionSyntax)
            {
                return declaration.Parent.Parent.Span.Contains(node.Span);
            }

            return container != null && container.Span.Contains(node.Span) && declaration.SpanStart <= node.SpanStart;
        }
    }
}
