using System;
using System.Collections.Generic;
using SecureServices.Dockerfile.Parsing;

namespace SecureServices.Dockerfile
{
    /// <summary>
    /// In-file suppressions: <c># secureservices ignore=SSA7001,SSA7004 -- reason</c> in the comment lines
    /// right above an instruction silences those ids on that instruction; <c># secureservices ignore-file=SSA7001</c>
    /// anywhere silences them for the whole file.
    /// </summary>
    internal sealed class Suppressions
    {
        private readonly HashSet<string> fileWide = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly List<(int FirstLine, int LastLine, HashSet<string> Ids)> ranges = new List<(int, int, HashSet<string>)>();

        public int Count => fileWide.Count + ranges.Count;

        private static bool MentionsTool(DockerfileDocument document)
        {
            foreach (var comment in document.Comments)
            {
                if (comment.Text.StartsWith("secureservices", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The suppressions of the file, or null when no comment mentions the tool (the usual file).</summary>
        public static Suppressions? Read(DockerfileDocument document)
        {
            if (!MentionsTool(document))
            {
                return null;
            }

            var result = new Suppressions();

            var pending = new Dictionary<int, HashSet<string>>();
            foreach (var comment in document.Comments)
            {
                if (!TryParse(comment.Text, out var fileScope, out var ids))
                {
                    continue;
                }

                if (fileScope)
                {
                    result.fileWide.UnionWith(ids);
                }
                else
                {
                    pending[comment.Line] = ids;
                }
            }

            if (pending.Count == 0)
            {
                return result;
            }

            var commentLines = new HashSet<int>();
            foreach (var c in document.Comments)
            {
                commentLines.Add(c.Line);
            }

            foreach (var instruction in document.InstructionList)
            {
                // Walk up the contiguous comment block above the instruction.
                for (var line = instruction.Span.StartLine - 1; line >= 1 && commentLines.Contains(line); line--)
                {
                    if (pending.TryGetValue(line, out var ids))
                    {
                        result.ranges.Add((instruction.Span.StartLine, instruction.Span.EndLine, ids));
                    }
                }
            }

            return result;
        }

        public bool IsSuppressed(Finding finding)
        {
            if (fileWide.Contains(finding.RuleId))
            {
                return true;
            }

            foreach (var (first, last, ids) in ranges)
            {
                if (finding.Span.StartLine >= first && finding.Span.StartLine <= last && ids.Contains(finding.RuleId))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool TryParse(string text, out bool fileScope, out HashSet<string> ids)
        {
            fileScope = false;
            ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            const string Prefix = "secureservices ";
            if (!text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var rest = text.Substring(Prefix.Length).TrimStart();
            string list;
            if (rest.StartsWith("ignore-file=", StringComparison.OrdinalIgnoreCase))
            {
                fileScope = true;
                list = rest.Substring("ignore-file=".Length);
            }
            else if (rest.StartsWith("ignore=", StringComparison.OrdinalIgnoreCase))
            {
                list = rest.Substring("ignore=".Length);
            }
            else
            {
                return false;
            }

            var reason = list.IndexOf("--", StringComparison.Ordinal);
            if (reason >= 0)
            {
                list = list.Substring(0, reason);
            }

            foreach (var id in list.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                ids.Add(id.Trim());
            }

            return ids.Count > 0;
        }
    }
}
