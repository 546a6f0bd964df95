using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace SecureServices.Integration.Tests;

/// <summary>
/// One small web project with one C# finding and one Dockerfile finding, built with the real CLI under each
/// configuration a user has: .editorconfig severities, NoWarn, WarningsAsErrors, TreatWarningsAsErrors,
/// the UI language, the on/off switch, incremental builds and a broken Dockerfile.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class BuildConfigurationTests(PackageFixture package)
{
    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Run();

        internal static class MailSettings
        {
            internal static string relayPassword = "relay-2024-secret";
        }

        """;

    // SSA7001 on the image reference: line 1, columns 6 to 44 (end exclusive).
    private const string Dockerfile = """
        FROM mcr.microsoft.com/dotnet/aspnet:latest
        WORKDIR /app
        COPY bin/app/ .
        USER app
        ENTRYPOINT ["dotnet", "Cfg.dll"]

        """;

    [Fact]
    public void Default_severities_give_warnings_in_file_line_col_form_and_success()
    {
        var result = Build("default");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(new Finding("Program.cs", "7,44", "warning", "SSA1001", "'relayPassword' is given a hard-coded secret (17 characters); read it from configuration or a secret store instead", result.Of("SSA1001").Single().Project), result.Of("SSA1001").Single());
        var docker = result.Of("SSA7001").Single();
        Assert.Equal(("Dockerfile", "1,6,1,44", "warning"), (docker.File, docker.Position, docker.Severity));
        Assert.Matches(@"Dockerfile\(1,6,1,44\): warning SSA7001: Base image 'mcr\.microsoft\.com/dotnet/aspnet:latest'", result.Output);
    }

    [Fact]
    public void Editorconfig_error_fails_the_build_for_both_kinds()
    {
        var result = Build("editorconfig-error", editorconfig: "[*]\ndotnet_diagnostic.SSA1001.severity = error\ndotnet_diagnostic.SSA7001.severity = error\n");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("error", result.Of("SSA1001").Single().Severity);
        Assert.Equal("error", result.Of("SSA7001").Single().Severity);
    }

    [Fact]
    public void Editorconfig_none_silences_both_kinds()
    {
        var result = Build("editorconfig-none", editorconfig: "[*.cs]\ndotnet_diagnostic.SSA1001.severity = none\ndotnet_diagnostic.SSA7001.severity = none\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void NoWarn_silences_both_kinds()
    {
        var result = Build("nowarn", properties: "<NoWarn>$(NoWarn);SSA1001;SSA7001</NoWarn>");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void TreatWarningsAsErrors_fails_the_build_for_both_kinds()
    {
        var result = Build("twae", properties: "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("error", result.Of("SSA1001").Single().Severity);
        Assert.Equal("error", result.Of("SSA7001").Single().Severity);
    }

    [Fact]
    public void WarningsAsErrors_promotes_only_the_listed_ids()
    {
        var result = Build("wae", properties: "<WarningsAsErrors>$(WarningsAsErrors);SSA7001</WarningsAsErrors>");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("warning", result.Of("SSA1001").Single().Severity);
        Assert.Equal("error", result.Of("SSA7001").Single().Severity);
    }

    [Fact]
    public void French_ui_language_gives_french_messages_for_both_kinds()
    {
        var result = Build("french", environment: new Dictionary<string, string> { ["DOTNET_CLI_UI_LANGUAGE"] = "fr" });

        Assert.Equal("'relayPassword' reçoit un secret codé en dur (17 caractères) ; lisez-le plutôt depuis la configuration ou un coffre de secrets", result.Of("SSA1001").Single().Message);
        Assert.Equal("L'image de base 'mcr.microsoft.com/dotnet/aspnet:latest' désigne l'étiquette mobile « latest » ; fixez une étiquette de version (et idéalement un condensé) pour des constructions reproductibles et vérifiées", result.Of("SSA7001").Single().Message);
    }

    [Fact]
    public void SecureServicesUICulture_sets_the_dockerfile_messages_language()
    {
        var result = Build("ui-culture", properties: "<SecureServicesUICulture>fr</SecureServicesUICulture>");

        Assert.StartsWith("L'image de base 'mcr.microsoft.com/dotnet/aspnet:latest' désigne", result.Of("SSA7001").Single().Message, StringComparison.Ordinal);
        Assert.StartsWith("'relayPassword' is given", result.Of("SSA1001").Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_switch_off_skips_the_dockerfile()
    {
        var result = Build("switch-off", properties: "<SecureServicesLintDockerfiles>false</SecureServicesLintDockerfiles>");

        Assert.Empty(result.Of("SSA7001"));
        Assert.Single(result.Of("SSA1001"));
    }

    [Fact]
    public void Broken_dockerfile_gives_SSA9001_and_the_build_goes_on()
    {
        var result = Build("broken", dockerfile: "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nRUNN echo hi\n");

        Assert.Equal(0, result.ExitCode);
        var finding = result.Of("SSA9001").Single();
        Assert.Equal(("Dockerfile", "2,1,2,5", "warning"), (finding.File, finding.Position, finding.Severity));
        Assert.Equal("Dockerfile not analyzed: unknown instruction 'RUNN'", finding.Message);
        Assert.DoesNotContain("MSB4018", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unchanged_project_skips_the_lint_target_and_a_changed_dockerfile_reruns_it()
    {
        var dir = package.CreateWebProject("Incremental", Program, Dockerfile);
        var first = DotNet.Build(dir, "");
        Assert.Single(first.Of("SSA7001"));

        var second = DotNet.Build(dir, "-v:d");
        Assert.Equal(0, second.ExitCode);
        Assert.Empty(second.Of("SSA7001"));
        Assert.Contains("Skipping target \"SecureServicesLintDockerfiles\" because all output files are up-to-date", second.Output, StringComparison.Ordinal);

        File.AppendAllText(Path.Combine(dir, "Dockerfile"), "LABEL org.opencontainers.image.version=\"1.0\"\n");
        var third = DotNet.Build(dir, "");
        Assert.Single(third.Of("SSA7001"));
    }

    [Fact]
    public void Error_findings_are_reported_again_on_the_next_build()
    {
        var dir = package.CreateWebProject("ErrorAgain", Program, Dockerfile);
        File.WriteAllText(Path.Combine(dir, ".editorconfig"), "[*]\ndotnet_diagnostic.SSA7001.severity = error\n");

        Assert.NotEqual(0, DotNet.Build(dir, "").ExitCode);
        var again = DotNet.Build(dir, "");
        Assert.NotEqual(0, again.ExitCode);
        Assert.Equal("error", again.Of("SSA7001").Single().Severity);
    }

    private BuildResult Build(string name, string properties = "", string? editorconfig = null, string? dockerfile = Dockerfile, IDictionary<string, string>? environment = null)
    {
        var dir = package.CreateWebProject("Cfg-" + name, Program, dockerfile, properties);
        if (editorconfig != null)
        {
            File.WriteAllText(Path.Combine(dir, ".editorconfig"), editorconfig);
        }

        return DotNet.Build(dir, "", environment);
    }
}
