using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureServices.Analyzers.Rules.Secrets;
using SecureServices.Analyzers.Tests.Infrastructure;
using Xunit;

namespace SecureServices.Analyzers.Tests.Secrets;

/// <summary>
/// SSA1001 reads positional attribute arguments from the compiler's bound <see cref="AttributeData"/> instead of binding
/// each attribute again through the semantic model. The rule falls back to the semantic model when the lookup finds
/// nothing, so the rule's own tests pass either way: these tests pin the fast path itself, target by target.
/// </summary>
public sealed class AttributeDataLookupTests
{
    private const string Source = """
        using System;
        [assembly: Mark("assembly")]
        [module: Mark("module")]

        [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
        class MarkAttribute : Attribute { public MarkAttribute(string where) { } }

        [Mark("class")]
        class C
        {
            [Mark("fields")] int a, b;
            [Mark("property")] int P { [Mark("getter")] get; set; }
            [Mark("event")] event Action E;
            [Mark("constructor")] C() { }

            [Mark("method")]
            [return: Mark("return")]
            int M([Mark("parameter")] int x)
            {
                [Mark("local function")] int Local() => 1;
                Func<int, int> f = [Mark("lambda")] (int y) => y;
                return Local() + f(x);
            }

            void N<[Mark("type parameter")] T>() { }
        }

        [Mark("enum")] enum E { [Mark("enum member")] A }
        [Mark("delegate")] delegate void D();
        """;

    [Fact]
    public void Declarations_find_their_bound_attribute_and_bodies_fall_back()
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        var compilation = CSharpCompilation.Create("Lookup", new[] { tree }, TestReferenceSet.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var model = compilation.GetSemanticModel(tree);
        var found = tree.GetRoot().DescendantNodes().OfType<AttributeSyntax>()
            .Where(attribute => attribute.Name.ToString() == "Mark")
            .Select(attribute => (
                Where: ((LiteralExpressionSyntax)attribute.ArgumentList!.Arguments[0].Expression).Token.ValueText,
                Data: HardCodedPasswordAnalyzer.FindAttributeData(attribute, model, default)))
            .ToList();

        Assert.Equal(17, found.Count);
        foreach (var (where, data) in found)
        {
            if (where is "local function" or "lambda")
            {
                Assert.Null(data); // inside a body: the semantic model decides
            }
            else
            {
                Assert.True(data != null, where);
                Assert.Equal("MarkAttribute", data!.AttributeClass!.Name);
                Assert.Equal(where, data.ConstructorArguments[0].Value);
            }
        }
    }
}
