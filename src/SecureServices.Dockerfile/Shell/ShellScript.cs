using System;
using System.Collections.Generic;
using System.Text;
using SecureServices.Dockerfile.Parsing;

namespace SecureServices.Dockerfile.Shell
{
    /// <summary>A shell word with its quotes removed and where it was in the script text.</summary>
    public readonly struct ShellWord
    {
        public ShellWord(string value, int start, int end)
        {
            Value = value;
            Start = start;
            End = end;
        }

        /// <summary>The word after quote removal (<c>"a b"</c> → <c>a b</c>); <c>$(…)</c> is kept as written.</summary>
        public string Value { get; }

        public int Start { get; }

        public int End { get; }

        public override string ToString() => Value;
    }

    /// <summary>One simple command of a script and the operator that ends it (<c>|</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>;</c>, newline, or empty at the end).</summary>
    public sealed class ShellCommand
    {
        internal ShellCommand(List<ShellWord> words, string separator, int separatorStart)
        {
            Words = words;
            Separator = separator;
            SeparatorStart = separatorStart;
            var i = 0;
            while (i < words.Count && IsAssignment(words[i].Value))
            {
                i++;
            }

            CommandIndex = i;
            Name = i < words.Count ? BaseName(words[i].Value) : string.Empty;
        }

        public List<ShellWord> Words { get; }

        public string Separator { get; }

        /// <summary>Offset of the separator in the script text (-1 when there is none).</summary>
        public int SeparatorStart { get; }

        /// <summary>Index of the command word, after leading <c>NAME=value</c> assignments.</summary>
        public int CommandIndex { get; }

        /// <summary>The command's file name (<c>/usr/bin/curl</c> → <c>curl</c>), or empty for a bare assignment.</summary>
        public string Name { get; }

        public bool IsPipedInto => Separator == "|";

        /// <summary>The arguments after the command word (and after <c>sudo</c>'s own options when the command is sudo).</summary>
        public IEnumerable<ShellWord> Arguments
        {
            get
            {
                for (var i = CommandIndex + 1; i < Words.Count; i++)
                {
                    yield return Words[i];
                }
            }
        }

        /// <summary>True when any argument equals one of <paramref name="values"/> (ordinal).</summary>
        public bool HasArgument(params string[] values)
        {
            for (var i = CommandIndex + 1; i < Words.Count; i++)
            {
                var w = Words[i].Value;
                foreach (var v in values)
                {
                    if (w == v)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The first argument that is not an option (<c>apt-get -y install x</c> → <c>install</c>), or null.</summary>
        public ShellWord? FirstOperand(int from = -1)
        {
            for (var i = from < 0 ? CommandIndex + 1 : from; i < Words.Count; i++)
            {
                if (Words[i].Value.Length > 0 && Words[i].Value[0] != '-')
                {
                    return Words[i];
                }
            }

            return null;
        }

        internal static bool IsAssignment(string word)
        {
            var eq = word.IndexOf('=');
            if (eq <= 0)
            {
                return false;
            }

            for (var i = 0; i < eq; i++)
            {
                var c = word[i];
                if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (i > 0 && c >= '0' && c <= '9')))
                {
                    return false;
                }
            }

            return true;
        }

        private static string BaseName(string word)
        {
            var slash = word.LastIndexOf('/');
            return slash >= 0 && slash < word.Length - 1 ? word.Substring(slash + 1) : word;
        }

        public override string ToString() => string.Join(" ", Words) + " " + Separator;
    }

