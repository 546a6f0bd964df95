using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xunit;
using static SecureServices.Analyzers.Tasks.Tests.TaskHarness;

namespace SecureServices.Analyzers.Tasks.Tests;

/// <summary>A test that needs named pipes or Unix symbolic links: skipped on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "named pipes (mkfifo) and Unix symbolic links";
        }
    }
}

/// <summary>
/// Files that are not regular files (named pipes) and symbolic links that leave the build context: the task
/// never opens a pipe (opening one blocks until a writer appears), reports it once as SSA9001 at that file,
/// and reads context files only inside the context, as the builder does.
/// </summary>
public sealed class HostileFileTests : IDisposable
{
    private const string CopyAll = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY . .\nUSER app\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n";
    private const string Excludes = "**/.git\n**/bin\n**/obj\n**/*.pfx\n";
    private const string NotRegularEn = "Dockerfile not analyzed: the path is not a regular file (a named pipe, a device or a socket); it is not read";

    private readonly string dir = Path.Combine(Path.GetTempPath(), "ssa-hostile-" + Guid.NewGuid().ToString("N"));
    private readonly string context;

    public HostileFileTests()
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, ".editorconfig"), "root = true\n");
        context = Path.Combine(dir, "ctx");
        Directory.CreateDirectory(context);
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

    [UnixFact]
    public void Dockerfile_that_is_a_named_pipe_gives_one_SSA9001_and_does_not_block()
    {
        var path = Fifo(Path.Combine(context, "Dockerfile"));
        var (task, engine) = Create(path);

        Assert.True(RunWithin(task));

        var w = Assert.Single(engine.Warnings);
        Assert.Equal(("SSA9001", path, 1, 1), (w.Code, w.File, w.LineNumber, w.ColumnNumber));
        Assert.Equal(NotRegularEn, w.Message);
    }

    [UnixFact]
    public void The_not_a_regular_file_reason_is_french_in_a_french_build()
    {
        var path = Fifo(Path.Combine(context, "Dockerfile"));
        var (task, engine) = Create(path);
        task.UICulture = "fr";

        Assert.True(RunWithin(task));

        var w = Assert.Single(engine.Warnings);
        Assert.Equal("SSA9001", w.Code);
        Assert.Equal("Dockerfile non analysé : le chemin ne désigne pas un fichier ordinaire (tube nommé, périphérique ou socket) ; il n'est pas lu", w.Message);
    }

    [UnixFact]
    public void Dockerignore_that_is_a_named_pipe_is_reported_at_itself_and_the_context_rules_stay_silent()
    {
        var path = Write(Path.Combine(context, "Dockerfile"), CopyAll);
        var ignore = Fifo(Path.Combine(context, ".dockerignore"));
        var (task, engine) = Create(path);

        Assert.True(RunWithin(task));

        var w = Assert.Single(engine.Warnings);
        Assert.Equal(("SSA9001", ignore, 1, 1), (w.Code, w.File, w.LineNumber, w.ColumnNumber));
        Assert.Contains(engine.Messages, m => m.Message.StartsWith("SecureServices: linted 1 Dockerfile(s),", StringComparison.Ordinal)); // the pipe is not counted as a Dockerfile
        Assert.Equal("Dockerfile not analyzed: the build context file '.dockerignore' is not a regular file (a named pipe, a device or a socket); it is not read", w.Message);
    }

    [UnixFact]
    public void Context_file_a_rule_reads_that_is_a_named_pipe_is_reported_once_and_treated_as_absent()
    {
        var path = Write(Path.Combine(context, "Dockerfile"), CopyAll + "COPY . /again\n");
        Write(Path.Combine(context, ".dockerignore"), Excludes);
        var env = Fifo(Path.Combine(context, ".env"));
        var (task, engine) = Create(path);

        Assert.True(RunWithin(task));

        // SSA7008: the .dockerignore lets .env through (both COPY . lines); .env itself is never opened.
        Assert.Equal(new[] { "SSA7008", "SSA7008", "SSA9001" }, engine.Warnings.Select(w => w.Code).OrderBy(c => c, StringComparer.Ordinal));
        var pipe = Assert.Single(engine.Warnings, w => w.Code == "SSA9001");
        Assert.Equal((env, 1, 1), (pipe.File, pipe.LineNumber, pipe.ColumnNumber));
        Assert.Equal("Dockerfile not analyzed: the build context file '.env' is not a regular file (a named pipe, a device or a socket); it is not read", pipe.Message);
    }

    [UnixFact]
    public void Editorconfig_that_is_a_named_pipe_is_ignored_without_blocking()
    {
        var path = Write(Path.Combine(context, "Dockerfile"), "FROM mcr.microsoft.com/dotnet/aspnet\nUSER app\n");
        Fifo(Path.Combine(context, ".editorconfig"));
        var (task, engine) = Create(path);

        Assert.True(RunWithin(task));

        Assert.Equal("SSA7001", Assert.Single(engine.Warnings).Code);
    }

    [UnixFact]
    public void Symbolic_link_out_of_the_context_is_an_absent_file()
    {
        var path = ContextWithEnvLink(Path.Combine("..", "outside", ".env"));
        var (task, engine) = Create(path);

        Assert.True(RunWithin(task));

        // Only the .dockerignore finding: .env does not resolve inside the context, so nothing secret is copied.
        var w = Assert.Single(engine.Warnings);
        Assert.Equal("SSA7008", w.Code);
    }

    [UnixFact]
    public void Absolute_symbolic_link_resolves_inside_the_context_root_as_the_builder_does()
    {
        var path = ContextWithEnvLink(Path.Combine(dir, "outside", ".env"));
        var (task, engine) = Create(path);

        Assert.True(RunWithin(task));

        Assert.Equal("SSA7008", Assert.Single(engine.Warnings).Code);
    }

    [UnixFact]
    public void Symbolic_link_inside_the_context_is_followed()
    {
        var path = Write(Path.Combine(context, "Dockerfile"), CopyAll);
        Write(Path.Combine(context, ".dockerignore"), Excludes);
        Directory.CreateDirectory(Path.Combine(context, "config"));
        Write(Path.Combine(context, "config", "app.env"), "API_TOKEN=1\n");
        File.CreateSymbolicLink(Path.Combine(context, ".env"), Path.Combine("config", "..", "config", "app.env"));
        var (task, engine) = Create(path);

        Assert.True(RunWithin(task));

        Assert.Equal(new[] { "SSA7007", "SSA7008" }, engine.Warnings.Select(w => w.Code).OrderBy(c => c, StringComparer.Ordinal));
    }

    [UnixFact]
    public void Context_resolution_never_leaves_the_root()
    {
        var outside = Path.Combine(dir, "outside");
        Directory.CreateDirectory(outside);
        Write(Path.Combine(outside, "secret.txt"), "x");
        Write(Path.Combine(context, "in.txt"), "y");
        File.CreateSymbolicLink(Path.Combine(context, "up"), "../..");
        File.CreateSymbolicLink(Path.Combine(context, "abs"), "/in.txt");

        Assert.Null(FileProbe.ResolveInContext(context, "up/outside/secret.txt"));
        Assert.Equal(Path.Combine(context, "in.txt"), FileProbe.ResolveInContext(context, "up/in.txt"));
        Assert.Equal(Path.Combine(context, "in.txt"), FileProbe.ResolveInContext(context, "abs"));
        Assert.Equal(FileKind.SymbolicLink, FileProbe.KindOfLink(Path.Combine(context, "abs")));
        Assert.Equal(FileKind.Special, FileProbe.Kind(Fifo(Path.Combine(dir, "pipe"))));
        Assert.Equal(FileKind.Special, FileProbe.Kind("/dev/null"));
        Assert.Equal(FileKind.Regular, FileProbe.Kind(Path.Combine(context, "in.txt")));
        Assert.Equal(FileKind.Directory, FileProbe.Kind(context));
        Assert.Equal(FileKind.Missing, FileProbe.Kind(Path.Combine(context, "nope")));
    }

    /// <summary>A context whose .env is a symbolic link to <paramref name="target"/>; a real .env with a token waits outside the context.</summary>
    private string ContextWithEnvLink(string target)
    {
        var outside = Path.Combine(dir, "outside");
        Directory.CreateDirectory(outside);
        Write(Path.Combine(outside, ".env"), "API_TOKEN=1\n");
        Write(Path.Combine(context, ".dockerignore"), Excludes);
        File.CreateSymbolicLink(Path.Combine(context, ".env"), target);
        return Write(Path.Combine(context, "Dockerfile"), CopyAll);
    }

    /// <summary>Runs the task on another thread: a regression that blocks on a pipe fails the test instead of hanging the run.</summary>
    private static bool RunWithin(LintDockerfiles task)
    {
        var run = System.Threading.Tasks.Task.Run(task.Execute);
        Assert.True(run.Wait(TimeSpan.FromSeconds(30)), "the task blocked (did it open a named pipe?)");
        return run.Result;
    }

    private static string Fifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", new[] { path }) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    private static string Write(string path, string content)
    {
        File.WriteAllText(path, content);
        return path;
    }
}
