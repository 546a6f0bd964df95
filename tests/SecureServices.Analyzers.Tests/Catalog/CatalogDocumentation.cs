using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SecureServices.Analyzers.Catalog;

namespace SecureServices.Analyzers.Tests.Catalog;

/// <summary>Renders everything derived from the catalog: docs page headers, the README table, the release file.</summary>
internal static class CatalogDocumentation
{
    public const string HeaderStart = "<!-- generated from the rule catalog: edit RuleCatalog*.cs, not this block -->";
    public const string HeaderEnd = "<!-- end of generated block -->";
    public const string TableStart = "<!-- rules:start (generated from the rule catalog) -->";
    public const string TableEnd = "<!-- rules:end -->";

    public static string Header(RuleDefinition rule, bool hasCodeFix)
    {
        var sb = new StringBuilder();
        sb.Append(HeaderStart).Append('\n');
        sb.Append("# ").Append(rule.Id).Append(": ").Append(rule.Title.English).Append('\n').Append('\n');
        sb.Append("*").Append(rule.Title.French).Append("*").Append('\n').Append('\n');
        sb.Append("| Property | Value |\n|---|---|\n");
        sb.Append("| Id | ").Append(rule.Id).Append(" |\n");
        sb.Append("| Category | ").Append(rule.Category).Append(" |\n");
        sb.Append("| Default severity | ").Append(SeverityWord(rule.DefaultSeverity)).Append(" |\n");
        sb.Append("| Reported by | ").Append(rule.Surface == RuleSurface.CSharp ? "C# analyzer (compiler and IDE)" : "Dockerfile task (`dotnet build`)").Append(" |\n");
        sb.Append("| Code fix | ").Append(hasCodeFix ? "Yes" : "No").Append(" |\n");
        sb.Append("| Guidance | ").Append(string.Join("; ", rule.Guidance.Select(GuidanceSections.Describe))).Append(" |\n");
        sb.Append("| CWE | ").Append(rule.Cwe > 0 ? $"[CWE-{rule.Cwe}](https://cwe.mitre.org/data/definitions/{rule.Cwe}.html)" : "—").Append(" |\n");
        sb.Append('\n');
        sb.Append("**Message:** ").Append(rule.Message.English).Append('\n').Append('\n');
        sb.Append("**Message (français) :** ").Append(rule.Message.French).Append('\n').Append('\n');
        sb.Append(rule.Description.English).Append('\n');
        sb.Append(HeaderEnd).Append('\n');
        return sb.ToString();
    }

    public static string ReadmeTable(IReadOnlyList<RuleDefinition> rules, Func<string, bool> hasCodeFix)
    {
        var sb = new StringBuilder();
        sb.Append(TableStart).Append('\n');
        sb.Append("| Id | Rule | Default | Where | Fix | Guidance |\n|---|---|---|---|---|---|\n");
        foreach (var rule in rules)
        {
            sb.Append("| [").Append(rule.Id).Append("](docs/rules/").Append(rule.Id).Append(".md) | ")
                .Append(rule.Title.English).Append(" | ")
                .Append(SeverityWord(rule.DefaultSeverity)).Append(" | ")
                .Append(rule.Surface == RuleSurface.CSharp ? "C#" : "Dockerfile").Append(" | ")
                .Append(hasCodeFix(rule.Id) ? "✓" : "").Append(" | ")
                .Append(string.Join(", ", rule.Guidance.Select(s => "§" + s))).Append(" |\n");
        }

        sb.Append(TableEnd).Append('\n');
        return sb.ToString();
    }

    public static string UnshippedReleases(IEnumerable<RuleDefinition> rules)
    {
        var sb = new StringBuilder();
        sb.Append("; Unshipped analyzer release\n");
        sb.Append("; https://github.com/dotnet/roslyn-analyzers/blob/main/src/Microsoft.CodeAnalysis.Analyzers/ReleaseTrackingAnalyzers.Help.md\n");
        sb.Append("; Generated from the rule catalog by CatalogDocumentationTests: do not edit by hand.\n\n");
        sb.Append("### New Rules\n\n");
        sb.Append("Rule ID | Category | Severity | Notes\n");
        sb.Append("--------|----------|----------|-------\n");
        foreach (var rule in rules)
        {
            sb.Append(rule.Id).Append(" | ").Append(rule.Category).Append(" | ").Append(ReleaseSeverity(rule.DefaultSeverity)).Append(" | ").Append(rule.Title.English).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Replaces the text between <paramref name="start"/> and <paramref name="end"/> (markers included).</summary>
    public static string ReplaceBlock(string text, string start, string end, string block)
    {
        var a = text.IndexOf(start, StringComparison.Ordinal);
        var b = text.IndexOf(end, StringComparison.Ordinal);
        if (a < 0 || b < a)
        {
            return block + "\n" + text;
        }

        var afterEnd = text.IndexOf('\n', b);
        afterEnd = afterEnd < 0 ? text.Length : afterEnd + 1;
        return text.Substring(0, a) + block + text.Substring(afterEnd);
    }

    public static string SeverityWord(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "Error",
        RuleSeverity.Warning => "Warning",
        RuleSeverity.Suggestion => "Suggestion",
        RuleSeverity.Hidden => "Silent",
        _ => "None (opt-in)",
    };

    private static string ReleaseSeverity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "Error",
        RuleSeverity.Warning => "Warning",
        RuleSeverity.Suggestion => "Info",
        RuleSeverity.Hidden => "Hidden",
        _ => "Disabled",
    };
}
