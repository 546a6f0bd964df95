using System;
using System.Collections.Generic;
using System.Text;
using SecureServices.Analyzers.Catalog;
using SecureServices.Dockerfile.Parsing;
using SecureServices.Dockerfile.Rules;

namespace SecureServices.Dockerfile
{
    /// <summary>
    /// Text in, findings out. Never throws: a file that cannot be read as a Dockerfile gives one SSA9001
    /// finding with a location, and a rule that fails gives SSA9001 instead of taking the build down.
    /// </summary>
    public static class DockerfileLinter
    {
        /// <summary>Larger files are not Dockerfiles anyone wrote by hand; they are reported, not parsed.</summary>
        public const long MaxFileBytes = 4 * 1024 * 1024;

        private static readonly DockerfileRule[] RuleSet =
        {
            new BaseImageTagRule(),
        };

        public static IReadOnlyList<DockerfileRule> Rules => RuleSet;

        /// <summary>Lints raw file content: detects binary files and decodes UTF-8 (with or without BOM).</summary>
        public static IReadOnlyList<Finding> Lint(byte[] content, LintOptions? options = null)
        {
            if (content.LongLength > MaxFileBytes)
            {
                return NotAnalyzable(SourceSpan.Start, $"the file is {content.LongLength / (1024 * 1024)} MB, larger than the {MaxFileBytes / (1024 * 1024)} MB limit");
            }

            var probe = Math.Min(content.Length, 8192);
            for (var i = 0; i < probe; i++)
            {
                if (content[i] == 0)
                {
                    return NotAnalyzable(SourceSpan.Start, "the file is binary, not text");
                }
            }

            return Lint(Encoding.UTF8.GetString(content), options);
        }

        public static IReadOnlyList<Finding> Lint(string text, LintOptions? options = null)
        {
            options ??= LintOptions.Empty;
            DockerfileDocument document;
            try
            {
                document = DockerfileParser.Parse(text);
            }
            catch (Exception ex)
            {
                return NotAnalyzable(SourceSpan.Start, "internal parser error (" + ex.GetType().Name + ")");
            }

            if (document.Error != null)
            {
                return NotAnalyzable(document.Error.Span, document.Error.Message);
            }

            var findings = new List<Finding>();
            var context = new DockerfileRuleContext(document, options, findings);
            foreach (var rule in RuleSet)
            {
                var before = findings.Count;
                try
                {
                    rule.Analyze(context);
                }
                catch (Exception ex)
                {
                    findings.RemoveRange(before, findings.Count - before);
                    findings.Add(new Finding(RuleIds.DockerfileNotAnalyzable, SourceSpan.Start, "rule " + string.Join("/", rule.RuleIds) + " failed (" + ex.GetType().Name + ")"));
                }
            }

            var suppressions = Suppressions.Read(document);
            if (suppressions.Count > 0)
            {
                findings.RemoveAll(f => suppressions.IsSuppressed(f));
            }

            findings.Sort((a, b) =>
            {
                var c = a.Span.StartLine.CompareTo(b.Span.StartLine);
                if (c == 0)
                {
                    c = a.Span.StartColumn.CompareTo(b.Span.StartColumn);
                }

                return c != 0 ? c : string.CompareOrdinal(a.RuleId, b.RuleId);
            });
            return findings;
        }

        private static IReadOnlyList<Finding> NotAnalyzable(SourceSpan span, string reason)
            => new[] { new Finding(RuleIds.DockerfileNotAnalyzable, span, reason) };
    }
}
