using System;
using System.Collections.Generic;
using System.Globalization;
using SecureServices.Dockerfile.Parsing;
using Ids = SecureServices.Analyzers.Catalog.RuleIds;

namespace SecureServices.Dockerfile.Rules
{
    /// <summary>SSA7009 (ADD where COPY does the job) and SSA7010 (ADD of a URL without --checksum).</summary>
    public sealed class AddRules : DockerfileRule
    {
        private static readonly System.Collections.ObjectModel.ReadOnlyCollection<string> ArchiveSuffixes = ReadOnlyTable.Of(".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz", ".tar.zst", ".tzst", ".tar.lz", ".tar.lzma");

        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.AddUsedInsteadOfCopy, Ids.RemoteAddWithoutChecksum);

        public override void Analyze(DockerfileRuleContext context)
        {
            foreach (var instruction in context.Document.InstructionList)
            {
                if (instruction.Keyword != "ADD")
                {
                    continue;
                }

                var sources = CopySources.Of(instruction);
                var needsAdd = false;
                foreach (var (source, span) in sources)
                {
                    if (IsUrl(source))
                    {
                        needsAdd = true;
                        if (!IsGit(source) && instruction.GetFlag("checksum") == null)
                        {
                            context.Report(Ids.RemoteAddWithoutChecksum, span, DockerfileParser.Truncate(source));
                        }
                    }
                    else if (IsGit(source) || IsArchive(source) || source.IndexOf('$') >= 0)
                    {
                        needsAdd = true;
                    }
                }

                if (!needsAdd && (sources.Count > 0 || instruction.Heredocs.Count > 0))
                {
                    var first = sources.Count > 0 ? sources[0].Source : "<<" + instruction.Heredocs[0].Delimiter;
                    context.Report(Ids.AddUsedInsteadOfCopy, instruction.KeywordToken.Span, DockerfileParser.Truncate(first));
                }
            }
        }

        private static bool IsUrl(string s)
            => s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || IsGit(s);

