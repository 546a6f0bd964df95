using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SecureServices.Analyzers.Internals;
using SecureServices.Analyzers.Tests.Infrastructure;
using Xunit;

namespace SecureServices.Analyzers.Tests.Robustness;

/// <summary>The shared base-type check, including its shortcut for special types and structs.</summary>
public sealed class TypeHierarchyTests
{
    private static readonly CSharpCompilation Compilation = CSharpCompilation.Create(
        "Hierarchy",
        new[] { CSharpSyntaxTree.ParseText("class AppException : System.InvalidOperationException { } struct Point { } class Box<T> { } class IntBox : Box<int> { }") },
        TestReferenceSet.References);

    private static INamedTypeSymbol Type(string name) => Compilation.GetTypeByMetadataName(name)!;

    [Theory]
    [InlineData("AppException", "System.Exception", true)]
    [InlineData("System.ArgumentNullException", "System.ArgumentException", true)]
    [InlineData("System.Exception", "System.Exception", true)]
    [InlineData("System.String", "System.Exception", false)]
    [InlineData("System.Int32", "System.Exception", false)]
    [InlineData("Point", "System.Exception", false)]
    [InlineData("System.Int32", "System.ValueType", true)]
    [InlineData("Point", "System.ValueType", true)]
    [InlineData("System.String", "System.Object", true)]
    [InlineData("IntBox", "Box`1", true)]
    [InlineData("System.Exception", "AppException", false)]
    public void Derives_from(string type, string baseType, bool expected)
        => Assert.Equal(expected, TypeHierarchy.DerivesFrom(Type(type), Type(baseType)));

    [Fact]
    public void Missing_symbols_are_false()
    {
        Assert.False(TypeHierarchy.DerivesFrom(null, Type("System.Exception")));
        Assert.False(TypeHierarchy.DerivesFrom(Type("AppException"), null));
    }
}
