using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using SecureServices.Analyzers.Catalog;
using SecureServices.Dockerfile;
using SecureServices.Dockerfile.Configuration;

namespace SecureServices.Analyzers.Tasks
{
    /// <summary>
    /// Lints <c>@(SecureServicesDockerfile)</c> and logs each finding as <c>file(line,col,endLine,endCol): severity SSA7xxx: message</c>.
    /// Severities follow .editorconfig and the project's NoWarn / WarningsAsErrors / TreatWarningsAsErrors,
    /// exactly as for compiler diagnostics. The task never fails because of a bad input file.
    /// </summary>
    public sealed class LintDockerfiles : Task
    {
        [Required]
        public ITaskItem[] Dockerfiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>@(GlobalAnalyzerConfigFiles): .globalconfig files the compiler also reads.</summary>
        public ITaskItem[] GlobalAnalyzerConfigFiles { get; set; } = Array.Empty<ITaskItem>();

        public string? NoWarn { get; set; }

        public string? WarningsAsErrors { get; set; }

        public string? WarningsNotAsErrors { get; set; }

        public bool TreatWarningsAsErrors { get; set; }

        /// <summary>Overrides the UI culture of the messages (e.g. <c>fr</c>); empty: the build's UI culture.</summary>
        public string? UICulture { get; set; }

        /// <summary>Optional SARIF 2.1.0 file for the Dockerfile findings (<c>$(SecureServicesDockerfileSarif)</c>).</summary>
        public string? Sarif { get; set; }

        /// <summary>Written when the run logged no error, so an unchanged project skips the target next time.</summary>
        public string? StampFile { get; set; }

