using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xunit;
using static SecureServices.Analyzers.Tasks.Tests.TaskHarness;

namespace SecureServices.Analyzers.Tasks.Tests;

/// <summary>The task as MSBuild runs it: exact codes, files and positions; severities from configuration; never a crash.</summary>
public sealed class LintDockerfilesTests : IDisposable
{
    private const string Untagged = "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet --info\n\nFROM mcr.microsoft.com/dotnet/aspnet\nCOPY --from=build /src /app\nUSER app\n";

    private readonly string dir = Path.Combine(Path.GetTempPath(), "ssa-task-" + Guid.NewGuid().ToString("N"));

    public LintDockerfilesTests()
    {
        Directory.CreateDirectory(dir);
        // Stop .editorconfig discovery here, whatever the temp folder's parents hold.
        File.WriteAllText(Path.Combine(dir, ".editorconfig"), "root = true\n");
    }

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
    public void Finding_is_logged_as_a_warning_with_code_exact_span_and_help_link()
    {
        var path = Write("Dockerfile", Untagged);
        var (task, engine) = Create(path);

        Assert.True(task.Execute());

        var w = Assert.Single(engine.Warnings);
        Assert.Equal("SSA7001", w.Code);
        Assert.Equal(path, w.File);
        Assert.Equal((4, 6, 4, 37), (w.LineNumber, w.ColumnNumber, w.EndLineNumber, w.EndColumnNumber));
        Assert.Equal("Base image 'mcr.microsoft.com/dotnet/aspnet' resolves to the moving 'latest' tag; pin a version tag (and ideally a digest) so builds are reproducible and reviewed", w.Message);
        Assert.Equal("https://github.com/secureservices/SecureServices.Analyzers/blob/main/docs/rules/SSA7001.md", w.HelpLink);
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void Editorconfig_error_severity_fails_the_task_and_writes_no_stamp()
    {
        var path = Write("Dockerfile", Untagged);
        File.AppendAllText(Path.Combine(dir, ".editorconfig"), "\n[Dockerfile]\ndotnet_diagnostic.SSA7001.severity = error\n");
        var stamp = Path.Combine(dir, "obj", "lint.stamp");
        var (task, engine) = Create(path);
        task.StampFile = stamp;

        Assert.False(task.Execute());

        var e = Assert.Single(engine.Errors);
        Assert.Equal(("SSA7001", 4, 6), (e.Code, e.LineNumber, e.ColumnNumber));
        Assert.Empty(engine.Warnings);
        Assert.False(File.Exists(stamp));
    }

    [Fact]
    public void Success_writes_the_stamp()
    {
        var path = Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER app\n");
        var stamp = Path.Combine(dir, "obj", "lint.stamp");
        var (task, engine) = Create(path);
        task.StampFile = stamp;

        Assert.True(task.Execute());
        Assert.Empty(engine.Warnings);
        Assert.True(File.Exists(stamp));
    }

    [Theory]
    [InlineData("[*]\ndotnet_diagnostic.SSA7001.severity = none\n")]
    [InlineData("[*.cs]\ndotnet_diagnostic.SSA7001.severity = none\n")]
    [InlineData("[*]\ndotnet_analyzer_diagnostic.category-Security.Container.severity = none\n")]
    public void Editorconfig_none_silences_the_rule(string editorconfig)
    {
        var path = Write("Dockerfile", Untagged);
        File.AppendAllText(Path.Combine(dir, ".editorconfig"), "\n" + editorconfig);
        var (task, engine) = Create(path);

        Assert.True(task.Execute());
        Assert.Empty(engine.Warnings);
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void Matching_section_wins_over_a_section_for_other_files()
    {
        var path = Write("Dockerfile", Untagged);
        File.AppendAllText(Path.Combine(dir, ".editorconfig"), "\n[*.cs]\ndotnet_diagnostic.SSA7001.severity = none\n\n[Dockerfile]\ndotnet_diagnostic.SSA7001.severity = error\n");
        var (task, engine) = Create(path);

        Assert.False(task.Execute());
        Assert.Equal("SSA7001", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void Global_analyzer_config_applies()
    {
        var path = Write("Dockerfile", Untagged);
        var global = Write(".globalconfig", "is_global = true\ndotnet_diagnostic.SSA7001.severity = error\n");
        var (task, engine) = Create(path);
        task.GlobalAnalyzerConfigFiles = new ITaskItem[] { new TaskItem(global) };

        Assert.False(task.Execute());
        Assert.Single(engine.Errors);
    }

    [Fact]
    public void NoWarn_suppresses_the_warning()
    {
        var path = Write("Dockerfile", Untagged);
        var (task, engine) = Create(path);
        task.NoWarn = "CS1591;SSA7001";

        Assert.True(task.Execute());
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void TreatWarningsAsErrors_promotes_the_finding_unless_listed_in_WarningsNotAsErrors()
    {
        var path = Write("Dockerfile", Untagged);
        var (task, engine) = Create(path);
        task.TreatWarningsAsErrors = true;
        Assert.False(task.Execute());
        Assert.Equal("SSA7001", Assert.Single(engine.Errors).Code);

        var (task2, engine2) = Create(path);
        task2.TreatWarningsAsErrors = true;
        task2.WarningsNotAsErrors = "SSA7001";
        Assert.True(task2.Execute());
        Assert.Single(engine2.Warnings);
    }

    [Fact]
    public void WarningsAsErrors_promotes_only_the_listed_ids()
    {
        var path = Write("Dockerfile", Untagged);
        var (task, engine) = Create(path);
        task.WarningsAsErrors = "SSA7001";
        Assert.False(task.Execute());
        Assert.Single(engine.Errors);

        var (task2, engine2) = Create(path);
        task2.WarningsAsErrors = "SSA7002";
        Assert.True(task2.Execute());
        Assert.Single(engine2.Warnings);
    }

    [Fact]
    public void French_ui_culture_gives_french_messages()
    {
        var path = Write("Dockerfile", Untagged);
        var (task, engine) = Create(path);
        task.UICulture = "fr-CA";

        Assert.True(task.Execute());
        Assert.Equal(
            "L'image de base 'mcr.microsoft.com/dotnet/aspnet' désigne l'étiquette mobile « latest » ; fixez une étiquette de version (et idéalement un condensé) pour des constructions reproductibles et vérifiées",
            Assert.Single(engine.Warnings).Message);
    }

    [Fact]
    public void Missing_file_gives_SSA9001_not_a_crash()
    {
        var path = Path.Combine(dir, "Dockerfile.missing");
        var (task, engine) = Create(path);

        Assert.True(task.Execute());
        var w = Assert.Single(engine.Warnings);
        Assert.Equal(("SSA9001", path, 1, 1), (w.Code, w.File, w.LineNumber, w.ColumnNumber));
        Assert.Equal("Dockerfile not analyzed: the file does not exist", w.Message);
    }

    [Fact]
    public void Directory_instead_of_a_file_gives_SSA9001()
    {
        var path = Path.Combine(dir, "Dockerfile.d");
        Directory.CreateDirectory(path);
        var (task, engine) = Create(path);

        Assert.True(task.Execute());
        Assert.Equal("Dockerfile not analyzed: the path is a folder, not a file", Assert.Single(engine.Warnings).Message);
    }

    [Fact]
    public void Binary_file_gives_SSA9001()
    {
        var path = Path.Combine(dir, "Dockerfile");
        File.WriteAllBytes(path, new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2 });
        var (task, engine) = Create(path);

        Assert.True(task.Execute());
        Assert.Equal("Dockerfile not analyzed: the file is binary, not text", Assert.Single(engine.Warnings).Message);
    }

    [Fact]
    public void Enormous_file_gives_SSA9001_without_reading_it()
    {
        var path = Path.Combine(dir, "Dockerfile");
        using (var f = File.Create(path))
        {
            f.SetLength(50L * 1024 * 1024);
        }

        var (task, engine) = Create(path);
        Assert.True(task.Execute());
        Assert.Equal("Dockerfile not analyzed: the file is 50 MB, larger than the 4 MB limit", Assert.Single(engine.Warnings).Message);
    }

    [Fact]
    public void Half_written_file_gives_one_SSA9001_at_the_offending_token()
    {
        var path = Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nRUNN apt-get update\n");
        var (task, engine) = Create(path);

        Assert.True(task.Execute());
        var w = Assert.Single(engine.Warnings);
        Assert.Equal(("SSA9001", 2, 1, 2, 5), (w.Code, w.LineNumber, w.ColumnNumber, w.EndLineNumber, w.EndColumnNumber));
        Assert.Equal("Dockerfile not analyzed: unknown instruction 'RUNN'", w.Message);
    }

    [Fact]
    public void Path_with_spaces_and_non_ascii_characters_is_reported_as_is()
    {
        var sub = Path.Combine(dir, "mon service été");
        Directory.CreateDirectory(sub);
        var path = Path.Combine(sub, "api.Dockerfile");
        File.WriteAllText(path, Untagged, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var (task, engine) = Create(path);

        Assert.True(task.Execute());
        var w = Assert.Single(engine.Warnings);
        Assert.Equal((path, 4, 6), (w.File, w.LineNumber, w.ColumnNumber));
    }

    [Fact]
    public void The_same_file_listed_twice_is_linted_once()
    {
        var path = Write("Dockerfile", Untagged);
        var (task, engine) = Create(path);
        task.Dockerfiles = new ITaskItem[] { new TaskItem(path), new TaskItem(Path.Combine(dir, ".", "Dockerfile")) };

        Assert.True(task.Execute());
        Assert.Single(engine.Warnings);
    }

    [Fact]
    public void No_dockerfile_means_nothing_logged_but_the_summary()
    {
        var engine = new FakeBuildEngine();
        var task = new LintDockerfiles { BuildEngine = engine, Dockerfiles = Array.Empty<ITaskItem>() };

        Assert.True(task.Execute());
        Assert.Empty(engine.Warnings);
        Assert.Empty(engine.Errors);
        Assert.Equal("SecureServices: linted 0 Dockerfile(s), 0 finding(s) reported.", Assert.Single(engine.Messages).Message);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