    /// <summary>
    /// A small POSIX-shell tokenizer, enough to find commands, their words and the operators between them:
    /// quotes, backslash escapes, <c>$(…)</c>, backticks, comments, line continuations and redirections.
    /// It never throws and never runs anything.
    /// </summary>
    public static class ShellScript
    {
        public static List<ShellCommand> Parse(string text)
        {
            var commands = new List<ShellCommand>(4);
            var words = new List<ShellWord>(16);
            var sb = new StringBuilder(64);
            var i = 0;
            var n = text.Length;
            while (i < n)
            {
                var c = text[i];
                if (c == ' ' || c == '\t' || c == '\r')
                {
                    i++;
                    continue;
                }

                if (c == '\\' && i + 1 < n && (text[i + 1] == '\n' || text[i + 1] == '\r'))
                {
                    i += 2;
                    continue;
                }

                if (c == '#')
                {
                    while (i < n && text[i] != '\n')
                    {
                        i++;
                    }

                    continue;
                }

                var sep = Separator(text, i);
                if (sep != null)
                {
                    if (words.Count > 0 || sep != "\n")
                    {
                        Flush(commands, ref words, sep, i);
                    }

                    i += sep.Length;
                    continue;
                }

                // A word. Most words are plain (no quote, escape, substitution or operator): take them as one
                // substring; otherwise copy the plain prefix and continue character by character.
                var start = i;
                while (i < n && !IsSpecial(text[i]))
                {
                    i++;
                }

                if (i > start && (i == n || text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
                {
                    words.Add(new ShellWord(text.Substring(start, i - start), start, i));
                    continue;
                }

                sb.Clear();
                sb.Append(text, start, i - start);
                while (i < n)
                {
                    c = text[i];
                    if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                    {
                        break;
                    }

                    if (c == '\\')
                    {
                        if (i + 1 < n && text[i + 1] == '\n')
                        {
                            i += 2;
                            continue;
                        }

                        if (i + 1 < n)
                        {
                            sb.Append(text[i + 1]);
                        }

                        i += 2;
                        continue;
                    }

                    if (c == '\'')
                    {
                        var close = text.IndexOf('\'', i + 1);
                        if (close < 0)
                        {
                            close = n;
                        }

                        sb.Append(text, i + 1, close - i - 1);
                        i = Math.Min(close + 1, n);
                        continue;
                    }

                    if (c == '"')
                    {
                        i++;
                        while (i < n && text[i] != '"')
                        {
                            if (text[i] == '\\' && i + 1 < n && (text[i + 1] == '"' || text[i + 1] == '\\' || text[i + 1] == '$' || text[i + 1] == '`'))
                            {
                                sb.Append(text[i + 1]);
                                i += 2;
                                continue;
                            }

                            if (text[i] == '\\' && i + 1 < n && text[i + 1] == '\n')
                            {
                                i += 2;
                                continue;
                            }

                            sb.Append(text[i]);
                            i++;
                        }

                        i = Math.Min(i + 1, n);
                        continue;
                    }

                    if ((c == '$' || c == '<' || c == '>') && i + 1 < n && text[i + 1] == '(')
                    {
                        var close = MatchingParen(text, i + 1);
                        sb.Append(text, i, close - i);
                        i = close;
                        continue;
                    }

                    if (c == '`')
                    {
                        var close = text.IndexOf('`', i + 1);
                        close = close < 0 ? n : close + 1;
                        sb.Append(text, i, close - i);
                        i = close;
                        continue;
                    }

                    if (i > start && Separator(text, i) != null && !IsRedirectionAmpersand(text, i))
                    {
                        break;
                    }

                    sb.Append(c);
                    i++;
                }

                if (i > start)
                {
                    words.Add(new ShellWord(sb.ToString(), start, i));
                }
            }

            if (words.Count > 0)
            {
                Flush(commands, ref words, string.Empty, -1);
            }

            return commands;
        }

        private static void Flush(List<ShellCommand> commands, ref List<ShellWord> words, string separator, int position)
        {
            // The scratch list is reused; each command gets an exact-size copy (no growth garbage per command).
            commands.Add(new ShellCommand(new List<ShellWord>(words), separator, position));
            words.Clear();
        }

        /// <summary>A character that ends a plain word or needs the careful path (quotes, escapes, substitutions, operators).</summary>
        private static bool IsSpecial(char c)
        {
            switch (c)
            {
                case ' ': case '\t': case '\r': case '\n': case '\\': case '\'': case '"': case '$': case '<': case '>': case '`':
                case ';': case '(': case ')': case '|': case '&': case '#':
                    return true;
                default:
                    return false;
            }
        }

        private static bool IsRedirectionAmpersand(string text, int i)
            => text[i] == '&' && ((i > 0 && text[i - 1] == '>') || (i + 1 < text.Length && text[i + 1] == '>'));

        private static string? Separator(string text, int i)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            switch (c)
            {
                case '\n': return "\n";
                case ';': return ";";
                case '(': return "(";
                case ')': return ")";
                case '|': return next == '|' ? "||" : "|";
                case '&':
                    if (IsRedirectionAmpersand(text, i))
                    {
                        return null;
                    }

                    return next == '&' ? "&&" : "&";
                default: return null;
            }
        }

        private static int MatchingParen(string text, int open)
        {
            var depth = 0;
            for (var i = open; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')' && --depth == 0)
                {
                    return i + 1;
                }
                else if (c == '\'' || c == '"')
                {
                    var close = text.IndexOf(c, i + 1);
                    if (close < 0)
                    {
                        return text.Length;
                    }

                    i = close;
                }
            }

            return text.Length;
        }
    }

