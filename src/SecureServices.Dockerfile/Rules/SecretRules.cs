using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using SecureServices.Analyzers.Catalog;
using SecureServices.Analyzers.Internals.SecretDetection;
using SecureServices.Dockerfile.Parsing;
using Ids = SecureServices.Analyzers.Catalog.RuleIds;

namespace SecureServices.Dockerfile.Rules
{
    /// <summary>SSA7005: ENV or ARG whose name says it holds a secret.</summary>
    public sealed class SecretNameRule : DockerfileRule
    {
        private static bool IsSecretWord(string word)
        {
            switch (word)
            {
                case "password": case "passwd": case "pwd": case "passphrase": case "secret": case "token": case "apikey": case "credential": case "credentials": case "pat":
                    return true;
                default:
                    return false;
            }
        }

        // "KEY" alone is too broad (GPG_KEY holds a public fingerprint in official images); these qualify it.
        private static bool IsKeyQualifier(string word)
        {
            switch (word)
            {
                case "api": case "access": case "secret": case "private": case "encryption": case "signing": case "master": case "account": case "client": case "storage": case "auth": case "subscription": case "shared":
                    return true;
                default:
                    return false;
            }
        }

        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.SecretNameInEnvOrArg);

        public override void Analyze(DockerfileRuleContext context)
        {
            foreach (var instruction in context.Document.InstructionList)
            {
                if (instruction.Keyword != "ENV" && instruction.Keyword != "ARG")
                {
                    continue;
                }

                foreach (var kv in instruction.KeyValues)
                {
                    // An ENV set to empty clears a value; nothing is stored.
                    if (instruction.Keyword == "ENV" && string.IsNullOrEmpty(kv.Value))
                    {
                        continue;
                    }

                    if (IsSecretName(kv.Name))
                    {
                        context.Report(Ids.SecretNameInEnvOrArg, kv.NameSpan, DockerfileParser.Truncate(kv.Name), instruction.Keyword);
                    }
                }
            }
        }

        // Lower-case compounds: dbpassword, authtoken, clientsecret, apikey.
        private static readonly ReadOnlyCollection<string> CompoundSuffixes = ReadOnlyTable.Of("password", "passwd", "secret", "token", "apikey");

