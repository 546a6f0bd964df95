using System;
using System.Collections.Generic;
using SecureServices.Analyzers.Catalog;
using SecureServices.Dockerfile.Parsing;

namespace SecureServices.Dockerfile.Rules
{
    /// <summary>SSA7001: FROM an image with no tag or the <c>latest</c> tag, after resolving global ARG defaults.</summary>
    public sealed class BaseImageTagRule : DockerfileRule
    {
        public override IReadOnlyList<string> RuleIds { get; } = new[] { Analyzers.Catalog.RuleIds.UnpinnedBaseImageTag };

        public override void Analyze(DockerfileRuleContext context)
        {
            foreach (var stage in context.Document.Stages)
            {
                if (stage.BaseStageIndex >= 0 || !stage.IsImageResolved)
                {
                    continue;
                }

                var image = ImageReference.Parse(stage.Image);
                if (image.IsScratch || image.Digest != null)
                {
                    continue;
                }

                if (image.Tag == null || string.Equals(image.Tag, "latest", StringComparison.OrdinalIgnoreCase))
                {
                    context.Report(Analyzers.Catalog.RuleIds.UnpinnedBaseImageTag, stage.ImageToken.Span, DockerfileParser.Truncate(stage.Image));
                }
            }
        }
    }
}
