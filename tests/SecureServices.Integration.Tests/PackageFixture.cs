using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace SecureServices.Integration.Tests;

/// <summary>
/// Packs SecureServices.Analyzers once per run under a fresh version (NuGet never serves a stale copy of
/// it), into a local feed inside a temporary workspace whose nuget.config adds that feed to the machine's
/// sources. Samples are copied into the workspace and pinned to that version.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        RepoRoot = FindRepoRoot();
        Version = "0.1.0-it." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Guid.NewGuid().ToString("N")[..6];
        Workspace = Path.Combine(Path.GetTempPath(), "ssa-it-" + Guid.NewGuid().ToString("N")[..8]);
        Feed = Path.Combine(Workspace, "feed");
        Directory.CreateDirectory(Feed);

        var (exit, output) = DotNet.Run(RepoRoot, $"pack src/SecureServices.Analyzers.Package -c Release -p:Version={Version} -o \"{Feed}\" -nodeReuse:false");
        Assert.True(exit == 0, "pack failed:\n" + output);
        PackagePath = Directory.GetFiles(Feed, "*.nupkg").Single();

        File.WriteAllText(Path.Combine(Workspace, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="secureservices-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        // Nothing above the workspace may configure these builds.
        File.WriteAllText(Path.Combine(Workspace, ".editorconfig"), "root = true\n");
        File.WriteAllText(Path.Combine(Workspace, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Workspace, "Directory.Build.targets"), "<Project />");
    }

    public string RepoRoot { get; }

    public string Version { get; }

    public string Workspace { get; }

    public string Feed { get; }

    public string PackagePath { get; }

    /// <summary>Copies samples/ into a fresh folder of the workspace, consuming the packed version.</summary>
    public string CopySamples(string name)
    {
        var target = Path.Combine(Workspace, name);
        CopyDirectory(Path.Combine(RepoRoot, "samples"), target);
        var props = Path.Combine(target, "Directory.Build.props");
        File.WriteAllText(props, File.ReadAllText(props).Replace("<PropertyGroup>", $"<PropertyGroup>\n    <SecureServicesPackageVersion>{Version}</SecureServicesPackageVersion>", StringComparison.Ordinal));
        return target;
    }

    /// <summary>A small web service that references the package the way `dotnet add package` does.</summary>
    public string CreateWebProject(string name, string programCs, string? dockerfile, string extraProperties = "")
    {
        var dir = Path.Combine(Workspace, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SecureServices.Analyzers" Version="{Version}">
                  <PrivateAssets>all</PrivateAssets>
                  <IncludeAssets>runtime; build; native; contentfiles; analyzers; buildtransitive</IncludeAssets>
                </PackageReference>
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), programCs);
        if (dockerfile != null)
        {
            File.WriteAllText(Path.Combine(dir, "Dockerfile"), dockerfile);
        }

        return dir;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Workspace, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Any(p => p is "bin" or "obj"))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecureServices.Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "package";
}
