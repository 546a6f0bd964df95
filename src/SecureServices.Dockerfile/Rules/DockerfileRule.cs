using System;
using System.Collections.Generic;
using SecureServices.Dockerfile.Parsing;
using SecureServices.Dockerfile.Shell;

namespace SecureServices.Dockerfile.Rules
{
    /// <summary>What a rule sees: the parsed file, its options, the build context, and where to report. Shared facts are computed once.</summary>
    public sealed class DockerfileRuleContext
    {
        private readonly List<Finding> findings;
        private bool[]? inFinalImage;
        private List<BuildStage>? finalImageChain;

        internal DockerfileRuleContext(DockerfileDocument document, LintOptions options, List<Finding> findings, DockerBuildContext? buildContext = null)
        {
            Document = document;
            Options = options;
            BuildContext = buildContext;
            this.findings = findings;
        }

        public DockerfileDocument Document { get; }

        public LintOptions Options { get; }

        /// <summary>The build context, or null when the caller does not know it (rules about it stay silent).</summary>
        public DockerBuildContext? BuildContext { get; }

        public void Report(string ruleId, SourceSpan span, params object[] messageArguments)
            => findings.Add(new Finding(ruleId, span, messageArguments));

        /// <summary>The shell scripts a RUN executes, parsed once per instruction.</summary>
        public List<RunScript> Scripts(Instruction run)
        {
            // Cached on the instruction itself (no dictionary lookups): the document lives as long as this context.
            return run.ScriptsCache ??= RunScript.Of(run);
        }

        /// <summary>Does the stage's file system end up in the final image (the final stage and the stages it is built FROM)?</summary>
        public bool IsInFinalImage(BuildStage stage)
        {
            if (inFinalImage == null)
            {
                var stages = Document.Stages;
                var marks = new bool[stages.Count];
                for (var s = stages.Count - 1; s >= 0 && s < marks.Length && !marks[s]; s = stages[s].BaseStageIndex)
                {
                    marks[s] = true;
                }

                inFinalImage = marks;
            }

            return stage.Index < inFinalImage.Length && inFinalImage[stage.Index];
        }

        /// <summary>The stages whose instructions shape the final image, from the first base to the final stage.</summary>
        public List<BuildStage> FinalImageChain() => finalImageChain ??= ComputeFinalImageChain();

        private List<BuildStage> ComputeFinalImageChain()
        {
            var chain = new List<BuildStage>();
            var stages = Document.Stages;
            for (var s = stages.Count - 1; s >= 0 && chain.Count <= stages.Count; s = stages[s].BaseStageIndex)
            {
                chain.Insert(0, stages[s]);
            }

            return chain;
        }

        /// <summary>
        /// Processes a word as written (quotes, escapes and variables in one pass, see <see cref="DockerfileParser.Substitute"/>)
        /// with the ARG/ENV values visible at <paramref name="at"/> (stage ARGs with defaults, re-declared global ARGs,
        /// ENVs of the stage and the stages it is built FROM), as Docker does for ENV, USER, EXPOSE, WORKDIR…
        /// </summary>
        public string Resolve(Instruction at, string text, out bool resolved)
        {
            if (text.IndexOf('$') < 0)
            {
                // Nothing to look up: only the quotes and escapes go.
                return DockerfileParser.Substitute(text, NoVariable, Document.EscapeChar, out resolved);
            }

            if (at.StageIndex < 0)
            {
                var globals = Document.GlobalArgs;
                return DockerfileParser.Substitute(text, n => globals.TryGetValue(n, out var v) ? v : null, Document.EscapeChar, out resolved);
            }

            var vars = VariablesBefore(Document.Stages[at.StageIndex], at, 0);
            return DockerfileParser.Substitute(text, n => vars.TryGetValue(n, out var v) ? v : null, Document.EscapeChar, out resolved);
        }

        private static readonly Func<string, string?> NoVariable = _ => null;

        private Dictionary<string, string?> VariablesBefore(BuildStage stage, Instruction? at, int depth)
        {
            var vars = stage.BaseStageIndex >= 0 && depth < 64
                ? VariablesBefore(Document.Stages[stage.BaseStageIndex], null, depth + 1)
                : new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var instruction in stage.Instructions)
            {
                if (instruction == at)
                {
                    break;
                }

                if (instruction.Keyword != "ARG" && instruction.Keyword != "ENV")
                {
                    continue;
                }

                foreach (var kv in instruction.KeyValues)
                {
                    if (instruction.Keyword == "ARG" && !kv.HasValue)
                    {
                        if (Document.GlobalArgs.TryGetValue(kv.Name, out var global) && global != null)
                        {
                            vars[kv.Name] = global;
                        }
                        else if (!vars.ContainsKey(kv.Name))
                        {
                            vars[kv.Name] = null;
                        }

                        continue;
                    }

                    var value = DockerfileParser.Substitute(kv.WrittenValue ?? string.Empty, n => vars.TryGetValue(n, out var v) ? v : null, Document.EscapeChar, out var ok);
                    vars[kv.Name] = ok ? value : null;
                }
            }

            return vars;
        }
    }

    /// <summary>One rule (one catalog id). Rules are stateless singletons.</summary>
    public abstract class DockerfileRule
    {
        /// <summary>The catalog ids this rule can report.</summary>
        public abstract IReadOnlyList<string> RuleIds { get; }

        public abstract void Analyze(DockerfileRuleContext context);
    }
}
