using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace SecureServices.Analyzers.Tasks.Tests;

/// <summary>
/// The incremental target re-runs when any .dockerignore the task reads changes: the Inputs that
/// SecureServices.Analyzers.Common.targets computes (evaluated by the real MSBuild, no SDK) cover every
/// .dockerignore <see cref="LintDockerfiles.DockerignoreCandidates"/> names.
/// </summary>
public sealed class TargetsInputsTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "ssa-inputs-" + Guid.NewGuid().ToString("N"));

    public TargetsInputsTests() => Directory.CreateDirectory(dir);

    public void Dispose()
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void Inputs_list_the_dockerignore_the_task_reads_four_folders_up_and_at_an_explicit_context()
    {
        // repo/.git, repo/.dockerignore; the project four folders down (Visual Studio-like layout, deeper).
        var repo = Path.Combine(dir, "repo");
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        var project = Path.Combine(repo, "src", "services", "orders", "Api");
        Directory.CreateDirectory(project);
        var rootIgnore = Write(Path.Combine(repo, ".dockerignore"), "**/bin\n");
        var dockerfile = Write(Path.Combine(project, "Dockerfile"), "FROM alpine:3.20\n");
        var context = Path.Combine(dir, "elsewhere");
        Directory.CreateDirectory(context);
        var contextIgnore = Write(Path.Combine(context, ".dockerignore"), "**/obj\n");
        var other = Write(Path.Combine(project, "worker.Dockerfile"), "FROM alpine:3.20\n");
        var specificIgnore = Write(other + ".dockerignore", "**/.env\n");

        // What the task reads: the repository root's .dockerignore for the Dockerfile (four folders up).
        Assert.Equal("**/bin\n", LintDockerfiles.CreateBuildContext(dockerfile, null)!.DockerignoreText);
        Assert.Equal("**/.env\n", LintDockerfiles.CreateBuildContext(other, context)!.DockerignoreText); // BuildKit: the Dockerfile-specific one wins

        var projectFile = Write(Path.Combine(project, "Api.proj"), $"""
            <Project>
              <PropertyGroup>
                <SecureServicesLintDockerfiles>true</SecureServicesLintDockerfiles>
                <SecureServicesTasksAssembly>{typeof(LintDockerfiles).Assembly.Location}</SecureServicesTasksAssembly>
                <EnableDefaultSecureServicesDockerfileItems>false</EnableDefaultSecureServicesDockerfileItems>
              </PropertyGroup>
              <Import Project="{TargetsFile()}" />
              <ItemGroup>
                <SecureServicesDockerfile Include="Dockerfile" />
                <SecureServicesDockerfile Include="worker.Dockerfile" BuildContext="{context}" />
              </ItemGroup>
            </Project>
            """);

        var inputs = EvaluateInputs(projectFile);

        foreach (var (file, contextMetadata) in new[] { (dockerfile, (string?)null), (other, context) })
        {
            foreach (var candidate in LintDockerfiles.DockerignoreCandidates(file, contextMetadata).Where(File.Exists))
            {
                Assert.Contains(Path.GetFullPath(candidate), inputs);
            }
        }

        Assert.Contains(rootIgnore, inputs);
        Assert.Contains(contextIgnore, inputs);
        Assert.Contains(specificIgnore, inputs);
    }

    [Fact]
    public void A_deleted_editorconfig_or_a_command_line_setting_changes_the_inputs_list_and_nothing_else_does()
    {
        var project = Path.Combine(dir, "Api");
        Directory.CreateDirectory(project);
        Write(Path.Combine(project, "Dockerfile"), "FROM alpine:3.20\n");
        var editorconfig = Write(Path.Combine(project, ".editorconfig"), "[*]\nsecureservices.x = y\n");
        var projectFile = Write(Path.Combine(project, "Api.proj"), $"""
            <Project>
              <PropertyGroup>
                <SecureServicesLintDockerfiles>true</SecureServicesLintDockerfiles>
                <SecureServicesTasksAssembly>{typeof(LintDockerfiles).Assembly.Location}</SecureServicesTasksAssembly>
                <EnableDefaultSecureServicesDockerfileItems>false</EnableDefaultSecureServicesDockerfileItems>
                <IntermediateOutputPath>obj/</IntermediateOutputPath>
                <NoWarn>CS1591;SSA7001</NoWarn>
              </PropertyGroup>
              <Import Project="{TargetsFile()}" />
              <ItemGroup>
                <SecureServicesDockerfile Include="Dockerfile" />
                <PotentialEditorConfigFiles Include="{editorconfig}" />
              </ItemGroup>
            </Project>
            """);
        var list = Path.Combine(project, "obj", "SecureServices.Dockerfiles.inputs");

        // The list is an input of the target itself.
        Assert.Contains(Path.GetFullPath(list), EvaluateInputs(projectFile));
        var first = File.ReadAllText(list);
        Assert.Contains(Path.GetFullPath(editorconfig), first, StringComparison.Ordinal);
        Assert.Contains("NoWarn=CS1591;SSA7001", first, StringComparison.Ordinal);
        var written = File.GetLastWriteTimeUtc(list);

        // Nothing changed: the file is not rewritten, so a no-change build still skips the target.
        File.SetLastWriteTimeUtc(list, written.AddMinutes(-5));
        EvaluateInputs(projectFile);
        Assert.Equal(written.AddMinutes(-5), File.GetLastWriteTimeUtc(list));

        // The .editorconfig is deleted: the list changes (its timestamp moves on), so the target runs again.
        File.Delete(editorconfig);
        EvaluateInputs(projectFile);
        var second = File.ReadAllText(list);
        Assert.DoesNotContain(Path.GetFullPath(editorconfig), second, StringComparison.Ordinal);
        Assert.True(File.GetLastWriteTimeUtc(list) > written.AddMinutes(-5));

        // A setting given on the command line changes it too.
        EvaluateInputs(projectFile, "-p:TreatWarningsAsErrors=true");
        Assert.Contains("TreatWarningsAsErrors=true", File.ReadAllText(list), StringComparison.Ordinal);
    }

    private static HashSet<string> EvaluateInputs(string projectFile, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet", new[] { "msbuild", projectFile, "-nologo", "-nodeReuse:false", "-t:_SecureServicesCollectLintInputs", "-getItem:_SecureServicesLintInputs" }.Concat(extra))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "msbuild did not finish");
        Assert.True(process.ExitCode == 0, output + error);

        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("Items").GetProperty("_SecureServicesLintInputs").EnumerateArray()
            .Select(item => Path.GetFullPath(item.GetProperty("FullPath").GetString()!))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string TargetsFile()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "SecureServices.Analyzers.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        }

        return Path.Combine(dir, "src", "SecureServices.Analyzers.Package", "build", "SecureServices.Analyzers.Common.targets");
    }

    private static string Write(string path, string content)
    {
        File.WriteAllText(path, content);
        return path;
    }
}
