using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Tests.Infrastructure;
using Xunit;

namespace SecureServices.Analyzers.Tests.Catalog;

/// <summary>
/// The catalog is the single source of truth: these tests regenerate what derives from it (docs headers,
/// README table, AnalyzerReleases.Unshipped.md) and fail when anything drifted, and check that every
/// entry is implemented, documented and translated.
/// </summary>
public sealed class CatalogTests
{
    private static readonly IReadOnlyList<DiagnosticAnalyzer> Analyzers = typeof(DescriptorFactory).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToArray();

    private static readonly HashSet<string> FixableIds = typeof(CodeFixes.Secrets.ReadSecretFromConfigurationCodeFix).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
        .ToHashSet(StringComparer.Ordinal);

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Fact]
    public void Ids_are_unique_well_formed_and_in_their_area_range()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var rule in RuleCatalog.All)
        {
            Assert.Matches("^SSA[1-9][0-9]{3}$", rule.Id);
            var expectedSurface = rule.Id[3] == '7' || rule.Id[3] == '9' ? RuleSurface.Dockerfile : RuleSurface.CSharp;
            Assert.True(expectedSurface == rule.Surface, rule.Id + " is in the wrong range for its surface");
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_is_translated_and_well_formed(string id)
    {
        var rule = RuleCatalog.Get(id);
        foreach (var (en, fr) in new[] { (rule.Title.English, rule.Title.French), (rule.Message.English, rule.Message.French), (rule.Description.English, rule.Description.French) })
        {
            Assert.False(string.IsNullOrWhiteSpace(en), id + ": empty English text");
            Assert.False(string.IsNullOrWhiteSpace(fr), id + ": empty French text");
            Assert.NotEqual(en, fr);
            Assert.Equal(Placeholders(en), Placeholders(fr));
        }

        Assert.False(rule.Title.English.EndsWith('.'), id + ": titles do not end with a period");
        Assert.Equal(RuleDefinition.HelpBaseUri + id + ".md", rule.HelpLink);
        Assert.NotEmpty(rule.Guidance);
        Assert.All(rule.Guidance, s => Assert.True(GuidanceSections.Titles.ContainsKey(s), id + " cites unknown section " + s));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void CSharp_rule_has_exactly_one_analyzer_built_from_the_catalog(string id)
    {
        var rule = RuleCatalog.Get(id);
        if (rule.Surface != RuleSurface.CSharp)
        {
            return;
        }

        var descriptors = Analyzers.SelectMany(a => a.SupportedDiagnostics).Where(d => d.Id == id).ToList();
        Assert.NotEmpty(descriptors);
        foreach (var d in descriptors)
        {
            Assert.Equal(rule.Category, d.Category);
            Assert.Equal(rule.HelpLink, d.HelpLinkUri);
            Assert.Equal(rule.Title.English, d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Analyzers_report_only_catalog_ids()
    {
        foreach (var d in Analyzers.SelectMany(a => a.SupportedDiagnostics))
        {
            Assert.True(RuleCatalog.TryGet(d.Id, out _), d.Id + " is not in the catalog");
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Docs_page_exists_with_generated_header_and_written_body(string id)
    {
        var rule = RuleCatalog.Get(id);
        var path = RepoPaths.Combine("docs", "rules", id + ".md");
        var header = CatalogDocumentation.Header(rule, FixableIds.Contains(id));
        var current = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : string.Empty;
        var expected = CatalogDocumentation.ReplaceBlock(current, CatalogDocumentation.HeaderStart, CatalogDocumentation.HeaderEnd, header);
        if (expected != current)
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(expected == current, $"docs/rules/{id}.md header drifted from the catalog and was regenerated: review and commit it.");
        var body = expected.Substring(expected.IndexOf(CatalogDocumentation.HeaderEnd, StringComparison.Ordinal));
        foreach (var heading in new[] { "## Why it matters", "## How to fix", "## Suppression" })
        {
            Assert.True(body.Contains(heading, StringComparison.Ordinal), $"docs/rules/{id}.md needs a '{heading}' section");
        }

        foreach (var section in rule.Guidance)
        {
            Assert.True(body.Contains("§" + section, StringComparison.Ordinal), $"docs/rules/{id}.md body must cite §{section}");
        }
    }

    [Fact]
    public void Readme_rule_table_is_generated_from_the_catalog()
    {
        var path = RepoPaths.Combine("README.md");
        var current = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.Contains(CatalogDocumentation.TableStart, current);
        var expected = CatalogDocumentation.ReplaceBlock(current, CatalogDocumentation.TableStart, CatalogDocumentation.TableEnd, CatalogDocumentation.ReadmeTable(RuleCatalog.All, FixableIds.Contains));
        if (expected != current)
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(expected == current, "README.md rule table drifted from the catalog and was regenerated: review and commit it.");
    }

    [Fact]
    public void Release_tracking_files_list_exactly_the_catalog()
    {
        var shippedPath = RepoPaths.Combine("src", "SecureServices.Analyzers", "AnalyzerReleases.Shipped.md");
        var shipped = File.ReadAllLines(shippedPath).Select(l => Regex.Match(l, @"^(SSA\d{4})\s*\|")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
        var unshippedPath = RepoPaths.Combine("src", "SecureServices.Analyzers", "AnalyzerReleases.Unshipped.md");
        var current = File.ReadAllText(unshippedPath).Replace("\r\n", "\n");
        var expected = CatalogDocumentation.UnshippedReleases(RuleCatalog.All.Where(r => !shipped.Contains(r.Id)));
        if (expected != current)
        {
            File.WriteAllText(unshippedPath, expected);
        }

        Assert.True(expected == current, "AnalyzerReleases.Unshipped.md drifted from the catalog and was regenerated: review and commit it.");
    }

    [Fact]
    public void Every_code_fix_targets_a_catalog_rule()
    {
        Assert.All(FixableIds, id => Assert.True(RuleCatalog.TryGet(id, out _), id));
    }

    private static string[] Placeholders(string format)
        => Regex.Matches(format, @"\{(\d+)[^}]*\}").Select(m => m.Groups[1].Value).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray();
}
