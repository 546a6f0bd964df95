using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace SecureServices.Integration.Tests;

/// <summary>A finding as `dotnet build` prints it: file(line,col[,endLine,endCol]): severity id: message.</summary>
public sealed record Finding(string File, string Position, string Severity, string Id, string Message, string Project);

public sealed record BuildResult(int ExitCode, string Output, IReadOnlyList<Finding> Findings)
{
    public IEnumerable<Finding> Of(string id) => Findings.Where(f => f.Id == id);

    public override string ToString() => $"exit {ExitCode}\n{Output}";
}

internal static partial class DotNet
{
    [GeneratedRegex(@"^\s*(?<file>.+?)\((?<pos>\d+,\d+(?:,\d+,\d+)?)\): (?<sev>warning|error) (?<id>SSA\d{4}): (?<msg>.*?)(?: \(https?://[^)]*\))?(?: \[(?<proj>[^\]]*)\])?$", RegexOptions.Multiline)]
    private static partial Regex FindingLine();

    public static (int ExitCode, string Output) Run(string workingDirectory, string arguments, IDictionary<string, string>? environment = null, int timeoutSeconds = 600)
    {
        var psi = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        // The test host's own MSBuild/SDK variables must not leak into the child build.
        // The CLI that started the tests also exported its UI language (VSLANG, PreferredUILang).
        foreach (var key in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH", "VSLANG", "PreferredUILang" })
        {
            psi.Environment.Remove(key);
        }

        if (environment != null)
        {
            foreach (var pair in environment)
            {
                psi.Environment[pair.Key] = pair.Value;
            }
        }

        using var process = Process.Start(psi)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {arguments} did not finish in {timeoutSeconds} s:\n{output}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    public static BuildResult Build(string workingDirectory, string arguments, IDictionary<string, string>? environment = null)
    {
        var (exit, output) = Run(workingDirectory, "build " + arguments + " -nodeReuse:false", environment);
        return new BuildResult(exit, output, Parse(output));
    }

    /// <summary>Distinct findings (MSBuild repeats them in its summary).</summary>
    public static IReadOnlyList<Finding> Parse(string output)
        => FindingLine().Matches(output)
            .Select(m => new Finding(
                Path.GetFileName(m.Groups["file"].Value.Trim()),
                m.Groups["pos"].Value,
                m.Groups["sev"].Value,
                m.Groups["id"].Value,
                m.Groups["msg"].Value,
                m.Groups["proj"].Value))
            .Distinct()
            .ToList();
}
