using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace SecureServices.Analyzers.Tasks.Tests;

/// <summary>The task as a test runs it: one Dockerfile, English messages, a recording build engine.</summary>
internal static class TaskHarness
{
    public static (LintDockerfiles Task, FakeBuildEngine Engine) Create(string dockerfile)
    {
        var engine = new FakeBuildEngine();
        var task = new LintDockerfiles
        {
            BuildEngine = engine,
            Dockerfiles = new ITaskItem[] { new TaskItem(dockerfile) },
            UICulture = "en",
        };
        return (task, engine);
    }
}
