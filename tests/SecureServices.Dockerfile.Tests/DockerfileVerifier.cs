using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SecureServices.Dockerfile;
using Xunit;

namespace SecureServices.Dockerfile.Tests;

/// <summary>
/// Lints a Dockerfile written with markup: <c>{|SSA7004:text|}</c> marks the exact expected span of a finding.
/// Only the rule ids under test are compared, so each test states everything its rule reports and nothing else.
/// </summary>
internal static class Verify
{
    public static IReadOnlyList<Finding> Findings(
        string markup,
        string[] ids,
        IReadOnlyDictionary<string, string>? options = null,
        DockerBuildContext? context = null)
    {
        var (text, expected) = Parse(markup);
        var lintOptions = options == null ? null : new LintOptions(options);
        var all = DockerfileLinter.Lint(text, lintOptions, context);
        var actual = all.Where(f => ids.Contains(f.RuleId)).ToList();
        var expectedText = string.Join("\n", expected.OrderBy(e => e).Select(e => e));
        var actualText = string.Join("\n", actual.Select(f => f.RuleId + f.Span).OrderBy(s => s));
        Assert.True(expectedText == actualText, $"Expected:\n{expectedText}\nActual:\n{actualText}\nAll findings: {string.Join(", ", all.Select(f => f.RuleId + f.Span + " " + f.GetMessage(CultureInfo.InvariantCulture)))}");
        return actual;
    }

    public static IReadOnlyList<Finding> Findings(string markup, string id, IReadOnlyDictionary<string, string>? options = null, DockerBuildContext? context = null)
        => Findings(markup, new[] { id }, options, context);

    public static void None(string text, string id, IReadOnlyDictionary<string, string>? options = null, DockerBuildContext? context = null)
        => Findings(text, new[] { id }, options, context);

    public static Dictionary<string, string> Options(params (string Key, string Value)[] pairs)
        => pairs.ToDictionary(p => p.Key, p => p.Value);

    public static DockerBuildContext Context(string? dockerignore, params (string Path, string Content)[] files)
    {
        var map = files.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        return new DockerBuildContext(dockerignore, p => map.TryGetValue(p, out var c) ? c : null);
    }

    /// <summary>Strips markup; returns the text and the expected "ID(l,c,l,c)" strings.</summary>
    public static (string Text, List<string> Expected) Parse(string markup)
    {
        var sb = new StringBuilder();
        var expected = new List<string>();
        var open = new Stack<(string Id, int Line, int Column)>();
        var line = 1;
        var column = 1;
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                var colon = markup.IndexOf(':', i);
                open.Push((markup.Substring(i + 2, colon - i - 2), line, column));
                i = colon;
                continue;
            }

            if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (id, l, c) = open.Pop();
                expected.Add($"{id}({l},{c},{line},{column})");
                i++;
                continue;
            }

            var ch = markup[i];
            sb.Append(ch);
            if (ch == '\n')
            {
                line++;
                column = 1;
            }
            else if (ch != '\r')
            {
                column++;
            }
        }

        return (sb.ToString(), expected);
    }
}
