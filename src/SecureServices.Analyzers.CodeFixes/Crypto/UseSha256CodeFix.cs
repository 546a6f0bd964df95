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
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SecureServices.Analyzers.CodeFixes.Crypto
{
    /// <summary>
    /// SSA5001: <c>MD5/SHA1.Create()</c>, <c>.HashData(…)</c>, <c>.HashDataAsync(…)</c>, <c>.TryHashData(…)</c> → <c>SHA256.…</c>;
    /// <c>HMACMD5/HMACSHA1.HashData(…)</c> and <c>new HMACMD5/HMACSHA1(…)</c> → <c>HMACSHA256</c>; <c>new SHA1Managed()</c>,
    /// <c>new MD5CryptoServiceProvider()</c>… → <c>SHA256.Create()</c>; <c>IncrementalHash.CreateHash(HashAlgorithmName.MD5)</c>
    /// → <c>HashAlgorithmName.SHA256</c>. Not offered when the result is stored in a variable or member explicitly typed
    /// as the weak class (the fix would not compile). The digest length changes (32 bytes): stored hashes must be recomputed.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseSha256CodeFix)), Shared]
    public sealed class UseSha256CodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.WeakHashAlgorithm);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null || root.FindNode(context.Span, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
            {
                return;
            }

            var replacement = Replacement(expression);
            if (replacement == null || !TypeStaysCompatible(model, expression, context.CancellationToken))
            {
                return;
            }

            var title = CodeFixTitles.UseSha256;
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(expression, replacement.WithTriviaFrom(expression)))), equivalenceKey: title),
                context.Diagnostics);
        }

        private static ExpressionSyntax? Replacement(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CreateHash" or "CreateHMAC" } } incremental:
                    var args = incremental.ArgumentList.Arguments;
                    if (args.Count > 0 && args[0].Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "MD5" or "SHA1" } algorithm)
                    {
                        return incremental.ReplaceNode(algorithm.Name, IdentifierName("SHA256").WithTriviaFrom(algorithm.Name));
                    }

                    return null;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation:
                    var typeName = member.Expression switch
                    {
                        IdentifierNameSyntax id => id,
                        MemberAccessExpressionSyntax qualified => qualified.Name as IdentifierNameSyntax,
                        _ => null,
                    };
                    var newName = typeName == null ? null : Stronger(typeName.Identifier.ValueText);
                    return newName == null ? null : invocation.ReplaceNode(typeName!, IdentifierName(newName).WithTriviaFrom(typeName!));
                case ObjectCreationExpressionSyntax creation:
                    var created = creation.Type switch
                    {
                        IdentifierNameSyntax id => id.Identifier.ValueText,
                        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
                        _ => null,
                    };
                    if (created == "HMACMD5" || created == "HMACSHA1")
                    {
                        return creation.WithType(ParseTypeName("System.Security.Cryptography.HMACSHA256").WithAdditionalAnnotations(Simplifier.Annotation).WithTriviaFrom(creation.Type));
                    }

                    if (created != null && (creation.ArgumentList == null || creation.ArgumentList.Arguments.Count == 0) && creation.Initializer == null)
                    {
                        return InvocationExpression(ParseExpression("System.Security.Cryptography.SHA256.Create").WithAdditionalAnnotations(Simplifier.Annotation));
                    }

                    return null;
                default:
                    return null;
            }
        }

        private static string? Stronger(string weak) => weak switch
        {
            "MD5" or "SHA1" => "SHA256",
            "HMACMD5" or "HMACSHA1" => "HMACSHA256",
            _ => null,
        };

        /// <summary>False for <c>MD5 md5 = MD5.Create();</c> or <c>SHA1Managed s = new SHA1Managed();</c> (explicitly typed as the weak class).</summary>
        private static bool TypeStaysCompatible(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
        {
            var info = model.GetTypeInfo(expression, cancellationToken);
            if (info.ConvertedType == null || info.Type == null || !SymbolEqualityComparer.Default.Equals(info.ConvertedType, info.Type)
                || info.Type.SpecialType != SpecialType.None || info.Type is IArrayTypeSymbol || info.Type.ContainingNamespace?.ToDisplayString() != "System.Security.Cryptography"
                || info.Type.Name == "IncrementalHash")
            {
                return true;
            }

            var parent = expression.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                parent = parent.Parent;
            }

            return parent switch
            {
                MemberAccessExpressionSyntax => true,
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } => declaration.Type.IsVar,
                _ => false,
            };
        }
    }
}