        private static bool IsGit(string s)
            => s.StartsWith("git@", StringComparison.Ordinal) || s.StartsWith("git://", StringComparison.Ordinal)
            || ((s.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase)) && (s.EndsWith(".git", StringComparison.OrdinalIgnoreCase) || s.IndexOf(".git#", StringComparison.OrdinalIgnoreCase) >= 0));

        private static bool IsArchive(string s)
        {
            for (var i = 0; i < ArchiveSuffixes.Count; i++)
            {
                if (s.EndsWith(ArchiveSuffixes[i], StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>SSA7020: ASPNETCORE_ENVIRONMENT / DOTNET_ENVIRONMENT = Development in the final image.</summary>
    public sealed class DevelopmentEnvironmentRule : DockerfileRule
    {
        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.DevelopmentEnvironmentBakedIn);

        public override void Analyze(DockerfileRuleContext context)
        {
            foreach (var stage in context.FinalImageChain())
            {
                foreach (var instruction in stage.Instructions)
                {
                    if (instruction.Keyword != "ENV")
                    {
                        continue;
                    }

                    foreach (var kv in instruction.KeyValues)
                    {
                        if (!string.Equals(kv.Name, "ASPNETCORE_ENVIRONMENT", StringComparison.OrdinalIgnoreCase) && !string.Equals(kv.Name, "DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase))
                        {
                            continue;
                        }

                        var value = context.Resolve(instruction, kv.WrittenValue ?? string.Empty, out var resolved);
                        if (resolved && string.Equals(value.Trim(), "Development", StringComparison.OrdinalIgnoreCase))
                        {
                            context.Report(Ids.DevelopmentEnvironmentBakedIn, kv.ValueSpan, kv.Name, value.Trim());
                        }
                    }
                }
            }
        }
    }

    /// <summary>SSA7021: the effective CMD or ENTRYPOINT of the final image uses the shell form.</summary>
    public sealed class ShellFormEntrypointRule : DockerfileRule
    {
        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.ShellFormEntrypoint);

        public override void Analyze(DockerfileRuleContext context)
        {
            Instruction? cmd = null;
            Instruction? entrypoint = null;
            foreach (var stage in context.FinalImageChain())
            {
                foreach (var instruction in stage.Instructions)
                {
                    if (instruction.Keyword == "CMD")
                    {
                        cmd = instruction;
                    }
                    else if (instruction.Keyword == "ENTRYPOINT")
                    {
                        entrypoint = instruction;
                        cmd = null; // Docker resets CMD when ENTRYPOINT is set in the same image.
                    }
                }
            }

            foreach (var instruction in new[] { entrypoint, cmd })
            {
                if (instruction != null && !instruction.IsExecForm && instruction.ArgumentText.Length > 0)
                {
                    context.Report(Ids.ShellFormEntrypoint, instruction.ArgumentSpan, instruction.Keyword);
                }
            }
        }
    }

    /// <summary>SSA7022: a CMD, ENTRYPOINT or HEALTHCHECK that a later one in the same stage replaces.</summary>
    public sealed class OverriddenInstructionRule : DockerfileRule
    {
        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.OverriddenStageInstruction);

        public override void Analyze(DockerfileRuleContext context)
        {
            foreach (var stage in context.Document.StageList)
            {
                Instruction? cmd = null, entrypoint = null, healthcheck = null;
                foreach (var instruction in stage.Instructions)
                {
                    switch (instruction.Keyword)
                    {
                        case "CMD": Replace(context, ref cmd, instruction); break;
                        case "ENTRYPOINT": Replace(context, ref entrypoint, instruction); break;
                        case "HEALTHCHECK": Replace(context, ref healthcheck, instruction); break;
                    }
                }
            }
        }

        private static void Replace(DockerfileRuleContext context, ref Instruction? previous, Instruction current)
        {
            if (previous != null)
            {
                context.Report(Ids.OverriddenStageInstruction, previous.KeywordToken.Span, previous.Keyword, current.Span.StartLine.ToString(CultureInfo.InvariantCulture));
            }

            previous = current;
        }
    }

    /// <summary>SSA7023 (no HEALTHCHECK) and SSA7027 (missing OCI labels), both reported on the final FROM.</summary>
    public sealed class FinalImageMetadataRule : DockerfileRule
    {
        internal static readonly System.Collections.ObjectModel.ReadOnlyCollection<string> RequiredLabels = ReadOnlyTable.Of("org.opencontainers.image.version", "org.opencontainers.image.source");

        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.MissingHealthcheck, Ids.MissingOciLabels);

        public override void Analyze(DockerfileRuleContext context)
        {
            var final = context.Document.FinalStage;
            if (final == null)
            {
                return;
            }

            var healthcheck = false;
            var labels = new bool[RequiredLabels.Count];
            foreach (var stage in context.FinalImageChain())
            {
                foreach (var instruction in stage.Instructions)
                {
                    if (instruction.Keyword == "HEALTHCHECK")
                    {
                        healthcheck = true;
                    }
                    else if (instruction.Keyword == "LABEL")
                    {
                        foreach (var kv in instruction.KeyValues)
                        {
                            for (var i = 0; i < RequiredLabels.Count; i++)
                            {
                                labels[i] |= string.Equals(kv.Name, RequiredLabels[i], StringComparison.Ordinal);
                            }
                        }
                    }
                }
            }

            var from = final.From;
            var span = new SourceSpan(from.Span.StartLine, from.Span.StartColumn, from.ArgumentSpan.EndLine, from.ArgumentSpan.EndColumn);
            if (!healthcheck)
            {
                context.Report(Ids.MissingHealthcheck, span);
            }

            for (var i = 0; i < labels.Length; i++)
            {
                if (!labels[i])
                {
                    context.Report(Ids.MissingOciLabels, span, RequiredLabels[i]);
                }
            }
        }
    }

    /// <summary>SSA7024: WORKDIR with a relative path (after substitution).</summary>
    public sealed class RelativeWorkdirRule : DockerfileRule
    {
        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.RelativeWorkdir);

        public override void Analyze(DockerfileRuleContext context)
        {
            foreach (var instruction in context.Document.InstructionList)
            {
                if (instruction.Keyword != "WORKDIR" || instruction.ArgumentText.Length == 0)
                {
                    continue;
                }

                var value = context.Resolve(instruction, instruction.ArgumentText, out var resolved);
                if (!resolved || value.Length == 0)
                {
                    continue;
                }

                var absolute = value[0] == '/' || value[0] == '\\' || (value.Length >= 2 && value[1] == ':' && char.IsLetter(value[0]));
                if (!absolute)
                {
                    context.Report(Ids.RelativeWorkdir, instruction.ArgumentSpan, DockerfileParser.Truncate(value));
                }
            }
        }
    }

    /// <summary>SSA7028: MAINTAINER.</summary>
    public sealed class MaintainerRule : DockerfileRule
    {
        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.DeprecatedMaintainer);

        public override void Analyze(DockerfileRuleContext context)
        {
            foreach (var instruction in context.Document.InstructionList)
            {
                if (instruction.Keyword == "MAINTAINER")
                {
                    context.Report(Ids.DeprecatedMaintainer, instruction.KeywordToken.Span);
                }
            }
        }
    }
}
