using System;
using System.Collections.Generic;
using SecureServices.Analyzers.Catalog;
using SecureServices.Dockerfile.Parsing;

namespace SecureServices.Dockerfile.Rules
{
    /// <summary>
    /// SSA7001: FROM an image with no tag or the <c>latest</c> tag, after resolving global ARG defaults; also the
    /// images pulled by <c>COPY --from=image</c> and <c>RUN --mount=…,from=image</c> (after stage ARG/ENV substitution).
    /// </summary>
    public sealed class BaseImageTagRule : DockerfileRule
    {
        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Analyzers.Catalog.RuleIds.UnpinnedBaseImageTag);

        public override void Analyze(DockerfileRuleContext context)
        {
            foreach (var stage in context.Document.StageList)
            {
                if (stage.BaseStageIndex >= 0 || !stage.IsImageResolved)
                {
                    continue;
                }

                Check(context, stage.Image, stage.ImageToken.Span);
            }

            foreach (var stage in context.Document.StageList)
            {
                foreach (var instruction in stage.Instructions)
                {
                    if (instruction.Flags.Count == 0)
                    {
                        continue;
                    }

                    foreach (var (reference, span) in TrustedRegistryRule.ImagesUsedBy(context.Document, stage, instruction))
                    {
                        var image = context.Resolve(instruction, reference, out var resolved);
                        if (resolved)
                        {
                            Check(context, image, span);
                        }
                    }
                }
            }
        }

        private static void Check(DockerfileRuleContext context, string reference, SourceSpan span)
        {
            var image = ImageReference.Parse(reference);
            if (image.IsScratch || image.Digest != null)
            {
                return;
            }

            if (image.Tag == null || string.Equals(image.Tag, "latest", StringComparison.OrdinalIgnoreCase))
            {
                context.Report(Analyzers.Catalog.RuleIds.UnpinnedBaseImageTag, span, DockerfileParser.Truncate(reference));
            }
        }
    }
}