        /// <summary>The last word of the name is a secret word (DB_PASSWORD, NpmToken, API_KEY); *_FILE, *_PATH, *_VERSION, PUBLIC_*, USERNAME are not.</summary>
        internal static bool IsSecretName(string name)
        {
            // Only the first, the last and the second-to-last words matter: find their bounds without
            // a substring per word, then lower-case just the words that are compared.
            var count = 0;
            int firstStart = 0, firstEnd = 0, lastStart = 0, lastEnd = 0, previousStart = 0, previousEnd = 0;
            var start = 0;
            for (var i = 0; i <= name.Length; i++)
            {
                var boundary = i == name.Length || name[i] == '_' || name[i] == '-' || name[i] == '.';
                var camel = !boundary && i > start && char.IsUpper(name[i]) && char.IsLower(name[i - 1]);
                if (boundary || camel)
                {
                    if (i > start)
                    {
                        if (count == 0)
                        {
                            firstStart = start;
                            firstEnd = i;
                        }

                        previousStart = lastStart;
                        previousEnd = lastEnd;
                        lastStart = start;
                        lastEnd = i;
                        count++;
                    }

                    start = boundary ? i + 1 : i;
                }
            }

            if (count == 0 || (firstEnd - firstStart == 6 && Word(name, firstStart, firstEnd) == "public"))
            {
                return false;
            }

            var last = Word(name, lastStart, lastEnd);
            if (IsSecretWord(last))
            {
                return last != "pat" || count > 1;
            }

            if (last == "key")
            {
                return count > 1 && IsKeyQualifier(Word(name, previousStart, previousEnd));
            }

            for (var i = 0; i < CompoundSuffixes.Count; i++)
            {
                var word = CompoundSuffixes[i];
                if (last.Length > word.Length + 1 && last.EndsWith(word, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Word(string name, int start, int end)
            => (start == 0 && end == name.Length ? name : name.Substring(start, end - start)).ToLowerInvariant();
    }

    /// <summary>SSA7006: a value with a recognised credential format anywhere in the instructions (the C# secrets detector).</summary>
    public sealed class SecretTokenRule : DockerfileRule
    {
        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.SecretTokenInDockerfile);

        public override void Analyze(DockerfileRuleContext context)
        {
            foreach (var instruction in context.Document.InstructionList)
            {
                Scan(context, instruction.ArgumentText, instruction, null);
                var heredocs = instruction.Heredocs;
                for (var i = 0; i < heredocs.Count; i++)
                {
                    Scan(context, heredocs[i].Content, null, heredocs[i]);
                }
            }
        }

        // The text's owner maps offsets to positions; no delegate is created per instruction (a finding is rare).
        private static void Scan(DockerfileRuleContext context, string text, Instruction? instruction, Heredoc? heredoc)
        {
            var offset = 0;
            while (offset < text.Length && SecretTokenDetector.TryFind(text, offset, out var token))
            {
                var start = token.Start;
                context.Report(
                    Ids.SecretTokenInDockerfile,
                    heredoc != null ? heredoc.GetContentSpan(start, start + token.Length) : instruction!.GetArgumentSpan(start, start + token.Length),
                    new LocalizedSecretKind(token.Kind),
                    text.Substring(start, Math.Min(4, token.Length)),
                    token.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
                offset = start + Math.Max(1, token.Length);
            }
        }
    }

    /// <summary>SSA7007: private keys, .env files, credential files copied into the final image.</summary>
    public sealed class SecretFileCopyRule : DockerfileRule
    {
        // Files in a context root that COPY . would bring in and that hold secrets.
        private static readonly ReadOnlyCollection<string> WellKnownSecretFiles = ReadOnlyTable.Of(
            ".env", ".npmrc", ".netrc", ".git-credentials", "appsettings.Development.json", "nuget.config", "NuGet.Config", "NuGet.config",
            ".aws/credentials", "id_rsa", "id_ed25519");

        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.SecretFileCopiedIntoImage);

        public override void Analyze(DockerfileRuleContext context)
        {
            foreach (var stage in context.Document.StageList)
            {
                if (!context.IsInFinalImage(stage))
                {
                    continue;
                }

                foreach (var instruction in stage.Instructions)
                {
                    if ((instruction.Keyword != "COPY" && instruction.Keyword != "ADD") || instruction.Heredocs.Count > 0)
                    {
                        continue;
                    }

                    var fromStage = instruction.GetFlag("from") != null;
                    var sources = CopySources.Of(instruction);
                    foreach (var (source, span) in sources)
                    {
                        if (IsUrl(source))
                        {
                            continue;
                        }

                        var name = source.TrimEnd('/');
                        var slash = name.LastIndexOf('/');
                        var baseName = slash >= 0 ? name.Substring(slash + 1) : name;
                        if (IsSecretFile(context, fromStage, name, baseName))
                        {
                            context.Report(Ids.SecretFileCopiedIntoImage, span, Describe(instruction), DockerfileParser.Truncate(source));
                        }
                        else if (!fromStage && context.BuildContext != null && CopySources.IsDirectory(source))
                        {
                            var prefix = CopySources.DirectoryPrefix(source);
                            foreach (var file in WellKnownSecretFiles)
                            {
                                var path = prefix + file;
                                var fileName = file.Substring(file.LastIndexOf('/') + 1);
                                if (context.BuildContext.IsSent(path) && context.BuildContext.ReadFile(path) is { } content && IsSecretContent(fileName, content))
                                {
                                    context.Report(Ids.SecretFileCopiedIntoImage, span, Describe(instruction), path);
                                }
                            }
                        }
                    }
                }
            }
        }

        internal static string Describe(Instruction instruction) => DockerfileParser.Truncate(instruction.KeywordToken.Text + " " + instruction.ArgumentText);

        private static bool IsUrl(string source)
            => source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("git@", StringComparison.Ordinal);

        private static bool IsSecretFile(DockerfileRuleContext context, bool fromStage, string path, string baseName)
        {
            var lower = baseName.ToLowerInvariant();
            if (lower.EndsWith(".pub", StringComparison.Ordinal))
            {
                return false;
            }

            if (lower == ".env" || (lower.StartsWith(".env.", StringComparison.Ordinal) && !IsTemplate(lower)))
            {
                return true;
            }

            if (lower.StartsWith("id_rsa", StringComparison.Ordinal) || lower.StartsWith("id_ed25519", StringComparison.Ordinal) || lower.StartsWith("id_ecdsa", StringComparison.Ordinal) || lower.StartsWith("id_dsa", StringComparison.Ordinal))
            {
                return true;
            }

            if (lower.EndsWith(".pem", StringComparison.Ordinal) || lower.EndsWith(".key", StringComparison.Ordinal) || lower.EndsWith(".pfx", StringComparison.Ordinal) || lower.EndsWith(".p12", StringComparison.Ordinal))
            {
                return true;
            }

            if (lower == ".npmrc" || lower == ".netrc" || lower == ".git-credentials" || lower == ".aws" || lower == "appsettings.development.json"
                || path.IndexOf(".aws/", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }

            if (lower == "nuget.config" && !fromStage && context.BuildContext?.ReadFile(path) is { } content)
            {
                return IsSecretContent("nuget.config", content);
            }

            return false;
        }

        private static bool IsTemplate(string lower)
            => lower.EndsWith(".example", StringComparison.Ordinal) || lower.EndsWith(".sample", StringComparison.Ordinal) || lower.EndsWith(".template", StringComparison.Ordinal) || lower.EndsWith(".dist", StringComparison.Ordinal);

        /// <summary>A probed context file that really holds a secret (a nuget.config or .npmrc only when it carries credentials).</summary>
        private static bool IsSecretContent(string fileName, string content)
        {
            switch (fileName.ToLowerInvariant())
            {
                case "nuget.config":
                    return content.IndexOf("packageSourceCredentials", StringComparison.OrdinalIgnoreCase) >= 0
                        && (content.IndexOf("ClearTextPassword", StringComparison.OrdinalIgnoreCase) >= 0 || content.IndexOf("\"Password\"", StringComparison.OrdinalIgnoreCase) >= 0);
                case ".npmrc":
                    return content.IndexOf("_authToken", StringComparison.OrdinalIgnoreCase) >= 0 || content.IndexOf("_auth", StringComparison.OrdinalIgnoreCase) >= 0 || content.IndexOf("_password", StringComparison.OrdinalIgnoreCase) >= 0;
                default:
                    return true;
            }
        }
    }

    /// <summary>SSA7008: COPY . / ADD . with no .dockerignore, or one that lets .git, bin/obj, .env or certificates through.</summary>
    public sealed class DockerignoreRule : DockerfileRule
    {
        internal static readonly LocalizedText NoDockerignore = new LocalizedText(
            "there is no .dockerignore beside it",
            "il n'y a pas de .dockerignore à côté");

        internal static readonly LocalizedText MissingEntries = new LocalizedText(
            "the .dockerignore does not exclude {0}",
            "le .dockerignore n'exclut pas {0}");

        // What must stay out, and a path that shows whether the .dockerignore excludes it.
        private static readonly ReadOnlyCollection<(string Entry, ReadOnlyCollection<string> Probes)> Required = ReadOnlyTable.Of(
            (".git", ReadOnlyTable.Of(".git")),
            ("**/bin", ReadOnlyTable.Of("bin", "src/App/bin")),
            ("**/obj", ReadOnlyTable.Of("obj", "src/App/obj")),
            (".env", ReadOnlyTable.Of(".env")),
            ("*.pfx", ReadOnlyTable.Of("certificate.pfx")));

        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.WholeContextCopiedWithoutDockerignore);

        public override void Analyze(DockerfileRuleContext context)
        {
            var build = context.BuildContext;
            if (build == null)
            {
                return;
            }

            LocalizedArgument? problem = null;
            var computed = false;
            foreach (var instruction in context.Document.InstructionList)
            {
                if ((instruction.Keyword != "COPY" && instruction.Keyword != "ADD") || instruction.GetFlag("from") != null || instruction.Heredocs.Count > 0)
                {
                    continue;
                }

                foreach (var (source, span) in CopySources.Of(instruction))
                {
                    if (source != "." && source != "./" && source != "*" && source != "./*")
                    {
                        continue;
                    }

                    if (!computed)
                    {
                        problem = Problem(build);
                        computed = true;
                    }

                    if (problem != null)
                    {
                        context.Report(Ids.WholeContextCopiedWithoutDockerignore, span, SecretFileCopyRule.Describe(instruction), problem);
                    }
                }
            }
        }

        private static LocalizedArgument? Problem(DockerBuildContext build)
        {
            if (build.Ignore == null)
            {
                return EngineMessages.Arg(NoDockerignore);
            }

            var missing = new List<string>();
            foreach (var (entry, probes) in Required)
            {
                foreach (var probe in probes)
                {
                    if (!build.Ignore.IsExcluded(probe))
                    {
                        missing.Add("'" + entry + "'");
                        break;
                    }
                }
            }

            return missing.Count == 0 ? null : EngineMessages.Arg(MissingEntries, string.Join(", ", missing));
        }
    }

    /// <summary>The source operands of COPY/ADD (all arguments but the destination), with positions.</summary>
    internal static class CopySources
    {
        public static List<(string Source, SourceSpan Span)> Of(Instruction instruction)
        {
            var result = new List<(string, SourceSpan)>();
            if (instruction.ExecArguments != null)
            {
                for (var i = 0; i < instruction.ExecArguments.Count - 1; i++)
                {
                    result.Add((instruction.ExecArguments[i], instruction.ArgumentSpan));
                }

                return result;
            }

            var args = instruction.Arguments;
            for (var i = 0; i < args.Count - 1; i++)
            {
                result.Add((DockerfileParser.Literal(args[i].Text, instruction.EscapeChar), args[i].Span));
            }

            return result;
        }

        public static bool IsDirectory(string source)
            => source == "." || source == "./" || source == "*" || source == "./*" || source.EndsWith("/", StringComparison.Ordinal);

        public static string DirectoryPrefix(string source)
        {
            if (source == "." || source == "./" || source == "*" || source == "./*")
            {
                return string.Empty;
            }

            var s = source;
            while (s.StartsWith("./", StringComparison.Ordinal))
            {
                s = s.Substring(2);
            }

            return s.TrimStart('/');
        }
    }
}
