using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xunit;
using static SecureServices.Analyzers.Tasks.Tests.TaskHarness;

namespace SecureServices.Analyzers.Tasks.Tests;

/// <summary>The build context reaches the engine (.dockerignore, context files) and the optional SARIF log.</summary>
public sealed class BuildContextAndSarifTests : IDisposable
{
    private const string CopyAll = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY . .\nUSER app\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";

    private readonly string dir = Path.Combine(Path.GetTempPath(), "ssa-ctx-" + Guid.NewGuid().ToString("N"));

    public BuildContextAndSarifTests()
    {
        Directory.CreateDirectory(dir);
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
    public void Copy_dot_without_dockerignore_is_reported_at_the_dot()
    {
        var path = Write("Dockerfile", CopyAll);
        var (task, engine) = Create(path);

        Assert.True(task.Execute());
        var w = Assert.Single(engine.Warnings);
        Assert.Equal(("SSA7008", 3, 6, 3, 7), (w.Code, w.LineNumber, w.ColumnNumber, w.EndLineNumber, w.EndColumnNumber));
        Assert.Equal("'COPY . .' copies the whole build context, but there is no .dockerignore beside it", w.Message);
    }

    [Fact]
    public void Dockerignore_beside_the_dockerfile_is_read_and_secret_files_in_the_context_are_reported()
    {
        var path = Write("Dockerfile", CopyAll);
        Write(".dockerignore", "**/.git\n**/bin\n**/obj\n*.pfx\n");
        Write(".env", "DB_PASSWORD=x\n");
        Write("appsettings.Development.json", "{}");
        var (task, engine) = Create(path);

        Assert.True(task.Execute());
        Assert.Equal(
            new[] { "SSA7007 '.env'", "SSA7007 'appsettings.Development.json'", "SSA7008" },
            engine.Warnings.Select(w => w.Code + (w.Code == "SSA7007" ? " '" + w.Message.Split('\'')[3] + "'" : string.Empty)).OrderBy(s => s, StringComparer.Ordinal));
        Assert.Contains(engine.Warnings, w => w.Message == "'COPY . .' copies the whole build context, but the .dockerignore does not exclude '.env'");
    }

    [Fact]
    public void Dockerfile_specific_ignore_file_wins_over_the_context_one()
    {
        var path = Write("api.Dockerfile", CopyAll);
        Write(".dockerignore", "nothing\n");
        Write("api.Dockerfile.dockerignore", "**/.git\n**/bin\n**/obj\n**/.env\n**/*.pfx\n");
        var (task, engine) = Create(path);

        Assert.True(task.Execute());
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void BuildContext_metadata_points_the_engine_at_another_folder()
    {
        var context = Path.Combine(dir, "ctx");
        Directory.CreateDirectory(context);
        File.WriteAllText(Path.Combine(context, ".dockerignore"), "**/.git\n**/bin\n**/obj\n**/.env\n**/*.pfx\n");
        var path = Write("Dockerfile", CopyAll);
        var (task, engine) = Create(path);
        var item = new TaskItem(path);
        item.SetMetadata("BuildContext", context);
        task.Dockerfiles = new ITaskItem[] { item };

        Assert.True(task.Execute());
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void Visual_studio_layout_uses_the_dockerignore_of_the_solution_folder()
    {
        var project = Path.Combine(dir, "src", "WebApp");
        Directory.CreateDirectory(project);
        Write(".dockerignore", "**/.git\n**/bin\n**/obj\n**/.env\n**/*.pfx\n");
        Directory.CreateDirectory(Path.Combine(dir, ".git"));
        var path = Path.Combine(project, "Dockerfile");
        File.WriteAllText(path, CopyAll);
        var (task, engine) = Create(path);

        Assert.True(task.Execute());
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void Relative_BuildContext_is_resolved_from_the_dockerfile_folder()
    {
        var project = Path.Combine(dir, "WebApp");
        Directory.CreateDirectory(project);
        Write(".env", "A=1\n");
        var path = Path.Combine(project, "Dockerfile");
        File.WriteAllText(path, CopyAll);
        var (task, engine) = Create(path);
        var item = new TaskItem(path);
        item.SetMetadata("BuildContext", "..");
        task.Dockerfiles = new ITaskItem[] { item };

        Assert.True(task.Execute());
        Assert.Equal(new[] { "SSA7007", "SSA7008" }, engine.Warnings.Select(w => w.Code).OrderBy(c => c, StringComparer.Ordinal));
    }

    [Fact]
    public void Multi_stage_file_reports_only_the_final_stage_for_stage_sensitive_rules()
    {
        var path = Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nUSER root\nRUN dotnet publish -o /app\n\nFROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final\nCOPY --from=build /app /app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n");
        var (task, engine) = Create(path);

        Assert.True(task.Execute());
        var w = Assert.Single(engine.Warnings);
        Assert.Equal(("SSA7004", 5, 1, 5, 51), (w.Code, w.LineNumber, w.ColumnNumber, w.EndLineNumber, w.EndColumnNumber));
    }

    [Fact]
    public void Ignore_comments_silence_findings_in_the_build()
    {
        var path = Write("Dockerfile", "# secureservices ignore-file=SSA7001\nFROM mcr.microsoft.com/dotnet/aspnet\n# secureservices ignore=SSA7004 -- the init container needs root\nUSER root\n");
        var (task, engine) = Create(path);

        Assert.True(task.Execute());
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void Suggestions_are_logged_as_messages_with_their_code()
    {
        var path = Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER app\n");
        var (task, engine) = Create(path);

        Assert.True(task.Execute());
        Assert.Empty(engine.Warnings);
        Assert.Contains(engine.Messages, m => m.Code == "SSA7023" && m.LineNumber == 1);
    }

    [Fact]
    public void Sarif_log_has_rule_metadata_help_links_exact_regions_and_no_secret()
    {
        var aws = "AKIA" + "QZ7B3XK2M4N6P5R2";
        var path = Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet\nENV AWS_ACCESS_KEY_ID=" + aws + "\nUSER app\n");
        var sarifPath = Path.Combine(dir, "out", "docker.sarif");
        var (task, engine) = Create(path);
        task.Sarif = sarifPath;

        Assert.False(task.Execute()); // SSA7006 is an error by default
        var text = File.ReadAllText(sarifPath);
        Assert.DoesNotContain(aws, text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var run = json.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var ssa7006 = rules.Single(r => r.GetProperty("id").GetString() == "SSA7006");
        Assert.Equal("https://github.com/secureservices/SecureServices.Analyzers/blob/main/docs/rules/SSA7006.md", ssa7006.GetProperty("helpUri").GetString());
        Assert.Equal("error", ssa7006.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var secret = results.Single(r => r.GetProperty("ruleId").GetString() == "SSA7006");
        Assert.Equal("error", secret.GetProperty("level").GetString());
        var region = secret.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((2, 23, 2, 43), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
        Assert.Equal(new Uri(path).AbsoluteUri, secret.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.StartsWith("AWS access key id 'AKIA…' (20 characters)", secret.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "SSA7001" && r.GetProperty("level").GetString() == "warning");
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "SSA7023" && r.GetProperty("level").GetString() == "note");
        Assert.Equal(engine.Errors.Count + engine.Warnings.Count + engine.Messages.Count(m => m.Code != null), results.Count);
    }

    [Fact]
    public void Sarif_log_is_written_even_without_findings_and_in_french()
    {
        var path = Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER app\n# secureservices ignore-file=SSA7023,SSA7027\n");
        var sarifPath = Path.Combine(dir, "clean.sarif");
        var (task, _) = Create(path);
        task.Sarif = sarifPath;
        task.UICulture = "fr";

        Assert.True(task.Execute());
        using var json = JsonDocument.Parse(File.ReadAllText(sarifPath));
        Assert.Empty(json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("fr", json.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("language").GetString());
    }

    [Theory]
    [InlineData("Dockerfile.missing", "Dockerfile non analysé : le fichier n'existe pas")]
    [InlineData("Dockerfile.bad", "Dockerfile non analysé : instruction inconnue « RUNN »")]
    public void Tool_reasons_are_french_under_a_french_ui_culture(string name, string message)
    {
        var path = name == "Dockerfile.bad" ? Write(name, "FROM alpine:3.20\nRUNN x\n") : Path.Combine(dir, name);
        var (task, engine) = Create(path);
        task.UICulture = "fr-CA";

        Assert.True(task.Execute());
        Assert.Equal(message, Assert.Single(engine.Warnings).Message);
    }

    [Fact]
    public void Unwritable_sarif_path_warns_and_does_not_fail()
    {
        var path = Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER app\n");
        var blocker = Write("blocker", "x");
        var (task, engine) = Create(path);
        task.Sarif = Path.Combine(blocker, "x.sarif");

        Assert.True(task.Execute());
        Assert.StartsWith("SecureServices: could not write the SARIF file", Assert.Single(engine.Warnings).Message, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
