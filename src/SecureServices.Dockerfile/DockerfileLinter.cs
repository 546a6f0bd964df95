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

        private static readonly System.Collections.ObjectModel.ReadOnlyCollection<DockerfileRule> RuleSet = ReadOnlyTable.Of<DockerfileRule>(

            new BaseImageTagRule(),
            new BaseImageDigestRule(),
            new TrustedRegistryRule(),
            new FinalStageRootRule(),
            new SecretNameRule(),
            new SecretTokenRule(),
            new SecretFileCopyRule(),
            new DockerignoreRule(),
            new AddRules(),
            new PipeToShellRule(),
            new TlsVerificationRule(),
            new PackageManagerRule(),
            new PipefailRule(),
            new SudoRule(),
            new FileModeRule(),
            new PortRules(),
            new BuildToolFinalImageRule(),
            new DevelopmentEnvironmentRule(),
            new ShellFormEntrypointRule(),
            new OverriddenInstructionRule(),
            new FinalImageMetadataRule(),
            new RelativeWorkdirRule(),
            new CdRule(),
            new ConsecutiveRunRule(),
            new MaintainerRule());

        public static IReadOnlyList<DockerfileRule> Rules => RuleSet;

        /// <summary>Lints raw file content: detects binary files and decodes UTF-8 (with or without BOM).</summary>
        public static IReadOnlyList<Finding> Lint(byte[] content, LintOptions? options = null, DockerBuildContext? buildContext = null)
        {
            if (content.LongLength > MaxFileBytes)
            {
                return NotAnalyzable(SourceSpan.Start, EngineMessages.Arg(EngineMessages.TooLarge, content.LongLength / (1024 * 1024), MaxFileBytes / (1024 * 1024)));
            }

            // A NUL byte in the first 8 KB means binary (vectorized search, not a byte loop).
            if (Array.IndexOf(content, (byte)0, 0, Math.Min(content.Length, 8192)) >= 0)
            {
                return NotAnalyzable(SourceSpan.Start, EngineMessages.Arg(EngineMessages.Binary));
            }

            return Lint(Encoding.UTF8.GetString(content), options, buildContext);
        }

        /// <param name="buildContext">The build context (its .dockerignore and files), or null when unknown: the rules about it stay silent.</param>
        public static IReadOnlyList<Finding> Lint(string text, LintOptions? options = null, DockerBuildContext? buildContext = null)
        {
            options ??= LintOptions.Empty;
            DockerfileDocument document;
            try
            {
                document = DockerfileParser.Parse(text);
            }
            catch (Exception ex)
            {
                return NotAnalyzable(SourceSpan.Start, EngineMessages.Arg(EngineMessages.InternalParserError, ex.GetType().Name));
            }

            if (document.Error != null)
            {
                return NotAnalyzable(document.Error.Span, document.Error.Message);
            }

            var findings = new List<Finding>();
            var context = new DockerfileRuleContext(document, options, findings, buildContext);
            for (var r = 0; r < RuleSet.Count; r++)
            {
                var rule = RuleSet[r];
                var before = findings.Count;
                try
                {
                    rule.Analyze(context);
                }
                catch (Exception ex)
                {
                    findings.RemoveRange(before, findings.Count - before);
                    findings.Add(new Finding(RuleIds.DockerfileNotAnalyzable, SourceSpan.Start, EngineMessages.Arg(EngineMessages.RuleFailed, string.Join("/", rule.RuleIds), ex.GetType().Name)));
                }
            }

            var suppressions = Suppressions.Read(document);
            if (suppressions != null && suppressions.Count > 0)
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

        internal static IReadOnlyList<Finding> NotAnalyzable(SourceSpan span, LocalizedArgument reason)
            => new[] { new Finding(RuleIds.DockerfileNotAnalyzable, span, reason) };
    }
}
