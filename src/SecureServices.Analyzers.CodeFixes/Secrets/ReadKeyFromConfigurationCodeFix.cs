using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
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
    /// SSA1005: when the key is <c>Encoding.*.GetBytes("…")</c>, <c>Convert.FromBase64String("…")</c> or
    /// <c>Convert.FromHexString("…")</c>, keeps the conversion and replaces its constant argument with a lookup that fails
    /// loudly: <c>configuration["Jwt:SigningKey"] ?? throw …</c> when an IConfiguration is in scope, otherwise
    /// <c>Environment.GetEnvironmentVariable("JWT_SIGNING_KEY") ?? throw …</c>. The name comes from the variable that
    /// receives the key, else from the sink (SymmetricSecurityKey → Jwt:SigningKey, HMACSHA256 → Hmacsha256:Key).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReadKeyFromConfigurationCodeFix)), Shared]
    public sealed class ReadKeyFromConfigurationCodeFix : CodeFixProvider
    {
        internal const string Title = "Read the key from configuration";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HardCodedCryptographicKey);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node)
                {
                    continue;
                }

                var value = node is ArgumentSyntax argument ? argument.Expression : node as ExpressionSyntax;
                if (value is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } conversion
                    || conversion.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetBytes" or "FromBase64String" or "FromHexString" })
                {
                    continue;
                }

                var words = KeyWords(conversion);
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => FixAsync(context.Document, conversion.ArgumentList.Arguments[0].Expression, words, ct), equivalenceKey: Title),
                    diagnostic);
            }
        }

        private static List<string> KeyWords(InvocationExpressionSyntax conversion)
        {
            foreach (var ancestor in conversion.Ancestors())
            {
                string? name = ancestor switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Identifier.ValueText,
                    AssignmentExpressionSyntax { Left: IdentifierNameSyntax id } => id.Identifier.ValueText,
                    AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: not "Key" } member } => member.Name.Identifier.ValueText,
                    _ => null,
                };
                if (name != null)
                {
                    var words = IdentifierWords.Split(name);
                    if (words.Contains("key") || words.Contains("secret"))
                    {
                        return words;
                    }

                    break;
                }

                if (ancestor is StatementSyntax or MemberDeclarationSyntax)
                {
                    break;
                }
            }

            var creation = conversion.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
            var typeName = (creation as ObjectCreationExpressionSyntax)?.Type switch
            {
                IdentifierNameSyntax id => id.Identifier.ValueText,
                QualifiedNameSyntax q => q.Right.Identifier.ValueText,
                _ => null,
            };
            if (typeName == "SymmetricSecurityKey")
            {
                return new List<string> { "jwt", "signing", "key" };
            }

            var result = typeName != null ? IdentifierWords.Split(typeName) : new List<string> { "encryption" };
            result.Add("key");
            return result;
        }

        private static async Task<Document> FixAsync(Document document, ExpressionSyntax constant, List<string> words, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return document;
            }

            ExpressionSyntax lookup;
            string missingMessage;
            var configuration = ReadSecretFromConfigurationCodeFix.FindConfiguration(model, constant, cancellationToken);
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

            var replacement = BinaryExpression(
                SyntaxKind.CoalesceExpression,
                lookup,
                ThrowExpression(
                    ObjectCreationExpression(ParseTypeName("System.InvalidOperationException").WithAdditionalAnnotations(Simplifier.Annotation))
                        .AddArgumentListArguments(Argument(String(missingMessage)))));
            return document.WithSyntaxRoot(root.ReplaceNode(constant, replacement.WithTriviaFrom(constant)));
        }

        private static LiteralExpressionSyntax String(string value)
            => LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(value));
    }
}
