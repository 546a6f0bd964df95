using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using SecureServices.Dockerfile.Configuration;

namespace SecureServices.Analyzers.Tasks
{
    /// <summary>
    /// Finds the .editorconfig files above a Dockerfile (up to <c>root = true</c>) and the project's global
    /// analyzer configs, and resolves the properties that apply to it. Folders are read once per task run.
    /// </summary>
    internal sealed class EditorConfigLocator
    {
        private readonly List<EditorConfigFile> globals = new List<EditorConfigFile>();
        private readonly Dictionary<string, EditorConfigFile?> byDirectory = new Dictionary<string, EditorConfigFile?>(StringComparer.Ordinal);

        public EditorConfigLocator(ITaskItem[] globalConfigs)
        {
            foreach (var item in globalConfigs)
            {
                var file = TryRead(Path.GetFullPath(item.ItemSpec));
                if (file != null)
                {
                    globals.Add(file);
                }
            }
        }

        public IReadOnlyDictionary<string, string> GetProperties(string dockerfilePath)
        {
            var chain = new List<EditorConfigFile>();
            for (var dir = Path.GetDirectoryName(dockerfilePath); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            {
                if (!byDirectory.TryGetValue(dir!, out var file))
                {
                    file = TryRead(Path.Combine(dir!, ".editorconfig"));
                    byDirectory[dir!] = file;
                }

                if (file != null)
                {
                    chain.Add(file);
                    if (file.IsRoot)
                    {
                        break;
                    }
                }
            }

            chain.Reverse();
            var all = new List<EditorConfigFile>(globals.Count + chain.Count);
            all.AddRange(globals);
            all.AddRange(chain);
            var set = new EditorConfigSet(all);
            var properties = set.GetPropertiesFromAnySection(IsDockerfileRuleKey);
            foreach (var pair in set.GetProperties(dockerfilePath))
            {
                properties[pair.Key] = pair.Value;
            }

            return properties;
        }

        /// <summary><c>dotnet_diagnostic.SSA7xxx.severity</c> and <c>SSA9xxx</c>: keys that only a Dockerfile rule can mean.</summary>
        private static bool IsDockerfileRuleKey(string key)
            => key.StartsWith("dotnet_diagnostic.SSA7", StringComparison.OrdinalIgnoreCase)
            || key.StartsWith("dotnet_diagnostic.SSA9", StringComparison.OrdinalIgnoreCase)
            || key.StartsWith("secureservices.", StringComparison.OrdinalIgnoreCase);

        private static EditorConfigFile? TryRead(string path)
        {
            try
            {
                // Never opened unless it is a regular file: a named pipe would block the build.
                return LintDockerfiles.ReadSmall(path, long.MaxValue) is { } text ? EditorConfigFile.Parse(text, Path.GetDirectoryName(path)!) : null;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
