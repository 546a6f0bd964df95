using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace SecureServices.Analyzers.Tests.Robustness;

/// <summary>
/// Hostile inputs (1 MB literal, deep nesting, huge interpolation, invalid UTF-16, thousands of endpoints):
/// every analyzer finishes without an exception and no message echoes a huge or secret value. Time is not
/// asserted here: `dotnet run --project tests/SecureServices.Benchmarks -c Release -- scaling` compares two
/// sizes of each input and fails when an analyzer grows faster than linearly.
/// </summary>
public sealed class HostileInputTests
{
    public static IEnumerable<object[]> Inputs => HostileInputs.All.Select(i => new object[] { i.Name });

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Hostile_input_never_crashes_an_analyzer(string name)
    {
        var input = HostileInputs.All.Single(i => i.Name == name);
        var outcome = AnalyzerHarness.Analyze(AnalyzerHarness.Compile(input.Generate(input.TestSize), $"/src/{name}.cs"));

        Assert.True(outcome.Exceptions.IsEmpty, string.Join("\n\n", outcome.Exceptions.Take(3)));
        // A finding on a huge value must not carry the value: messages stay short.
        var longest = outcome.Diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).OrderByDescending(m => m.Length).FirstOrDefault() ?? string.Empty;
        Assert.True(longest.Length < 1000, $"a message of {longest.Length} characters: {longest.Substring(0, Math.Min(200, longest.Length))}…");
    }

    [Fact]
    public void The_hostile_inputs_are_what_they_claim()
    {
        Assert.True(HostileInputs.LongLiteral(1024 * 1024).Length > 2 * 1024 * 1024);
        Assert.Contains('\uD83D', HostileInputs.InvalidUtf16(1));
        Assert.Equal(3000, HostileInputs.ManyEndpoints(3000).Split("app.Map").Length - 1);

        // The secret-named literals really reach the analyzers: at least the password rule sees them.
        var outcome = AnalyzerHarness.Analyze(AnalyzerHarness.Compile(HostileInputs.ManySecretLikeLiterals(10), "/src/secrets.cs"));
        Assert.Contains(outcome.Diagnostics, d => d.Id == "SSA1001");
    }
}
