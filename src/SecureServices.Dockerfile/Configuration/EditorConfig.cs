using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace SecureServices.Dockerfile.Configuration
{
    /// <summary>One parsed .editorconfig (or global analyzer config) file.</summary>
    public sealed class EditorConfigFile
    {
        private EditorConfigFile(string directory, bool isRoot, bool isGlobal, List<Section> sections, Dictionary<string, string> preamble)
        {
            Directory = directory;
            IsRoot = isRoot;
            IsGlobal = isGlobal;
            Sections = sections;
            Preamble = preamble;
        }

        /// <summary>The folder the file is in, with forward slashes and no trailing slash.</summary>
        public string Directory { get; }

        public bool IsRoot { get; }

        /// <summary><c>is_global = true</c>: its properties apply to every file.</summary>
        public bool IsGlobal { get; }

        internal List<Section> Sections { get; }

        internal Dictionary<string, string> Preamble { get; }

        public static EditorConfigFile Parse(string text, string directory)
        {
            var sections = new List<Section>();
            var preamble = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var current = preamble;
            foreach (var rawLine in text.Split('\n'))
            {
                var line = rawLine.Trim();
                if (line.Length == 0 || line[0] == '#' || line[0] == ';')
                {
                    continue;
                }

                if (line[0] == '[' && line[line.Length - 1] == ']')
                {
                    var section = new Section(line.Substring(1, line.Length - 2));
                    sections.Add(section);
                    current = section.Properties;
                    continue;
                }

                var eq = line.IndexOf('=');
                if (eq <= 0)
                {
                    continue;
                }

                var key = line.Substring(0, eq).Trim();
                var value = line.Substring(eq + 1).Trim();
                var comment = value.IndexOfAny(new[] { ' ' });
                if (comment > 0 && comment + 1 < value.Length && (value[comment + 1] == '#' || value[comment + 1] == ';'))
                {
                    value = value.Substring(0, comment).Trim();
                }

                current[key] = value;
            }

            preamble.TryGetValue("root", out var root);
            preamble.TryGetValue("is_global", out var global);
            return new EditorConfigFile(
                NormalizeDirectory(directory),
                string.Equals(root, "true", StringComparison.OrdinalIgnoreCase),
                string.Equals(global, "true", StringComparison.OrdinalIgnoreCase),
                sections,
                preamble);
        }

        internal static string NormalizeDirectory(string directory)
            => directory.Replace('\\', '/').TrimEnd('/');

        internal sealed class Section
        {
            private Regex? regex;

            public Section(string name) => Name = name;

            public string Name { get; }

            public Dictionary<string, string> Properties { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

            public bool Matches(string directory, string fullPath)
            {
                regex ??= BuildRegex(directory, Name);
                return regex.IsMatch(fullPath);
            }

            private static Regex BuildRegex(string directory, string glob)
            {
                var pattern = new StringBuilder("^");
                if (glob.IndexOf('/') >= 0)
                {
                    pattern.Append(Regex.Escape(directory)).Append('/');
                    glob = glob.TrimStart('/');
                }
                else
                {
                    pattern.Append("(?:.*/)?");
                }

                var braces = 0;
                for (var i = 0; i < glob.Length; i++)
                {
                    var c = glob[i];
                    switch (c)
                    {
                        case '*':
                            if (i + 1 < glob.Length && glob[i + 1] == '*')
                            {
                                pattern.Append(".*");
                                i++;
                            }
                            else
                            {
                                pattern.Append("[^/]*");
                            }

                            break;
                        case '?':
                            pattern.Append("[^/]");
                            break;
                        case '{':
                            braces++;
                            pattern.Append("(?:");
                            break;
                        case '}' when braces > 0:
                            braces--;
                            pattern.Append(')');
                            break;
                        case ',' when braces > 0:
                            pattern.Append('|');
                            break;
                        case '[':
                            var close = glob.IndexOf(']', i + 1);
                            if (close < 0)
                            {
                                pattern.Append("\\[");
                                break;
                            }

                            var set = glob.Substring(i + 1, close - i - 1);
                            pattern.Append('[').Append(set.StartsWith("!", StringComparison.Ordinal) ? "^" + set.Substring(1) : set).Append(']');
                            i = close;
                            break;
                        case '\\' when i + 1 < glob.Length:
                            pattern.Append(Regex.Escape(glob[++i].ToString()));
                            break;
                        default:
                            pattern.Append(Regex.Escape(c.ToString()));
                            break;
                    }
                }

                while (braces-- > 0)
                {
                    pattern.Append(')');
                }

                pattern.Append('$');
                try
                {
                    return new Regex(pattern.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
                }
                catch (ArgumentException)
                {
                    return new Regex("(?!)");
                }
            }
        }
    }

    /// <summary>
    /// The .editorconfig files that apply to a Dockerfile (nearest last) plus global configs, resolved
    /// as Roslyn resolves them for a source file.
    /// </summary>
    public sealed class EditorConfigSet
    {
        private readonly IReadOnlyList<EditorConfigFile> files;

        /// <param name="files">Global configs and .editorconfig files, the farthest folder first.</param>
        public EditorConfigSet(IReadOnlyList<EditorConfigFile> files) => this.files = files;

        public static readonly EditorConfigSet Empty = new EditorConfigSet(Array.Empty<EditorConfigFile>());

        /// <summary>Every property that applies to <paramref name="filePath"/>; nearer files and later sections win.</summary>
        public Dictionary<string, string> GetProperties(string filePath)
        {
            var path = filePath.Replace('\\', '/');
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in files)
            {
                if (file.IsGlobal)
                {
                    Copy(file.Preamble, result, skipEditorConfigKeys: true);
                }
            }

            foreach (var file in files)
            {
                foreach (var section in file.Sections)
                {
                    if (file.IsGlobal ? IsGlobalSectionFor(section.Name, path) : section.Matches(file.Directory, path))
                    {
                        Copy(section.Properties, result, skipEditorConfigKeys: false);
                    }
                }
            }

            return result;
        }

        /// <summary>
        /// Properties set in sections that do not match the Dockerfile's path (e.g. <c>[*.cs]</c>), for keys that
        /// can only mean a Dockerfile rule: users configure all SSA rules in one place, and an SSA7xxx severity
        /// written under <c>[*.cs]</c> still means the Dockerfile rule.
        /// </summary>
        public Dictionary<string, string> GetPropertiesFromAnySection(Func<string, bool> keyFilter)
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in files)
            {
                foreach (var section in file.Sections)
                {
                    foreach (var pair in section.Properties)
                    {
                        if (keyFilter(pair.Key))
                        {
                            result[pair.Key] = pair.Value;
                        }
                    }
                }
            }

            return result;
        }

        private static bool IsGlobalSectionFor(string sectionName, string path)
            => string.Equals(sectionName.Replace('\\', '/'), path, StringComparison.OrdinalIgnoreCase);

        private static void Copy(Dictionary<string, string> from, Dictionary<string, string> to, bool skipEditorConfigKeys)
        {
            foreach (var pair in from)
            {
                if (skipEditorConfigKeys && (pair.Key.Equals("is_global", StringComparison.OrdinalIgnoreCase) || pair.Key.Equals("global_level", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                to[pair.Key] = pair.Value;
            }
        }
    }
}