    /// <summary>One shell script of a RUN instruction (its shell-form text, a heredoc body, or its exec form) and how to map offsets back to the file.</summary>
    public sealed class RunScript
    {
        private readonly Instruction instruction;
        private readonly Heredoc? heredoc;

        internal RunScript(Instruction instruction, Heredoc? heredoc, bool isExecForm, List<ShellCommand> commands)
        {
            this.instruction = instruction;
            this.heredoc = heredoc;
            IsExecForm = isExecForm;
            Commands = commands;
        }

        public List<ShellCommand> Commands { get; }

        public bool IsExecForm { get; }

        public bool IsHeredoc => heredoc != null;

        public SourceSpan Span(ShellWord word) => Span(word.Start, word.End);

        public SourceSpan Span(int start, int end)
            => IsExecForm ? instruction.ArgumentSpan
            : heredoc != null ? heredoc.GetContentSpan(start, end)
            : instruction.GetArgumentSpan(start, end);

        /// <summary>The scripts RUN executes: the shell-form text, heredoc bodies fed to a shell, or the exec-form words.</summary>
        public static List<RunScript> Of(Instruction run)
        {
            var result = new List<RunScript>(1);
            if (run.ExecArguments != null)
            {
                var words = new List<ShellWord>(run.ExecArguments.Count);
                foreach (var arg in run.ExecArguments)
                {
                    words.Add(new ShellWord(arg, 0, 0));
                }

                // ["sh", "-c", "script"]: the script is shell text too (positions fall back to the argument list).
                if (words.Count >= 3 && IsShell(words[0].Value) && words[1].Value == "-c")
                {
                    result.Add(new RunScript(run, null, true, ShellScript.Parse(words[2].Value)));
                }
                else
                {
                    result.Add(new RunScript(run, null, true, new List<ShellCommand> { new ShellCommand(words, string.Empty, -1) }));
                }

                return result;
            }

            var commands = ShellScript.Parse(run.ArgumentText);
            result.Add(new RunScript(run, null, false, commands));
            if (run.Heredocs.Count > 0)
            {
                // RUN <<EOF (the body is the script) or RUN bash <<EOF; RUN python3 <<EOF feeds another interpreter.
                var isShell = commands.Count == 0 || commands[0].Name.StartsWith("<<", StringComparison.Ordinal) || IsShell(commands[0].Name);
                foreach (var heredoc in run.Heredocs)
                {
                    var body = heredoc.Content;
                    if (isShell && !(body.StartsWith("#!", StringComparison.Ordinal) && !IsShellShebang(body)))
                    {
                        result.Add(new RunScript(run, heredoc, false, ShellScript.Parse(body)));
                    }
                }
            }

            return result;
        }

        internal static bool IsShell(string name)
        {
            var slash = name.LastIndexOf('/');
            if (slash >= 0)
            {
                name = name.Substring(slash + 1);
            }

            return name == "sh" || name == "bash" || name == "ash" || name == "dash" || name == "zsh" || name == "ksh";
        }

        private static bool IsShellShebang(string body)
        {
            var end = body.IndexOf('\n');
            var first = end < 0 ? body : body.Substring(0, end);
            foreach (var word in first.Substring(2).Split(' ', '/'))
            {
                if (IsShell(word.Trim()))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
