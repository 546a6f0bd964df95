using System.Collections.Generic;
using SecureServices.Dockerfile.Parsing;

namespace SecureServices.Dockerfile.Rules
{
    /// <summary>What a rule sees: the parsed file, its options, and where to report.</summary>
    public sealed class DockerfileRuleContext
    {
        private readonly List<Finding> findings;

        internal DockerfileRuleContext(DockerfileDocument document, LintOptions options, List<Finding> findings)
        {
            Document = document;
            Options = options;
            this.findings = findings;
        }

        public DockerfileDocument Document { get; }

        public LintOptions Options { get; }

        public void Report(string ruleId, SourceSpan span, params string[] messageArguments)
            => findings.Add(new Finding(ruleId, span, messageArguments));
    }

    /// <summary>One Dockerfile rule (or a few closely related ids). Rules are stateless singletons.</summary>
    public abstract class DockerfileRule
    {
        /// <summary>The catalog ids this rule can report.</summary>
        public abstract IReadOnlyList<string> RuleIds { get; }

        public abstract void Analyze(DockerfileRuleContext context);
    }
}
