using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace SecureServices.Integration.Tests;

[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackageFixture package)
{
    [Fact]
    public void Nupkg_has_the_documented_layout_and_nothing_else()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var files = zip.Entries
            .Select(e => e.FullName)
            .Where(n => !n.StartsWith("_rels/") && !n.StartsWith("package/") && n != "[Content_Types].xml")
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(
            new[]
            {
                "README.md",
                "SecureServices.Analyzers.nuspec",
                "analyzers/dotnet/cs/SecureServices.Analyzers.CodeFixes.dll",
                "analyzers/dotnet/cs/SecureServices.Analyzers.dll",
                "build/SecureServices.Analyzers.Common.targets",
                "build/SecureServices.Analyzers.props",
                "build/SecureServices.Analyzers.targets",
                "buildTransitive/SecureServices.Analyzers.Common.targets",
                "buildTransitive/SecureServices.Analyzers.props",
                "buildTransitive/SecureServices.Analyzers.targets",
                "tasks/netstandard2.0/SecureServices.Analyzers.Tasks.dll",
                "tasks/netstandard2.0/SecureServices.Dockerfile.dll",
            },
            files);
    }

    [Fact]
    public void Nuspec_is_a_development_dependency_without_dependencies()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        using var stream = zip.GetEntry("SecureServices.Analyzers.nuspec")!.Open();
        var nuspec = XDocument.Load(stream);
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal("SecureServices.Analyzers", metadata.Element(ns + "id")!.Value);
        Assert.Equal(package.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("true", metadata.Element(ns + "developmentDependency")!.Value);
        Assert.Null(metadata.Element(ns + "dependencies"));
    }
}
