using System;
using System.Collections.Generic;

namespace SecureServices.Dockerfile
{
    /// <summary>
    /// What the engine may know about the Docker build context: the .dockerignore that applies to the
    /// Dockerfile and a reader for files relative to the context root. The engine never touches the disk itself.
    /// </summary>
    public sealed class DockerBuildContext
    {
        private readonly Func<string, string?> readFile;

        /// <param name="dockerignore">The text of the .dockerignore in effect, or null when there is none.</param>
        /// <param name="readFile">Reads a context-relative path ('/'-separated); null when absent or unreadable. May throw; the engine catches.</param>
        public DockerBuildContext(string? dockerignore, Func<string, string?> readFile)
        {
            DockerignoreText = dockerignore;
            Ignore = dockerignore == null ? null : DockerIgnore.Parse(dockerignore);
            this.readFile = readFile;
        }

        public string? DockerignoreText { get; }

        /// <summary>The parsed .dockerignore, or null when the context has none.</summary>
        public DockerIgnore? Ignore { get; }

        /// <summary>Is the path sent to the builder (not excluded by the .dockerignore)?</summary>
        public bool IsSent(string relativePath) => Ignore == null || !Ignore.IsExcluded(relativePath);

        public string? ReadFile(string relativePath)
        {
            try
            {
                return readFile(relativePath);
            }
            catch (Exception)
            {
                return null;
            }
        }
    }

    /// <summary>.dockerignore patterns with Docker's semantics: Go-style globs, <c>**</c>, <c>!</c> exceptions, last match wins, a match on a folder excludes what it holds.</summary>
    public sealed class DockerIgnore
    {
        private readonly List<(string[] Segments, bool Negated)> patterns = new List<(string[], bool)>();

        /// <summary>
        /// Reads the patterns as BuildKit's ignore-file reader (moby/patternmatcher <c>ignorefile.ReadAll</c>) does:
        /// a line is a comment only when '#' is its very first character (<c> #x</c> and <c>\#x</c> are patterns, the
        /// latter matching a file named <c>#x</c>); the rest is trimmed, a leading '!' makes an exception, and the pattern
        /// is cleaned like Go's <c>filepath.Clean</c> with its leading '/' dropped.
        /// </summary>
        public static DockerIgnore Parse(string text)
        {
            var result = new DockerIgnore();
            var first = true;
            foreach (var raw in text.Split('\n'))
            {
                var line = first && raw.Length > 0 && raw[0] == '\uFEFF' ? raw.Substring(1) : raw;
                first = false;
                if (line.Length > 0 && line[0] == '#')
                {
                    continue;
                }

                line = line.Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                var negated = line[0] == '!';
                if (negated)
                {
                    line = line.Substring(1).Trim();
                }

                line = CleanPattern(line);
                if (line.Length == 0)
                {
                    continue;
                }

                var segments = new List<string>();
                foreach (var segment in line.Split('/'))
                {
                    // '**/**' means '**': collapsing keeps a hostile pattern from exploding the folder matching.
                    if (segment != "**" || segments.Count == 0 || segments[segments.Count - 1] != "**")
                    {
                        segments.Add(segment);
                    }
                }

                result.patterns.Add((segments.ToArray(), negated));
            }

            return result;
        }

        public bool IsExcluded(string relativePath)
        {
            var path = Clean(relativePath).Split('/');
            var excluded = false;
            foreach (var (segments, negated) in patterns)
            {
                if (excluded == !negated)
                {
                    continue;
                }

                // The pattern matches the path or one of its parent folders.
                for (var length = path.Length; length >= 1; length--)
                {
                    if (Match(segments, 0, path, 0, length))
                    {
                        excluded = !negated;
                        break;
                    }
                }
            }

            return excluded;
        }

