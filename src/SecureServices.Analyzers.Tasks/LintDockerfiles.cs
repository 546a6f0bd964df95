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
                var buildContext = CreateBuildContext(path, item.GetMetadata("BuildContext"));
                foreach (var finding in LintOne(path, options, buildContext))
                {
                    var rule = RuleCatalog.Get(finding.RuleId);
                    var severity = policy.Resolve(rule, properties);
                    if (Report(path, finding, rule, severity, culture))
                    {
                        findingCount++;
                        sarif?.Add(path, finding, rule, severity, finding.GetMessage(culture));
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
        /// does), else <c>.dockerignore</c> at the context root.
        /// </summary>
        internal static DockerBuildContext? CreateBuildContext(string dockerfile, string? contextMetadata)
        {
            try
            {
                var dockerfileDirectory = Path.GetDirectoryName(dockerfile)!;
                var specific = dockerfile + ".dockerignore";
                var root = string.IsNullOrWhiteSpace(contextMetadata)
                    ? GuessContext(dockerfileDirectory, specific)
                    : Path.GetFullPath(Path.Combine(dockerfileDirectory, contextMetadata!.Trim()));
                if (!Directory.Exists(root))
                {
                    return null;
                }

                var general = Path.Combine(root, ".dockerignore");
                var ignore = ReadSmall(File.Exists(specific) ? specific : general);
                return new DockerBuildContext(ignore, relative =>
                {
                    if (relative.IndexOf("..", StringComparison.Ordinal) >= 0 || Path.IsPathRooted(relative))
                    {
                        return null;
                    }

                    return ReadSmall(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)));
                });
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException || ex is System.Security.SecurityException)
            {
                return null;
            }
        }

        /// <summary>
        /// Without a BuildContext, the Dockerfile's folder — unless it has no .dockerignore and a parent folder up to
        /// the repository root does: Visual Studio's layout builds from the solution folder, where its .dockerignore is.
        /// </summary>
        private static string GuessContext(string dockerfileDirectory, string specificIgnore)
        {
            if (File.Exists(specificIgnore) || File.Exists(Path.Combine(dockerfileDirectory, ".dockerignore")))
            {
                return dockerfileDirectory;
            }

            var dir = dockerfileDirectory;
            for (var depth = 0; depth < 4 && !IsRepositoryRoot(dir); depth++)
            {
                var parent = Path.GetDirectoryName(dir);
                if (string.IsNullOrEmpty(parent))
                {
                    break;
                }

                dir = parent!;
                if (File.Exists(Path.Combine(dir, ".dockerignore")))
                {
                    return dir;
                }
            }

            return dockerfileDirectory;
        }

        private static bool IsRepositoryRoot(string dir)
            => Directory.Exists(Path.Combine(dir, ".git")) || File.Exists(Path.Combine(dir, ".git"));

        /// <summary>A context file's text, or null when absent, unreadable or larger than 1 MB (not a config file).</summary>
        private static string? ReadSmall(string path)
        {
            try
            {
                var info = new FileInfo(path);
                return info.Exists && info.Length <= 1024 * 1024 ? File.ReadAllText(path) : null;
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
                if (Directory.Exists(path))
                {
                    return DockerfileLinter.NotAnalyzable(Dockerfile.Parsing.SourceSpan.Start, EngineMessages.Arg(EngineMessages.IsFolder));
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

                content = File.ReadAllBytes(path);
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