        public override bool Execute()
        {
            var culture = ResolveCulture();
            var policy = new SeverityPolicy(NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors);
            var configs = new EditorConfigLocator(GlobalAnalyzerConfigFiles);
            var findingCount = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var reportedNotRegular = new HashSet<string>(StringComparer.Ordinal);
            var sarif = string.IsNullOrWhiteSpace(Sarif) ? null : new SarifWriter();
            foreach (var item in Dockerfiles)
            {
                var path = Path.GetFullPath(item.GetMetadata("FullPath") is { Length: > 0 } full ? full : item.ItemSpec);
                if (!seen.Add(path))
                {
                    continue;
                }

                IReadOnlyDictionary<string, string> properties;
                try
                {
                    properties = configs.GetProperties(path);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    properties = new Dictionary<string, string>();
                }

                var options = new LintOptions(properties);
                var notRegular = new List<string>();
                var buildContext = CreateBuildContext(path, item.GetMetadata("BuildContext"), notRegular);
                var findings = new List<(string File, Finding Finding)>();
                foreach (var finding in LintOne(path, options, buildContext))
                {
                    findings.Add((path, finding));
                }

                // A context file that is a pipe, a device or a socket (the .dockerignore, a file a rule reads) was
                // not opened: one SSA9001 at that file, once, rather than a build that waits forever.
                foreach (var file in notRegular)
                {
                    if (reportedNotRegular.Add(file))
                    {
                        findings.Add((file, DockerfileLinter.NotAnalyzable(Dockerfile.Parsing.SourceSpan.Start, EngineMessages.Arg(EngineMessages.NotRegularContextFile, Path.GetFileName(file)))[0]));
                    }
                }

                foreach (var (file, finding) in findings)
                {
                    var rule = RuleCatalog.Get(finding.RuleId);
                    var severity = policy.Resolve(rule, properties);
                    if (Report(file, finding, rule, severity, culture))
                    {
                        findingCount++;
                        sarif?.Add(file, finding, rule, severity, finding.GetMessage(culture));
                    }
                }
            }

            if (sarif != null)
            {
                try
                {
                    sarif.Write(Sarif!, culture);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
                {
                    Log.LogWarning(TaskMessages.SarifNotWritten.Get(culture), Sarif, ex.Message);
                }
            }

            Log.LogMessage(MessageImportance.Low, TaskMessages.Summary.Get(culture), seen.Count, findingCount);
            if (!Log.HasLoggedErrors && !string.IsNullOrEmpty(StampFile))
            {
                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(StampFile))!);
                    File.WriteAllText(StampFile, DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture));
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    Log.LogMessage(MessageImportance.Low, TaskMessages.StampNotWritten.Get(culture), StampFile, ex.Message);
                }
            }

            return !Log.HasLoggedErrors;
        }

        /// <summary>
        /// The Docker build context: the item's <c>BuildContext</c> metadata or the Dockerfile's folder. Its
        /// .dockerignore is <c>&lt;Dockerfile&gt;.dockerignore</c> beside the Dockerfile when present (as BuildKit
        /// does), else <c>.dockerignore</c> at the context root. Context files are resolved inside the context
        /// (a symbolic link that leaves it is an absent file, as for the builder) and never opened unless they
        /// are regular files; the paths of those that are not are added to <paramref name="notRegular"/>.
        /// A .dockerignore that is not a regular file leaves the context unknown (the builder could not read it either).
        /// </summary>
        internal static DockerBuildContext? CreateBuildContext(string dockerfile, string? contextMetadata, List<string>? notRegular = null)
        {
            try
            {
                var root = ContextRoot(dockerfile, contextMetadata);
                if (FileProbe.Kind(root) != FileKind.Directory)
                {
                    return null;
                }

                var ignorePath = DockerignorePath(dockerfile, root);
                string? ignore = null;
                if (ignorePath != null)
                {
                    if (FileProbe.Kind(ignorePath) == FileKind.Special)
                    {
                        notRegular?.Add(ignorePath);
                        return null;
                    }

                    ignore = ReadSmall(ignorePath);
                }

                return new DockerBuildContext(ignore, relative =>
                {
                    if (relative.IndexOf("..", StringComparison.Ordinal) >= 0 || Path.IsPathRooted(relative))
                    {
                        return null;
                    }

                    var file = FileProbe.ResolveInContext(root, relative);
                    if (file == null)
                    {
                        return null;
                    }

                    if (FileProbe.Kind(file) == FileKind.Special)
                    {
                        if (notRegular != null && !notRegular.Contains(file))
                        {
                            notRegular.Add(file);
                        }

                        return null;
                    }

                    return ReadSmall(file);
                });
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException || ex is System.Security.SecurityException)
            {
                return null;
            }
        }

        /// <summary>The context root: the <c>BuildContext</c> metadata relative to the Dockerfile's folder, or the guessed one.</summary>
        private static string ContextRoot(string dockerfile, string? contextMetadata)
        {
            var dockerfileDirectory = Path.GetDirectoryName(dockerfile)!;
            return string.IsNullOrWhiteSpace(contextMetadata)
                ? GuessContext(dockerfileDirectory, dockerfile + ".dockerignore")
                : Path.GetFullPath(Path.Combine(dockerfileDirectory, contextMetadata!.Trim()));
        }

        /// <summary>The .dockerignore the context uses (the Dockerfile-specific one first), or null when there is none.</summary>
        private static string? DockerignorePath(string dockerfile, string root)
        {
            var specific = dockerfile + ".dockerignore";
            if (IsFile(specific))
            {
                return specific;
            }

            var general = Path.Combine(root, ".dockerignore");
            return IsFile(general) ? general : null;
        }

        /// <summary>What <c>File.Exists</c> answers (a file of any type, not a folder), without touching the file.</summary>
        private static bool IsFile(string path) => FileProbe.Kind(path) is FileKind.Regular or FileKind.Special;

        /// <summary>
        /// Every .dockerignore whose presence or content can change what the task reports for this Dockerfile:
        /// the Dockerfile-specific one, the one in the Dockerfile's folder and in each parent folder the context
        /// guess may climb to, and the one at an explicit context root. The targets' Inputs must cover the same set.
        /// </summary>
        internal static IEnumerable<string> DockerignoreCandidates(string dockerfile, string? contextMetadata)
        {
            var dockerfileDirectory = Path.GetDirectoryName(dockerfile)!;
            yield return dockerfile + ".dockerignore";
            if (!string.IsNullOrWhiteSpace(contextMetadata))
            {
                yield return Path.Combine(Path.GetFullPath(Path.Combine(dockerfileDirectory, contextMetadata!.Trim())), ".dockerignore");
                yield break;
            }

            var dir = dockerfileDirectory;
            yield return Path.Combine(dir, ".dockerignore");
            for (var depth = 0; depth < MaxContextGuessDepth; depth++)
            {
                var parent = Path.GetDirectoryName(dir);
                if (string.IsNullOrEmpty(parent))
                {
                    yield break;
                }

                dir = parent!;
                yield return Path.Combine(dir, ".dockerignore");
            }
        }

        /// <summary>How many parent folders the context guess climbs (the targets list as many for Inputs).</summary>
        internal const int MaxContextGuessDepth = 4;

        /// <summary>
        /// Without a BuildContext, the Dockerfile's folder — unless it has no .dockerignore and a parent folder up to
        /// the repository root does: Visual Studio's layout builds from the solution folder, where its .dockerignore is.
        /// </summary>
        private static string GuessContext(string dockerfileDirectory, string specificIgnore)
        {
            if (IsFile(specificIgnore) || IsFile(Path.Combine(dockerfileDirectory, ".dockerignore")))
            {
                return dockerfileDirectory;
            }

            var dir = dockerfileDirectory;
            for (var depth = 0; depth < MaxContextGuessDepth && !IsRepositoryRoot(dir); depth++)
            {
                var parent = Path.GetDirectoryName(dir);
                if (string.IsNullOrEmpty(parent))
                {
                    break;
                }

                dir = parent!;
                if (IsFile(Path.Combine(dir, ".dockerignore")))
                {
                    return dir;
                }
            }

            return dockerfileDirectory;
        }

        private static bool IsRepositoryRoot(string dir)
            => Directory.Exists(Path.Combine(dir, ".git")) || File.Exists(Path.Combine(dir, ".git"));

        /// <summary>
        /// A context file's text, or null when absent, not a regular file, unreadable or larger than 1 MB (not a
        /// config file). A zero-length file is never opened: its text is empty whatever it is.
        /// </summary>
        internal static string? ReadSmall(string path, long maxBytes = 1024 * 1024)
        {
            try
            {
                if (FileProbe.Kind(path) != FileKind.Regular)
                {
                    return null;
                }

                var info = new FileInfo(path);
                if (!info.Exists || info.Length > maxBytes)
                {
                    return null;
                }

                return info.Length == 0 ? string.Empty : File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException || ex is System.Security.SecurityException)
            {
                return null;
            }
        }

        private static IReadOnlyList<Finding> LintOne(string path, LintOptions options, DockerBuildContext? buildContext)
        {
            byte[] content;
            try
            {
                switch (FileProbe.Kind(path))
                {
                    case FileKind.Directory:
                        return DockerfileLinter.NotAnalyzable(Dockerfile.Parsing.SourceSpan.Start, EngineMessages.Arg(EngineMessages.IsFolder));
                    case FileKind.Missing:
                        return DockerfileLinter.NotAnalyzable(Dockerfile.Parsing.SourceSpan.Start, EngineMessages.Arg(EngineMessages.DoesNotExist));
                    case FileKind.Special:
                        // Opening a named pipe blocks until a writer appears; a device may never end.
                        return DockerfileLinter.NotAnalyzable(Dockerfile.Parsing.SourceSpan.Start, EngineMessages.Arg(EngineMessages.NotRegularFile));
                }

                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    return DockerfileLinter.NotAnalyzable(Dockerfile.Parsing.SourceSpan.Start, EngineMessages.Arg(EngineMessages.DoesNotExist));
                }

                if (info.Length > DockerfileLinter.MaxFileBytes)
                {
                    return DockerfileLinter.NotAnalyzable(Dockerfile.Parsing.SourceSpan.Start, EngineMessages.Arg(EngineMessages.TooLarge, info.Length / (1024 * 1024), DockerfileLinter.MaxFileBytes / (1024 * 1024)));
                }

                // A zero-length file is not opened (where the file type is unknown, a pipe has length 0 too).
                content = info.Length == 0 ? Array.Empty<byte>() : File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
            {
                return DockerfileLinter.NotAnalyzable(Dockerfile.Parsing.SourceSpan.Start, EngineMessages.Arg(EngineMessages.CannotRead, ex.GetType().Name));
            }

            return DockerfileLinter.Lint(content, options, buildContext);
        }

        private bool Report(string path, Finding finding, RuleDefinition rule, RuleSeverity severity, CultureInfo culture)
        {
            var message = finding.GetMessage(culture);
            var s = finding.Span;
            switch (severity)
            {
                case RuleSeverity.Error:
                    Log.LogError(null, rule.Id, null, rule.HelpLink, path, s.StartLine, s.StartColumn, s.EndLine, s.EndColumn, "{0}", message);
                    return true;
                case RuleSeverity.Warning:
                    Log.LogWarning(null, rule.Id, null, rule.HelpLink, path, s.StartLine, s.StartColumn, s.EndLine, s.EndColumn, "{0}", message);
                    return true;
                case RuleSeverity.Suggestion:
                    Log.LogMessage(null, rule.Id, null, path, s.StartLine, s.StartColumn, s.EndLine, s.EndColumn, MessageImportance.Normal, "{0}", message);
                    return true;
                default:
                    return false;
            }
        }

        private CultureInfo ResolveCulture()
        {
            if (!string.IsNullOrWhiteSpace(UICulture))
            {
                try
                {
                    return new CultureInfo(UICulture!.Trim());
                }
                catch (CultureNotFoundException)
                {
                }
            }

            return CultureInfo.CurrentUICulture;
        }
    }
}