        /// <summary>
        /// Go's <c>filepath.Clean</c> with Unix rules, then no leading '/', "." for the context root becoming empty.
        /// Unix rules whatever the host: Dockerfiles are built by BuildKit on Linux in practice, where '\' is not a
        /// separator but escapes the next pattern character (<c>a\*b</c> is the literal name <c>a*b</c>), so a
        /// backslash is kept for <see cref="MatchOne"/> instead of being turned into '/'.
        /// </summary>
        private static string CleanPattern(string pattern)
        {
            if (pattern.IndexOf("//", StringComparison.Ordinal) < 0 && pattern.IndexOf('.') < 0 && pattern[0] != '/' && pattern[pattern.Length - 1] != '/')
            {
                // Already clean: the usual pattern (*.pfx, **/bin, secrets) costs no allocation.
                return pattern;
            }

            var rooted = pattern[0] == '/';
            var kept = new List<string>();
            foreach (var element in pattern.Split('/'))
            {
                if (element.Length == 0 || element == ".")
                {
                    continue;
                }

                if (element == "..")
                {
                    if (kept.Count > 0 && kept[kept.Count - 1] != "..")
                    {
                        kept.RemoveAt(kept.Count - 1);
                        continue;
                    }

                    if (rooted)
                    {
                        // "/.." is "/": nothing above the root.
                        continue;
                    }
                }

                kept.Add(element);
            }

            // Relative to the context, as ReadAll drops the leading '/'.
            return string.Join("/", kept);
        }

        /// <summary>A context-relative path as the callers pass it ('/'-separated, a Windows '\' tolerated).</summary>
        private static string Clean(string path)
        {
            path = path.Replace('\\', '/');
            while (path.StartsWith("./", StringComparison.Ordinal))
            {
                path = path.Substring(2);
            }

            path = path.Trim('/');
            while (path.Contains("//"))
            {
                path = path.Replace("//", "/");
            }

            return path == "." ? string.Empty : path;
        }

        private static bool Match(string[] pattern, int p, string[] path, int s, int length)
        {
            if (p == pattern.Length)
            {
                return s == length;
            }

            if (pattern[p] == "**")
            {
                for (var k = s; k <= length; k++)
                {
                    if (Match(pattern, p + 1, path, k, length))
                    {
                        return true;
                    }
                }

                return false;
            }

            return s < length && Glob(pattern[p], path[s]) && Match(pattern, p + 1, path, s + 1, length);
        }

        /// <summary>
        /// One path segment against one glob segment, without recursion: a '*' only remembers where to resume, so
        /// a hostile pattern (thousands of stars, '*a*a*a…') costs pattern × text steps, never a stack overflow.
        /// </summary>
        private static bool Glob(string pattern, string text)
        {
            int p = 0, t = 0, starP = -1, starT = 0;
            while (t < text.Length)
            {
                if (p < pattern.Length && pattern[p] == '*')
                {
                    starP = ++p;
                    starT = t;
                    continue;
                }

                if (p < pattern.Length && MatchOne(pattern, ref p, text[t]))
                {
                    t++;
                    continue;
                }

                if (starP < 0)
                {
                    return false;
                }

                p = starP;
                t = ++starT;
            }

            while (p < pattern.Length && pattern[p] == '*')
            {
                p++;
            }

            return p == pattern.Length;
        }

        /// <summary>
        /// Does the pattern element at <paramref name="p"/> ('?', '[set]', '\\x' or a literal) match <paramref name="c"/>? Advances past it when it does.
        /// '\\x' is the literal x (Unix <c>filepath.Match</c>, as BuildKit on Linux); a trailing '\\' is a literal backslash.
        /// </summary>
        private static bool MatchOne(string pattern, ref int p, char c)
        {
            var pc = pattern[p];
            if (pc == '[')
            {
                var close = pattern.IndexOf(']', p + 1);
                if (close > p + 1)
                {
                    var set = pattern.Substring(p + 1, close - p - 1);
                    var negate = set[0] == '^' || set[0] == '!';
                    if (negate)
                    {
                        set = set.Substring(1);
                    }

                    var found = false;
                    for (var i = 0; i < set.Length; i++)
                    {
                        if (i + 2 < set.Length && set[i + 1] == '-')
                        {
                            found |= c >= set[i] && c <= set[i + 2];
                            i += 2;
                        }
                        else
                        {
                            found |= c == set[i];
                        }
                    }

                    if (found == negate)
                    {
                        return false;
                    }

                    p = close + 1;
                    return true;
                }
            }

            var next = p + 1;
            if (pc == '\\' && p + 1 < pattern.Length)
            {
                pc = pattern[p + 1];
                next = p + 2;
            }
            else if (pc == '?')
            {
                p = next;
                return true;
            }

            if (pc != c)
            {
                return false;
            }

            p = next;
            return true;
        }
    }
}
