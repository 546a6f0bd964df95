using System;
using System.Collections.Generic;
using SecureServices.Analyzers.Catalog;
using SecureServices.Dockerfile.Parsing;
using SecureServices.Dockerfile.Shell;
using Ids = SecureServices.Analyzers.Catalog.RuleIds;

namespace SecureServices.Dockerfile.Rules
{
    /// <summary>Walks every command of every RUN script.</summary>
    public abstract class RunCommandRule : DockerfileRule
    {
        public override void Analyze(DockerfileRuleContext context)
        {
            foreach (var instruction in context.Document.InstructionList)
            {
                if (instruction.Keyword != "RUN")
                {
                    continue;
                }

                foreach (var script in context.Scripts(instruction))
                {
                    AnalyzeScript(context, instruction, script);
                }
            }
        }

        protected virtual void AnalyzeScript(DockerfileRuleContext context, Instruction run, RunScript script)
        {
            var commands = script.Commands;
            for (var i = 0; i < commands.Count; i++)
            {
                AnalyzeCommand(context, run, script, commands, i);
            }
        }

        protected virtual void AnalyzeCommand(DockerfileRuleContext context, Instruction run, RunScript script, List<ShellCommand> commands, int index)
        {
        }

        /// <summary>The command after <c>sudo</c>/<c>env</c> wrappers and their options: returns the index of the real command word.</summary>
        internal static int RealCommandIndex(ShellCommand command, out string name)
        {
            var i = command.CommandIndex;
            name = command.Name;
            while (i < command.Words.Count && (name == "sudo" || name == "env" || name == "command" || name == "exec" || name == "nohup"))
            {
                i++;
                while (i < command.Words.Count && (command.Words[i].Value.StartsWith("-", StringComparison.Ordinal) || ShellCommand.IsAssignment(command.Words[i].Value)))
                {
                    i++;
                }

                if (i >= command.Words.Count)
                {
                    break;
                }

                var word = command.Words[i].Value;
                var slash = word.LastIndexOf('/');
                name = slash >= 0 ? word.Substring(slash + 1) : word;
            }

            return i;
        }
    }

    /// <summary>SSA7011: <c>curl … | sh</c>, <c>wget -O- … | bash</c>, <c>sh -c "$(curl …)"</c>, <c>bash &lt;(curl …)</c>.</summary>
    public sealed class PipeToShellRule : RunCommandRule
    {
        /// <summary>Shells and script interpreters a download can be piped into (a switch: one check per command, no table).</summary>
        private static bool IsInterpreter(string name)
        {
            switch (name)
            {
                case "sh": case "bash": case "ash": case "dash": case "zsh": case "ksh": case "python": case "python3": case "perl": case "ruby": case "node": case "pwsh": case "php":
                    return true;
                default:
                    return false;
            }
        }

        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.DownloadPipedToShell);

