using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SecureServices.Analyzers.CodeFixes.Secrets
{
    /// <summary>
    /// SSA1001, SSA1002: replaces the hard-coded secret with a lookup that fails loudly when the value is missing:
    /// <c>configuration["Db:Password"] ?? throw …</c> when an IConfiguration is in scope, otherwise
    /// <c>Environment.GetEnvironmentVariable("DB_PASSWORD") ?? throw …</c>. A <c>const</c> becomes
    /// <c>static readonly</c> (fields) or a plain local. Parameter defaults get no fix (they must be constant).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReadSecretFromConfigurationCodeFix)), Shared]
    public sealed class ReadSecretFromConfigurationCodeFix : CodeFixProvider
    {
        private const string ConfigurationInterface = "Microsoft.Extensions.Configuration.IConfiguration";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HardCodedPassword, RuleIds.HardCodedSecretToken);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || literal.Parent is EqualsValueClauseSyntax { Parent: ParameterSyntax }
                || SecretName(literal) is not { } name)
            {
                return;
            }

            var words = IdentifierWords.Split(name);
            if (words.Count == 1 && literal.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type)
            {
                // A property called Password in SmtpOptions reads Smtp:Password / SMTP_PASSWORD.
                var typeWords = IdentifierWords.Split(type.Identifier.ValueText);
                if (typeWords.Count > 1 && (typeWords[typeWords.Count - 1] == "options" || typeWords[typeWords.Count - 1] == "settings"))
                {
                    typeWords.RemoveAt(typeWords.Count - 1);
                }

                words.InsertRange(0, typeWords);
            }

            var title = CodeFixTitles.ReadSecretFromConfiguration;
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => FixAsync(context.Document, literal, words, ct), equivalenceKey: title),
                context.Diagnostics);
        }

        private static async Task<Document> FixAsync(Document document, LiteralExpressionSyntax literal, System.Collections.Generic.List<string> words, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return document;
            }

            ExpressionSyntax lookup;
            string missingMessage;
            var configuration = FindConfiguration(model, literal, cancellationToken);
            if (configuration != null)
            {
                var key = IdentifierWords.ToConfigurationKey(words);
                lookup = ElementAccessExpression(configuration).AddArgumentListArguments(Argument(String(key)));
                missingMessage = "Missing configuration value '" + key + "'.";
            }
            else
            {
                var variable = IdentifierWords.ToEnvironmentVariable(words);
                lookup = InvocationExpression(ParseExpression("System.Environment.GetEnvironmentVariable").WithAdditionalAnnotations(Simplifier.Annotation))
                    .AddArgumentListArguments(Argument(String(variable)));
                missingMessage = "Set the " + variable + " environment variable.";
            }

            ExpressionSyntax replacement = BinaryExpression(
                SyntaxKind.CoalesceExpression,
                lookup,
                ThrowExpression(
                    ObjectCreationExpression(ParseTypeName("System.InvalidOperationException").WithAdditionalAnnotations(Simplifier.Annotation))
                        .AddArgumentListArguments(Argument(String(missingMessage)))));
            replacement = replacement.WithTriviaFrom(literal);

            if (literal.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: { } holder } } }
                && RemoveConst(holder.ReplaceNode(literal, replacement)) is { } newHolder)
            {
                return document.WithSyntaxRoot(root.ReplaceNode(holder, newHolder));
            }

            return document.WithSyntaxRoot(root.ReplaceNode(literal, replacement));
        }

        /// <summary>The declaration without <c>const</c> (the value is no longer a constant), or null when it was not const.</summary>
        private static SyntaxNode? RemoveConst(SyntaxNode holder)
        {
            switch (holder)
            {
                case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    var constToken = field.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                    var modifiers = field.Modifiers.Replace(constToken, Token(SyntaxKind.StaticKeyword).WithTriviaFrom(constToken))
                        .Insert(field.Modifiers.IndexOf(constToken) + 1, Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(Space));
                    modifiers = FixSpacing(modifiers);
                    return field.WithModifiers(modifiers);
                case LocalDeclarationStatementSyntax local when local.IsConst:
                    return local.WithModifiers(default).WithLeadingTrivia(local.GetLeadingTrivia());
                default:
                    return null;
            }
        }

        private static SyntaxTokenList FixSpacing(SyntaxTokenList modifiers)
        {
            // "const" carried the trailing space; "static readonly " keeps exactly one space between words.
            var list = modifiers.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].IsKind(SyntaxKind.StaticKeyword) && i + 1 < list.Count && list[i + 1].IsKind(SyntaxKind.ReadOnlyKeyword))
                {
                    list[i] = list[i].WithTrailingTrivia(Space);
                }
            }

            return TokenList(list);
        }

        private static LiteralExpressionSyntax String(string value)
            => LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(value));

        private static string? SecretName(LiteralExpressionSyntax literal) => literal.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax d } => d.Identifier.ValueText,
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax p } => p.Identifier.ValueText,
            ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax p } => p.Identifier.ValueText,
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax id } => id.Identifier.ValueText,
            AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax m } => m.Name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>An IConfiguration the code at <paramref name="node"/> can use: a local, parameter, field or property, or <c>builder.Configuration</c>.</summary>
        private static ExpressionSyntax? FindConfiguration(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        {
            var configurationType = model.Compilation.GetTypeByMetadataName(ConfigurationInterface);
            if (configurationType == null)
            {
                return null;
            }

            var member = node.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            var inInitializer = member is FieldDeclarationSyntax || (member is PropertyDeclarationSyntax p && p.Initializer != null);
            var isStatic = member is BaseMethodDeclarationSyntax m && m.Modifiers.Any(SyntaxKind.StaticKeyword);
            ExpressionSyntax? direct = null;
            string? viaProperty = null;
            foreach (var symbol in model.LookupSymbols(node.SpanStart).OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (type, instanceMember) = symbol switch
                {
                    ILocalSymbol l => (l.Type, false),
                    IParameterSymbol pa => (pa.Type, false),
                    IFieldSymbol f => (f.Type, !f.IsStatic),
                    IPropertySymbol pr => (pr.Type, !pr.IsStatic),
                    _ => ((ITypeSymbol?)null, false),
                };
                if (type == null || (instanceMember && (inInitializer || isStatic)) || !IsUsableHere(symbol, node))
                {
                    continue;
                }

                if (Implements(type, configurationType))
                {
                    direct ??= IdentifierName(symbol.Name);
                }
                else if (viaProperty == null && symbol is ILocalSymbol or IParameterSymbol
                    && type.GetMembers("Configuration").OfType<IPropertySymbol>().Any(c => Implements(c.Type, configurationType)))
                {
                    // builder.Configuration (WebApplicationBuilder), app.Configuration (WebApplication)…
                    viaProperty = symbol.Name;
                }
            }

            if (direct != null || viaProperty == null)
            {
                return direct;
            }

            return MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(viaProperty), IdentifierName("Configuration"));
        }

        /// <summary>
        /// LookupSymbols also offers locals the code cannot use: top-level-statement locals from another file,
        /// locals of a different member. Keep a local or parameter only when its declaration encloses the node.
        /// </summary>
        private static bool IsUsableHere(ISymbol symbol, SyntaxNode node)
        {
            if (symbol is not (ILocalSymbol or IParameterSymbol))
            {
                return true;
            }

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

            return container != null && container.Span.Contains(node.Span);
        }

        private static bool Implements(ITypeSymbol type, INamedTypeSymbol configurationType)
            => SymbolEqualityComparer.Default.Equals(type, configurationType)
            || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, configurationType));
    }
}
