using System;
using System.Collections.Generic;
using SecureServices.Dockerfile.Parsing;
using Ids = SecureServices.Analyzers.Catalog.RuleIds;

namespace SecureServices.Dockerfile.Rules
{
    /// <summary>SSA7002: a base image without <c>@sha256:</c>, when <c>secureservices.require_image_digest = true</c>.</summary>
    public sealed class BaseImageDigestRule : DockerfileRule
    {
        public const string Option = "secureservices.require_image_digest";

        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.BaseImageNotPinnedByDigest);

        public override void Analyze(DockerfileRuleContext context)
        {
            if (!context.Options.GetBool(Option, false))
            {
                return;
            }

            foreach (var stage in context.Document.StageList)
            {
                if (stage.BaseStageIndex >= 0 || !stage.IsImageResolved)
                {
                    continue;
                }

                var image = ImageReference.Parse(stage.Image);
                if (!image.IsScratch && image.Digest == null)
                {
                    context.Report(Ids.BaseImageNotPinnedByDigest, stage.ImageToken.Span, DockerfileParser.Truncate(stage.Image));
                }
            }
        }
    }

    /// <summary>SSA7003: FROM, COPY --from and RUN --mount from= images outside <c>secureservices.trusted_registries</c>.</summary>
    public sealed class TrustedRegistryRule : DockerfileRule
    {
        public const string Option = "secureservices.trusted_registries";

        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.UntrustedImageRegistry);

        public override void Analyze(DockerfileRuleContext context)
        {
            var trusted = context.Options.GetList(Option);
            if (trusted.Count == 0)
            {
                return;
            }

            var document = context.Document;
            foreach (var stage in document.StageList)
            {
                if (stage.BaseStageIndex < 0 && stage.IsImageResolved)
                {
                    Check(context, trusted, stage.Image, stage.ImageToken.Span);
                }

                foreach (var instruction in stage.Instructions)
                {
                    foreach (var (reference, span) in ImagesUsedBy(document, stage, instruction))
                    {
                        CheckVariable(context, trusted, instruction, reference, span);
                    }
                }
            }
        }

        /// <summary>Images (not stages) an instruction pulls: <c>COPY/ADD --from=image</c>, <c>RUN --mount=…,from=image</c>.</summary>
        internal static IEnumerable<(string Reference, SourceSpan Span)> ImagesUsedBy(DockerfileDocument document, BuildStage stage, Instruction instruction)
        {
            if (instruction.Flags.Count == 0)
            {
                yield break;
            }

            if (instruction.Keyword == "COPY" || instruction.Keyword == "ADD")
            {
                var from = instruction.GetFlag("from");
                if (from?.Value != null && IsImage(document, stage, from.Value))
                {
                    yield return (from.Value, from.Span);
                }
            }
            else if (instruction.Keyword == "RUN")
            {
                foreach (var flag in instruction.Flags)
                {
                    if (flag.Name != "mount" || flag.Value == null)
                    {
                        continue;
                    }

                    foreach (var part in flag.Value.Split(','))
                    {
                        if (part.StartsWith("from=", StringComparison.OrdinalIgnoreCase) && IsImage(document, stage, part.Substring(5)))
                        {
                            yield return (part.Substring(5), flag.Span);
                        }
                    }
                }
            }
        }

        private static void CheckVariable(DockerfileRuleContext context, IReadOnlyList<string> trusted, Instruction at, string reference, SourceSpan span)
        {
            var image = context.Resolve(at, reference, out var resolved);
            if (resolved)
            {
                Check(context, trusted, image, span);
            }
        }

        /// <summary>A <c>--from</c> value that is neither an earlier stage's name nor its index.</summary>
        internal static bool IsImage(DockerfileDocument document, BuildStage current, string value)
        {
            if (value.Length == 0 || int.TryParse(value, out _))
            {
                return false;
            }

            // Not an image when some earlier stage has that name, i.e. its first definition is earlier.
            var first = document.FirstStageNamed(value);
            return first < 0 || first >= current.Index;
        }

        private static void Check(DockerfileRuleContext context, IReadOnlyList<string> trusted, string reference, SourceSpan span)
        {
            var image = ImageReference.Parse(reference);
            if (image.IsScratch)
            {
                return;
            }

            var repository = image.Registry == "docker.io" && image.Repository.IndexOf('/') < 0 ? "library/" + image.Repository : image.Repository;
            var full = image.Registry + "/" + repository;
            foreach (var entry in trusted)
            {
                var e = entry.Trim().TrimEnd('/');
                if (e == "docker.io/library" || e == "index.docker.io")
                {
                    e = e == "index.docker.io" ? "docker.io" : e;
                }

                if (string.Equals(full, e, StringComparison.OrdinalIgnoreCase)
                    || full.StartsWith(e + "/", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }

            context.Report(Ids.UntrustedImageRegistry, span, DockerfileParser.Truncate(reference), image.Registry);
        }
    }

    /// <summary>SSA7019: the final image is based on a .NET SDK or another build-tool image.</summary>
    public sealed class BuildToolFinalImageRule : DockerfileRule
    {
        // Repositories (registry-relative) that hold compilers and build tools, not runtimes.
        private static readonly System.Collections.ObjectModel.ReadOnlyCollection<string> BuildToolRepositories = ReadOnlyTable.Of(
            "dotnet/sdk", "dotnet/nightly/sdk", "dotnet/framework/sdk", "library/golang", "library/maven",
            "library/gradle", "library/rust", "library/gcc", "library/buildpack-deps");

        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.BuildToolImageInFinalStage);

        public override void Analyze(DockerfileRuleContext context)
        {
            var chain = context.FinalImageChain();
            if (chain.Count == 0 || !chain[0].IsImageResolved)
            {
                return;
            }

            var root = chain[0];
            var image = ImageReference.Parse(root.Image);
            var repository = image.Registry == "docker.io" && image.Repository.IndexOf('/') < 0 ? "library/" + image.Repository : image.Repository;
            for (var i = 0; i < BuildToolRepositories.Count; i++)
            {
                if (string.Equals(repository, BuildToolRepositories[i], StringComparison.OrdinalIgnoreCase))
                {
                    var final = chain[chain.Count - 1];
                    context.Report(Ids.BuildToolImageInFinalStage, final.ImageToken.Span, DockerfileParser.Truncate(root.Image));
                    return;
                }
            }
        }
    }
}