        protected override void AnalyzeCommand(DockerfileRuleContext context, Instruction run, RunScript script, List<ShellCommand> commands, int index)
        {
            var command = commands[index];
            var at = RealCommandIndex(command, out var name);
            if ((name == "curl" || name == "wget") && command.IsPipedInto && index + 1 < commands.Count)
            {
                var next = commands[index + 1];
                var nextAt = RealCommandIndex(next, out var nextName);
                if (IsInterpreter(nextName) && nextAt < next.Words.Count)
                {
                    context.Report(Ids.DownloadPipedToShell, script.Span(command.Words[command.CommandIndex].Start, next.Words[nextAt].End), name + " … | " + nextName);
                }

                return;
            }

            if (IsInterpreter(name))
            {
                for (var i = at + 1; i < command.Words.Count; i++)
                {
                    var word = command.Words[i].Value;
                    if (word.IndexOf("$(curl", StringComparison.Ordinal) >= 0 || word.IndexOf("$(wget", StringComparison.Ordinal) >= 0
                        || word.IndexOf("<(curl", StringComparison.Ordinal) >= 0 || word.IndexOf("<(wget", StringComparison.Ordinal) >= 0)
                    {
                        context.Report(Ids.DownloadPipedToShell, script.Span(command.Words[command.CommandIndex].Start, command.Words[i].End), DockerfileParser.Truncate(name + " " + word));
                        return;
                    }
                }
            }
        }
    }

    /// <summary>SSA7012: certificate or signature verification switched off in RUN (and by ENV for the variables that do it).</summary>
    public sealed class TlsVerificationRule : RunCommandRule
    {
        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.TlsVerificationDisabledInRun);

        public override void Analyze(DockerfileRuleContext context)
        {
            base.Analyze(context);
            foreach (var instruction in context.Document.InstructionList)
            {
                if (instruction.Keyword != "ENV")
                {
                    continue;
                }

                foreach (var kv in instruction.KeyValues)
                {
                    if (IsInsecureAssignment(kv.Name, kv.Value ?? string.Empty))
                    {
                        context.Report(Ids.TlsVerificationDisabledInRun, new SourceSpan(kv.NameSpan.StartLine, kv.NameSpan.StartColumn, kv.ValueSpan.EndLine, kv.ValueSpan.EndColumn), kv.Name + "=" + kv.Value);
                    }
                }
            }
        }

        protected override void AnalyzeCommand(DockerfileRuleContext context, Instruction run, RunScript script, List<ShellCommand> commands, int index)
        {
            var command = commands[index];
            var words = command.Words;

            // NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci, export GIT_SSL_NO_VERIFY=1
            for (var i = 0; i < words.Count; i++)
            {
                var w = words[i].Value;
                var eq = w.IndexOf('=');
                if (eq > 0 && (i < command.CommandIndex || command.Name == "export") && IsInsecureAssignment(w.Substring(0, eq), w.Substring(eq + 1)))
                {
                    Report(context, script, words[i]);
                }
            }

            var at = RealCommandIndex(command, out var name);
            for (var i = at + 1; i < words.Count; i++)
            {
                var w = words[i].Value;
                if (IsInsecureArgument(name, command, i, w))
                {
                    Report(context, script, words[i]);
                }
            }
        }

        private static void Report(DockerfileRuleContext context, RunScript script, ShellWord word)
            => context.Report(Ids.TlsVerificationDisabledInRun, script.Span(word), DockerfileParser.Truncate(word.Value));

        private static bool IsInsecureAssignment(string name, string value)
        {
            var v = value.Trim().Trim('"', '\'').ToLowerInvariant();
            switch (name)
            {
                case "NODE_TLS_REJECT_UNAUTHORIZED":
                case "PYTHONHTTPSVERIFY":
                    return v == "0";
                case "GIT_SSL_NO_VERIFY":
                    return v == "1" || v == "true";
                default:
                    return false;
            }
        }

        private static bool IsInsecureArgument(string name, ShellCommand command, int i, string w)
        {
            switch (name)
            {
                case "curl":
                    return w == "--insecure" || w == "--proxy-insecure" || (w.Length > 1 && w[0] == '-' && w[1] != '-' && IsLetters(w, 1) && w.IndexOf('k') > 0);
                case "wget":
                    return w == "--no-check-certificate";
                case "apt-get":
                case "apt":
                case "aptitude":
                    return w == "--allow-unauthenticated" || w == "--allow-insecure-repositories" || w == "--force-yes"
                        || w.IndexOf("Verify-Peer=false", StringComparison.OrdinalIgnoreCase) >= 0
                        || w.IndexOf("Verify-Host=false", StringComparison.OrdinalIgnoreCase) >= 0
                        || w.IndexOf("AllowUnauthenticated=true", StringComparison.OrdinalIgnoreCase) >= 0
                        || w.IndexOf("AllowInsecureRepositories=true", StringComparison.OrdinalIgnoreCase) >= 0;
                case "yum":
                case "dnf":
                case "microdnf":
                case "tdnf":
                    return w == "--nogpgcheck" || w == "--setopt=gpgcheck=0" || w == "--setopt=sslverify=0" || w == "--setopt=sslverify=false";
                case "zypper":
                    return w == "--no-gpg-checks" || w == "--gpg-auto-import-keys";
                case "rpm":
                    return w == "--nosignature" || w == "--nodigest";
                case "apk":
                    return w == "--allow-untrusted";
                case "git":
                    return IsSslVerifyOff(w) || (i + 1 < command.Words.Count && w.Equals("http.sslVerify", StringComparison.OrdinalIgnoreCase) && IsFalse(command.Words[i + 1].Value));
                case "npm":
                case "yarn":
                case "pnpm":
                    return w.Equals("--strict-ssl=false", StringComparison.OrdinalIgnoreCase)
                        || ((w == "strict-ssl" || w == "--strict-ssl") && i + 1 < command.Words.Count && IsFalse(command.Words[i + 1].Value))
                        || w.Equals("strict-ssl=false", StringComparison.OrdinalIgnoreCase);
                default:
                    if (name.StartsWith("pip", StringComparison.Ordinal) || name.StartsWith("python", StringComparison.Ordinal) || name == "uv" || name == "poetry")
                    {
                        return w == "--trusted-host" || w.StartsWith("--trusted-host=", StringComparison.Ordinal);
                    }

                    return false;
            }
        }

        private static bool IsSslVerifyOff(string w)
        {
            var eq = w.IndexOf('=');
            return eq > 0 && w.Substring(0, eq).Equals("http.sslVerify", StringComparison.OrdinalIgnoreCase) && IsFalse(w.Substring(eq + 1));
        }

        private static bool IsFalse(string v) => v.Equals("false", StringComparison.OrdinalIgnoreCase) || v == "0" || v.Equals("no", StringComparison.OrdinalIgnoreCase);

        private static bool IsLetters(string w, int from)
        {
            for (var i = from; i < w.Length; i++)
            {
                if (!char.IsLetter(w[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>SSA7013: apt-get/apk/dnf/yum used without the flags and cleanup that keep images minimal and reproducible.</summary>
    public sealed class PackageManagerRule : RunCommandRule
    {
        internal static readonly LocalizedText NoYes = new LocalizedText(
            "add -y; the build cannot answer the confirmation prompt",
            "ajoutez -y ; la construction ne peut pas répondre à la demande de confirmation");

        internal static readonly LocalizedText NoRecommends = new LocalizedText(
            "add --no-install-recommends so only the packages you asked for are installed",
            "ajoutez --no-install-recommends pour n'installer que les paquets demandés");

        internal static readonly LocalizedText NoListCleanup = new LocalizedText(
            "remove /var/lib/apt/lists/* in the same RUN so the package index does not ship in the image",
            "supprimez /var/lib/apt/lists/* dans le même RUN pour que l'index des paquets ne soit pas livré dans l'image");

        internal static readonly LocalizedText Upgrade = new LocalizedText(
            "upgrading every package in the Dockerfile makes the image unreproducible; use a newer base image instead",
            "mettre à jour tous les paquets dans le Dockerfile rend l'image non reproductible ; utilisez plutôt une image de base plus récente");

        internal static readonly LocalizedText ApkNoCache = new LocalizedText(
            "add --no-cache so the package index does not ship in the image",
            "ajoutez --no-cache pour que l'index des paquets ne soit pas livré dans l'image");

        internal static readonly LocalizedText NoClean = new LocalizedText(
            "run '{0} clean all' in the same RUN so the package cache does not ship in the image",
            "exécutez « {0} clean all » dans le même RUN pour que le cache des paquets ne soit pas livré dans l'image");

        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.PackageManagerHygiene);

        protected override void AnalyzeScript(DockerfileRuleContext context, Instruction run, RunScript script)
        {
            foreach (var command in script.Commands)
            {
                var at = RealCommandIndex(command, out var name);
                if (at >= command.Words.Count)
                {
                    continue;
                }

                var operand = command.FirstOperand(at + 1);
                if (operand == null)
                {
                    continue;
                }

                var verb = operand.Value.Value;
                var span = script.Span(command.Words[at].Start, operand.Value.End);
                var label = name + " " + verb;
                switch (name)
                {
                    case "apt-get":
                    case "apt":
                        if (verb == "upgrade" || verb == "dist-upgrade" || verb == "full-upgrade")
                        {
                            context.Report(Ids.PackageManagerHygiene, span, label, EngineMessages.Arg(Upgrade));
                        }
                        else if (verb == "install")
                        {
                            if (!HasYes(command, at))
                            {
                                context.Report(Ids.PackageManagerHygiene, span, label, EngineMessages.Arg(NoYes));
                            }

                            if (!command.HasArgument("--no-install-recommends") && !HasWordContaining(command, "Install-Recommends=false") && !HasWordContaining(command, "Install-Recommends=0"))
                            {
                                context.Report(Ids.PackageManagerHygiene, span, label, EngineMessages.Arg(NoRecommends));
                            }

                            if (!RunRemoves(context, run, "/var/lib/apt/lists") && !HasCacheMount(run, "/var/lib/apt"))
                            {
                                context.Report(Ids.PackageManagerHygiene, span, label, EngineMessages.Arg(NoListCleanup));
                            }
                        }

                        break;
                    case "apk":
                        if (verb == "upgrade")
                        {
                            context.Report(Ids.PackageManagerHygiene, span, label, EngineMessages.Arg(Upgrade));
                        }
                        else if (verb == "add" && !command.HasArgument("--no-cache") && !RunRemoves(context, run, "/var/cache/apk") && !HasCacheMount(run, "/var/cache/apk") && !HasCacheMount(run, "/etc/apk/cache"))
                        {
                            context.Report(Ids.PackageManagerHygiene, span, label, EngineMessages.Arg(ApkNoCache));
                        }

                        break;
                    case "yum":
                    case "dnf":
                    case "microdnf":
                    case "tdnf":
                        if (verb == "upgrade" || verb == "update" || verb == "distro-sync")
                        {
                            // 'yum update' with package names updates those packages only.
                            if (command.FirstOperand(IndexAfter(command, operand.Value)) == null)
                            {
                                context.Report(Ids.PackageManagerHygiene, span, label, EngineMessages.Arg(Upgrade));
                            }
                        }
                        else if (verb == "install" && !RunCleans(context, run, name) && !RunRemoves(context, run, "/var/cache/" + (name == "microdnf" || name == "tdnf" ? "dnf" : name)) && !HasCacheMount(run, "/var/cache/"))
                        {
                            context.Report(Ids.PackageManagerHygiene, span, label, EngineMessages.Arg(NoClean, name));
                        }

                        break;
                }
            }
        }

        private static int IndexAfter(ShellCommand command, ShellWord word)
        {
            for (var i = 0; i < command.Words.Count; i++)
            {
                if (command.Words[i].Start == word.Start)
                {
                    return i + 1;
                }
            }

            return command.Words.Count;
        }

        private static bool HasYes(ShellCommand command, int at)
        {
            for (var i = at + 1; i < command.Words.Count; i++)
            {
                var w = command.Words[i].Value;
                if (w == "--yes" || w == "--assume-yes" || w == "-q=2" || w.IndexOf("Assume-Yes=true", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }

                // -y, -qy, -yq, -qq (which implies -y)
                if (w.Length > 1 && w[0] == '-' && w[1] != '-' && (w.IndexOf('y') > 0 || w.IndexOf("qq", StringComparison.Ordinal) > 0))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasWordContaining(ShellCommand command, string text)
        {
            foreach (var word in command.Words)
            {
                if (word.Value.IndexOf(text, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Does the same RUN remove <paramref name="path"/> (rm -rf /var/lib/apt/lists/*)?</summary>
        private static bool RunRemoves(DockerfileRuleContext context, Instruction run, string path)
        {
            foreach (var script in context.Scripts(run))
            {
                foreach (var command in script.Commands)
                {
                    RealCommandIndex(command, out var name);
                    if (name == "rm" && HasWordContaining(command, path))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool RunCleans(DockerfileRuleContext context, Instruction run, string manager)
        {
            foreach (var script in context.Scripts(run))
            {
                foreach (var command in script.Commands)
                {
                    var at = RealCommandIndex(command, out var name);
                    if ((name == manager || name == "yum" || name == "dnf" || name == "microdnf" || name == "tdnf") && command.FirstOperand(at + 1)?.Value == "clean")
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>RUN --mount=type=cache,target=/var/cache/apt: the cache never enters a layer.</summary>
        private static bool HasCacheMount(Instruction run, string targetPrefix)
        {
            foreach (var flag in run.Flags)
            {
                if (flag.Name == "mount" && flag.Value != null && flag.Value.IndexOf("type=cache", StringComparison.Ordinal) >= 0)
                {
                    foreach (var part in flag.Value.Split(','))
                    {
                        var eq = part.IndexOf('=');
                        var key = eq < 0 ? part : part.Substring(0, eq);
                        if ((key == "target" || key == "dst" || key == "destination") && part.Substring(eq + 1).StartsWith(targetPrefix, StringComparison.Ordinal))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }

    /// <summary>SSA7014: a pipe in a POSIX-shell RUN without <c>set -o pipefail</c> (or a SHELL with it) before it.</summary>
    public sealed class PipefailRule : RunCommandRule
    {
        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.PipeWithoutPipefail);

        protected override void AnalyzeScript(DockerfileRuleContext context, Instruction run, RunScript script)
        {
            if (script.IsExecForm || ShellHasPipefail(context, run)
                || (run.StageIndex >= 0 && FinalStageRootRule.IsWindows(context, context.Document.Stages[run.StageIndex])))
            {
                return;
            }

            var pipefail = false;
            foreach (var command in script.Commands)
            {
                if (command.Name == "set")
                {
                    for (var i = command.CommandIndex + 1; i + 1 < command.Words.Count; i++)
                    {
                        var w = command.Words[i].Value;
                        if (w.Length > 1 && w[0] == '-' && w[w.Length - 1] == 'o' && command.Words[i + 1].Value == "pipefail")
                        {
                            pipefail = true;
                        }
                    }
                }

                if (!pipefail && command.IsPipedInto && command.SeparatorStart >= 0)
                {
                    context.Report(Ids.PipeWithoutPipefail, script.Span(command.SeparatorStart, command.SeparatorStart + 1));
                    return;
                }
            }
        }

        /// <summary>The SHELL in effect: pipefail already set, or not a POSIX shell at all (PowerShell, cmd).</summary>
        private static bool ShellHasPipefail(DockerfileRuleContext context, Instruction run)
        {
            if (run.StageIndex < 0)
            {
                return false;
            }

            var stages = context.Document.Stages;
            for (var s = run.StageIndex; s >= 0; s = stages[s].BaseStageIndex)
            {
                var instructions = stages[s].Instructions;
                var passed = s != run.StageIndex;
                for (var i = instructions.Count - 1; i >= 0; i--)
                {
                    var instruction = instructions[i];
                    if (!passed)
                    {
                        passed = instruction == run;
                        continue;
                    }

                    if (instruction.Keyword == "SHELL" && instruction.ExecArguments is { Count: > 0 } shell)
                    {
                        var exe = shell[0].ToLowerInvariant();
                        if (exe.Contains("powershell") || exe.Contains("pwsh") || exe.Contains("cmd"))
                        {
                            return true;
                        }

                        for (var k = 0; k + 1 < shell.Count; k++)
                        {
                            if (shell[k].EndsWith("o", StringComparison.Ordinal) && shell[k].StartsWith("-", StringComparison.Ordinal) && shell[k + 1] == "pipefail")
                            {
                                return true;
                            }
                        }

                        return false;
                    }
                }

                if (s == stages[s].BaseStageIndex)
                {
                    break;
                }
            }

            return false;
        }
    }

    /// <summary>SSA7015: sudo in RUN.</summary>
    public sealed class SudoRule : RunCommandRule
    {
        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.SudoInRun);

        protected override void AnalyzeCommand(DockerfileRuleContext context, Instruction run, RunScript script, List<ShellCommand> commands, int index)
        {
            var command = commands[index];
            if (command.Name == "sudo")
            {
                context.Report(Ids.SudoInRun, script.Span(command.Words[command.CommandIndex]));
            }
        }
    }

    /// <summary>SSA7016: chmod 777 / a+rwx / o+w / setuid-setgid in RUN, and COPY/ADD --chmod with such a mode.</summary>
    public sealed class FileModeRule : RunCommandRule
    {
        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.WorldWritableOrSetuidMode);

        public override void Analyze(DockerfileRuleContext context)
        {
            base.Analyze(context);
            foreach (var instruction in context.Document.InstructionList)
            {
                if ((instruction.Keyword == "COPY" || instruction.Keyword == "ADD") && instruction.GetFlag("chmod") is { Value: { } mode } flag && IsDangerous(mode))
                {
                    context.Report(Ids.WorldWritableOrSetuidMode, flag.Span, mode);
                }
            }
        }

        protected override void AnalyzeCommand(DockerfileRuleContext context, Instruction run, RunScript script, List<ShellCommand> commands, int index)
        {
            var command = commands[index];
            var at = RealCommandIndex(command, out var name);
            if (name != "chmod")
            {
                return;
            }

            for (var i = at + 1; i < command.Words.Count; i++)
            {
                var w = command.Words[i].Value;
                if (w.StartsWith("-", StringComparison.Ordinal) && !IsSymbolic(w))
                {
                    continue;
                }

                if (IsDangerous(w))
                {
                    context.Report(Ids.WorldWritableOrSetuidMode, script.Span(command.Words[i]), w);
                }

                return;
            }
        }

        private static bool IsSymbolic(string w) => w.Length > 1 && (w[1] == 'w' || w[1] == 'r' || w[1] == 'x' || w[1] == 's') && w[0] == '-';

        internal static bool IsDangerous(string mode)
        {
            if (mode.Length >= 3 && mode.Length <= 4 && IsOctal(mode))
            {
                var other = mode[mode.Length - 1] - '0';
                var special = mode.Length == 4 ? mode[0] - '0' : 0;
                return (other & 2) != 0 || (special & 6) != 0;
            }

            foreach (var clause in mode.Split(','))
            {
                var op = clause.IndexOfAny(new[] { '+', '=' });
                if (op < 0)
                {
                    continue;
                }

                var who = clause.Substring(0, op);
                var perms = clause.Substring(op + 1);
                if (perms.IndexOf('s') >= 0)
                {
                    return true;
                }

                if (perms.IndexOf('w') >= 0 && (who.IndexOf('o') >= 0 || who.IndexOf('a') >= 0))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsOctal(string s)
        {
            foreach (var c in s)
            {
                if (c < '0' || c > '7')
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>SSA7025: cd in RUN.</summary>
    public sealed class CdRule : RunCommandRule
    {
        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.CdInRun);

        protected override void AnalyzeCommand(DockerfileRuleContext context, Instruction run, RunScript script, List<ShellCommand> commands, int index)
        {
            var command = commands[index];
            if (command.Name == "cd" && !script.IsExecForm)
            {
                context.Report(Ids.CdInRun, script.Span(command.Words[command.CommandIndex]));
            }
        }
    }

    /// <summary>SSA7026: a RUN right after another RUN of the same stage (neither with its own --mount/--network flags).</summary>
    public sealed class ConsecutiveRunRule : DockerfileRule
    {
        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.ConsecutiveRunInstructions);

        public override void Analyze(DockerfileRuleContext context)
        {
            foreach (var stage in context.Document.StageList)
            {
                var instructions = stage.Instructions;
                for (var i = 1; i < instructions.Count; i++)
                {
                    var previous = instructions[i - 1];
                    var current = instructions[i];
                    if (current.Keyword == "RUN" && previous.Keyword == "RUN" && current.Flags.Count == 0 && previous.Flags.Count == 0)
                    {
                        context.Report(Ids.ConsecutiveRunInstructions, current.KeywordToken.Span);
                    }
                }
            }
        }
    }
}
