using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace SecureServices.Integration.Tests;

/// <summary>The samples built against the packed nupkg, as a user builds them.</summary>
[Collection(PackageCollection.Name)]
public sealed class SampleTests(PackageFixture package)
{
    [Fact]
    public void VulnerableService_reports_csharp_and_dockerfile_findings_at_exact_places()
    {
        var samples = package.CopySamples("vulnerable-default");
        var result = DotNet.Build(Path.Combine(samples, "VulnerableService"), "");

        // C# findings come once per target framework (net10.0 and net8.0), as the compiler reports them.
        var options = result.Of("SSA1001").Where(f => f.File == "OrderStoreOptions.cs").ToList();
        Assert.Equal(2, options.Count);
        Assert.All(options, f => Assert.Equal(("9,44", "warning"), (f.Position, f.Severity)));
        Assert.Contains(options, f => f.Project.EndsWith("TargetFramework=net8.0", StringComparison.Ordinal));
        Assert.Contains(options, f => f.Project.EndsWith("TargetFramework=net10.0", StringComparison.Ordinal));
        Assert.Equal("'Password' is given a hard-coded secret (15 characters); read it from configuration or a secret store instead", options[0].Message);

        // The Dockerfile is linted once although the project multi-targets.
        var docker = result.Of("SSA7001").Where(f => f.File == "Dockerfile").ToList();
        var only = Assert.Single(docker);
        Assert.Equal(("6,6,6,37", "warning"), (only.Position, only.Severity));

        Assert.DoesNotContain("MSB4018", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", result.Output, StringComparison.Ordinal);
        var hasErrors = result.Findings.Any(f => f.Severity == "error");
        Assert.True(hasErrors == (result.ExitCode != 0), result.ToString());
    }

    [Fact]
    public void VulnerableService_fires_every_rule_and_SecureService_none()
    {
        var samples = package.CopySamples("coverage");
        // Report every one of our rules at warning, whatever its default severity, so suggestions count too
        // (only ours: the SDK's own CA rules keep their defaults).
        var expected = CatalogIds().Where(id => !id.StartsWith("SSA9", StringComparison.Ordinal)).ToList();
        File.WriteAllText(
            Path.Combine(samples, ".editorconfig"),
            "[*]\n" + string.Concat(expected.Select(id => $"dotnet_diagnostic.{id}.severity = warning\n")));

        var vulnerable = DotNet.Build(Path.Combine(samples, "VulnerableService"), "-f net10.0");
        var fired = vulnerable.Findings.Select(f => f.Id).ToHashSet();
        var missing = expected.Where(id => !fired.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "VulnerableService does not fire: " + string.Join(", ", missing) + "\n" + vulnerable);

        var secure = DotNet.Build(Path.Combine(samples, "SecureService"), "");
        Assert.True(secure.ExitCode == 0, secure.ToString());
        Assert.True(secure.Findings.Count == 0, "SecureService fires:\n" + string.Join("\n", secure.Findings));
    }

    [Fact]
    public void SecureService_builds_clean_with_TreatWarningsAsErrors_at_default_severities()
    {
        var samples = package.CopySamples("secure-default");
        var result = DotNet.Build(Path.Combine(samples, "SecureService"), "-p:TreatWarningsAsErrors=true");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Findings);
        Assert.Contains("0 Warning(s)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Dotnet_format_applies_the_SSA1001_fix_to_a_copy_of_the_sample()
    {
        var samples = package.CopySamples("format");
        var project = Path.Combine(samples, "VulnerableService");
        var (exit, output) = DotNet.Run(project, "format analyzers VulnerableService.csproj --diagnostics SSA1001 --severity warn");
        Assert.True(exit == 0, output);

        Assert.Equal(
            """
            namespace VulnerableService.Options;

            public sealed class OrderStoreOptions
            {
                public string Server { get; set; } = "orders-db";

                public string UserName { get; set; } = "orders";

                public string Password { get; set; } = Environment.GetEnvironmentVariable("ORDER_STORE_PASSWORD") ?? throw new InvalidOperationException("Set the ORDER_STORE_PASSWORD environment variable.");
            }

            """.Replace("\r\n", "\n"),
            File.ReadAllText(Path.Combine(project, "Options", "OrderStoreOptions.cs")).Replace("\r\n", "\n"));
        Assert.Contains(
            "string adminPassword = app.Configuration[\"Admin:Password\"] ?? throw new InvalidOperationException(\"Missing configuration value 'Admin:Password'.\");",
            File.ReadAllText(Path.Combine(project, "Program.cs")),
            StringComparison.Ordinal);

        // The fixed code compiles and no longer has the finding.
        var rebuilt = DotNet.Build(project, "-f net10.0");
        Assert.DoesNotContain(rebuilt.Findings, f => f.Id == "SSA1001");
        Assert.DoesNotContain(" error CS", rebuilt.Output, StringComparison.Ordinal);
    }

    private string[] CatalogIds()
    {
        var ids = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(f => File.ReadAllLines(Path.Combine(package.RepoRoot, "src", "SecureServices.Analyzers", f)))
            .Select(l => Regex.Match(l, @"^(SSA\d{4})\s*\|"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToArray();
        Assert.NotEmpty(ids);
        return ids;
    }
}
