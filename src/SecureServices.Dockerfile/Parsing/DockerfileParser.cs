using System;
using System.Collections.Generic;
using System.Text;

namespace SecureServices.Dockerfile.Parsing
{
    /// <summary>
    /// A BuildKit-faithful Dockerfile parser that never throws: directives, escape character, line
    /// continuations (with comment and blank lines inside them), heredocs, flags, exec/shell forms,
    /// global ARG substitution in FROM, stages. Every token keeps its exact position.
    /// </summary>
    public static class DockerfileParser
    {
        // Ordered by how often they appear, so the linear match below usually stops early.
        private static readonly System.Collections.ObjectModel.ReadOnlyCollection<string> Keywords = ReadOnlyTable.Of(

            "RUN", "COPY", "FROM", "ENV", "ARG", "WORKDIR", "USER", "EXPOSE", "ENTRYPOINT", "CMD", "LABEL", "ADD",
            "HEALTHCHECK", "SHELL", "VOLUME", "STOPSIGNAL", "ONBUILD", "MAINTAINER");

        /// <summary>The upper-case keyword (a shared string, no allocation) or null when the word is not one.</summary>
        private static string? MatchKeyword(string text, int start, int length)
        {
            if (length < 3 || length > 11)
            {
                return null;
            }

            // ASCII first letters pick the one keyword it can be (length and the first letters, upper-cased);
            // any other character takes the full case-insensitive comparison with every keyword.
            var first = text[start];
            var second = text[start + 1];
            if (first < 128 && second < 128)
            {
                var candidate = KeywordCandidate(Upper(first), Upper(second), length);
                return candidate != null && string.Compare(text, start, candidate, 0, length, StringComparison.OrdinalIgnoreCase) == 0 ? candidate : null;
            }

            for (var k = 0; k < Keywords.Count; k++)
            {
                var keyword = Keywords[k];
                if (keyword.Length == length && string.Compare(text, start, keyword, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return keyword;
                }
            }

            return null;
        }

        private static char Upper(char c) => c >= 'a' && c <= 'z' ? (char)(c - 32) : c;

        /// <summary>The only keyword of <paramref name="length"/> characters that starts with these (upper-case ASCII) letters, or null.</summary>
        private static string? KeywordCandidate(char first, char second, int length)
        {
            switch (length)
            {
                case 3:
                    switch (first)
                    {
                        case 'R': return "RUN";
                        case 'E': return "ENV";
                        case 'C': return "CMD";
                        case 'A': return second == 'D' ? "ADD" : "ARG";
                        default: return null;
                    }

                case 4:
                    switch (first)
                    {
                        case 'C': return "COPY";
                        case 'F': return "FROM";
                        case 'U': return "USER";
                        default: return null;
                    }

                case 5: return first == 'L' ? "LABEL" : first == 'S' ? "SHELL" : null;
                case 6: return first == 'E' ? "EXPOSE" : first == 'V' ? "VOLUME" : null;
                case 7: return first == 'W' ? "WORKDIR" : first == 'O' ? "ONBUILD" : null;
                case 10: return first == 'E' ? "ENTRYPOINT" : first == 'S' ? "STOPSIGNAL" : first == 'M' ? "MAINTAINER" : null;
                case 11: return "HEALTHCHECK";
                default: return null;
            }
        }

        // Shared by every instruction without heredocs or flags: empty arrays, so no caller can add to them.
        private static readonly Heredoc[] NoHeredocs = Array.Empty<Heredoc>();
        private static readonly InstructionFlag[] NoFlags = Array.Empty<InstructionFlag>();

        public static DockerfileDocument Parse(string text)
        {
            var lines = SplitLines(text);
            var directives = new Dictionary<string, string>(StringComparer.Ordinal);
            var escape = '\\';
            var index = 0;

            // Parser directives: only at the very top, before any blank line, comment or instruction.
            for (; index < lines.Count; index++)
            {
                if (!TryParseDirective(lines[index], out var key, out var value) || directives.ContainsKey(key))
                {
                    break;
                }

                directives[key] = value;
                if (key == "escape" && (value == "`" || value == "\\"))
                {
                    escape = value[0];
                }
            }

            var instructions = new List<Instruction>(lines.Count);
            var comments = new List<Comment>();
            var logical = new LogicalLine();
            ParseError? error = null;
            while (index < lines.Count && error == null)
            {
                var line = lines[index];
                var first = FirstNonWhitespace(line);
                if (first < 0)
                {
                    index++;
                    continue;
                }

                if (line[first] == '#')
                {
                    comments.Add(new Comment(index + 1, line.Substring(first + 1).Trim()));
                    index++;
                    continue;
                }

                var instruction = ReadInstruction(lines, ref index, escape, logical, out error);
                if (instruction != null)
                {
                    instructions.Add(instruction);
                }
            }

            var globalArgs = new Dictionary<string, string?>(StringComparer.Ordinal);
            var stages = new List<BuildStage>();
            if (error == null)
            {
                error = BuildStages(instructions, globalArgs, stages, escape);
            }

            if (error == null && instructions.Count == 0)
            {
                error = new ParseError(EngineMessages.Arg(EngineMessages.NoInstructions), SourceSpan.Start);
            }

            if (stages.Count > 0)
            {
                stages[stages.Count - 1].IsFinal = true;
            }

            return new DockerfileDocument(directives, escape, instructions, stages, globalArgs, comments, error);
        }

        /// <summary>
        /// Processes a word as BuildKit's word lexer does (frontend/dockerfile/shell/lex.go, <c>ProcessWord</c>): quotes,
        /// escapes and variables in ONE pass. <c>'…'</c> is literal, <c>"…"</c> is expanded (the escape character there
        /// only protects <c>"</c>, <c>$</c> and itself), the escape character elsewhere makes the next character literal
        /// (<c>\$A</c> is the text <c>$A</c>; a trailing one is dropped). Variables: <c>$VAR</c>,
        /// <c>${VAR}</c>, <c>${VAR-word}</c>, <c>${VAR:-word}</c>, <c>${VAR+word}</c>, <c>${VAR:+word}</c>,
        /// <c>${VAR?word}</c>, <c>${VAR:?word}</c>, <c>${VAR#pattern}</c>, <c>${VAR##pattern}</c>,
        /// <c>${VAR%pattern}</c>, <c>${VAR%%pattern}</c>, <c>${VAR/pattern/text}</c> and <c>${VAR//pattern/text}</c>,
        /// a <c>word</c> itself processed (<c>${A:-${B}}</c>, <c>${A:+$B-x}</c>). <paramref name="resolved"/> is false
        /// when a variable whose value is used has none, when <c>?</c> would stop the build, and when the text holds a
        /// form BuildKit rejects (<c>${}</c>, <c>${A</c>, <c>${A!}</c>, an unclosed quote…): from there on, such text
        /// stays as written. The text is taken as written (quotes and escapes included).
        /// </summary>
        public static string Substitute(string text, Func<string, string?> lookup, char escape, out bool resolved)
        {
            resolved = true;
            if (!NeedsLexer(text, escape))
            {
                return text;
            }

            return new VariableExpander(text, lookup, escape).Expand(out resolved);
        }

        /// <summary>
        /// A word as written with its quotes and escapes removed in the same pass as <see cref="Substitute"/>, every
        /// <c>$…</c> reference kept as written (escaped or quoted alike): the literal view for a rule that knows no variable.
        /// </summary>
        internal static string Literal(string text, char escape)
        {
            if (!NeedsLexer(text, escape))
            {
                return text;
            }

            return new VariableExpander(text, NoVariable, escape) { KeepReferences = true }.Expand(out _);
        }

        private static readonly Func<string, string?> NoVariable = _ => null;

        /// <summary>Does the text hold anything the lexer changes ('$', a quote, the escape character)?</summary>
        private static bool NeedsLexer(string text, char escape)
        {
            foreach (var c in text)
            {
                if (c == '$' || c == '"' || c == '\'' || c == escape)
                {
                    return true;
                }
            }

            return false;
        }

        private static ParseError? BuildStages(List<Instruction> instructions, Dictionary<string, string?> globalArgs, List<BuildStage> stages, char escape)
        {
            BuildStage? current = null;
            Dictionary<string, int>? stageIndexByName = null;
            foreach (var instruction in instructions)
            {
                if (instruction.Keyword == "FROM")
                {
                    var args = instruction.Arguments;
                    if (args.Count == 0)
                    {
                        return new ParseError(EngineMessages.Arg(EngineMessages.FromWithoutImage), instruction.KeywordToken.Span);
                    }

                    string? name = null;
                    if (args.Count >= 3 && string.Equals(args[1].Text, "AS", StringComparison.OrdinalIgnoreCase))
                    {
                        name = args[2].Text.ToLowerInvariant();
                    }
                    else if (args.Count != 1)
                    {
                        return new ParseError(EngineMessages.Arg(EngineMessages.FromSyntax), instruction.ArgumentSpan);
                    }

                    var imageToken = args[0];
                    var image = Substitute(imageToken.Text, n => globalArgs.TryGetValue(n, out var v) ? v : null, escape, out var resolved);
                    current = new BuildStage(stages.Count, instruction, imageToken, image, resolved && image.Length > 0, name);

                    // Only earlier stages count (a stage never builds on itself); a name defined twice
                    // resolves to the latest definition before this FROM, compared case-insensitively.
                    // A few stages are scanned; past that a name -> index map keeps many stages linear.
                    current.BaseStageIndex = stageIndexByName != null
                        ? (stageIndexByName.TryGetValue(image, out var baseIndex) ? baseIndex : -1)
                        : LatestStageNamed(stages, image);

                    stages.Add(current);
                    if (stageIndexByName != null)
                    {
                        if (name != null)
                        {
                            stageIndexByName[name] = current.Index;
                        }
                    }
                    else if (stages.Count > StagesScannedLinearly)
                    {
                        stageIndexByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                        foreach (var stage in stages)
                        {
                            if (stage.Name != null)
                            {
                                stageIndexByName[stage.Name] = stage.Index;
                            }
                        }
                    }

                    instruction.StageIndex = current.Index;
                    current.Instructions.Add(instruction);
                    continue;
                }

                if (current == null)
                {
                    if (instruction.Keyword != "ARG")
                    {
                        return new ParseError(EngineMessages.Arg(EngineMessages.BeforeFirstFrom, instruction.Keyword), instruction.KeywordToken.Span);
                    }

                    foreach (var arg in instruction.Arguments)
                    {
                        var eq = arg.Text.IndexOf('=');
                        var argName = eq < 0 ? arg.Text : arg.Text.Substring(0, eq);
                        if (eq < 0)
                        {
                            // Redeclared without a default, an ARG keeps the value it has: BuildKit's buildMetaArgs
                            // (dockerfile2llb/convert.go) only replaces a meta ARG that has a value.
                            if (!globalArgs.ContainsKey(argName))
                            {
                                globalArgs[argName] = null;
                            }

                            continue;
                        }

                        // A default may use the global ARGs above it (ARG BASE=${REGISTRY:-mcr.microsoft.com}/x), as
                        // BuildKit expands meta ARGs in order; a default that cannot be resolved leaves the ARG unknown.
                        var value = Substitute(arg.Text.Substring(eq + 1), n => globalArgs.TryGetValue(n, out var v) ? v : null, escape, out var known);
                        globalArgs[argName] = known ? value : null;
                    }

                    continue;
                }

                instruction.StageIndex = current.Index;
                current.Instructions.Add(instruction);
            }

            return null;
        }

        private const int StagesScannedLinearly = 8;

        private static int LatestStageNamed(List<BuildStage> stages, string name)
        {
            for (var i = stages.Count - 1; i >= 0; i--)
            {
                if (stages[i].Name != null && string.Equals(stages[i].Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }

        internal static string Unquote(string s)
        {
            if (s.Length >= 2 && (s[0] == '"' || s[0] == '\'') && s[s.Length - 1] == s[0])
            {
                return s.Substring(1, s.Length - 2);
            }

            return s;
        }

        private static Instruction? ReadInstruction(List<string> lines, ref int index, char escape, LogicalLine logical, out ParseError? error)
        {
            error = null;
            logical.Reset();
            var startLine = index;
            while (index < lines.Count)
            {
                var line = lines[index];
                var lineNumber = index + 1;
                index++;
                if (logical.Length > 0)
                {
                    // Inside a continuation, comment lines and blank lines are skipped.
                    var first = FirstNonWhitespace(line);
                    if (first < 0 || line[first] == '#')
                    {
                        continue;
                    }
                }

                var end = line.Length;
                while (end > 0 && IsSpace(line[end - 1]))
                {
                    end--;
                }

                var continues = end > 0 && line[end - 1] == escape;
                logical.Append(line, continues ? end - 1 : line.Length, lineNumber);
                if (!continues)
                {
                    break;
                }
            }

            var text = logical.ToString();
            var pos = SkipSpaces(text, 0);
            var kwEnd = pos;
            while (kwEnd < text.Length && !IsSpace(text[kwEnd]))
            {
                kwEnd++;
            }

            var keyword = MatchKeyword(text, pos, kwEnd - pos);
            var keywordText = keyword != null && string.CompareOrdinal(text, pos, keyword, 0, keyword.Length) == 0 ? keyword : text.Substring(pos, kwEnd - pos);
            var keywordToken = new Token(keywordText, logical.Span(pos, kwEnd));
            if (keyword == null)
            {
                error = new ParseError(EngineMessages.Arg(EngineMessages.UnknownInstruction, UnknownKeywordForMessage(keywordToken.Text)), keywordToken.Span);
                return null;
            }

            // Flags: --name[=value] words right after the keyword (ONBUILD's are its inner instruction's).
            List<InstructionFlag>? flags = null;
            pos = SkipSpaces(text, kwEnd);
            while (keyword != "ONBUILD" && pos + 2 < text.Length && text[pos] == '-' && text[pos + 1] == '-' && !IsSpace(text[pos + 2]))
            {
                flags ??= new List<InstructionFlag>(2);

                var flagEnd = ShellWordEnd(text, pos);
                var word = text.Substring(pos + 2, flagEnd - pos - 2);
                var eq = word.IndexOf('=');
                flags.Add(new InstructionFlag(
                    (eq < 0 ? word : word.Substring(0, eq)).ToLowerInvariant(),
                    eq < 0 ? null : Unquote(word.Substring(eq + 1)),
                    logical.Span(pos, flagEnd)));
                pos = SkipSpaces(text, flagEnd);
            }

            var argStart = pos;
            var argEnd = text.Length;
            while (argEnd > argStart && IsSpace(text[argEnd - 1]))
            {
                argEnd--;
            }

            var argumentText = text.Substring(argStart, argEnd - argStart);
            var exec = argumentText.Length > 0 && argumentText[0] == '[' ? TryParseJsonArray(argumentText) : null;

            IReadOnlyList<Heredoc> heredocs = NoHeredocs;
            if ((keyword == "RUN" || keyword == "COPY" || keyword == "ADD") && argumentText.IndexOf("<<", StringComparison.Ordinal) >= 0)
            {
                var read = new List<Heredoc>(1);
                heredocs = read;
                ReadHeredocs(lines, ref index, argumentText, read, out error);
                if (error != null)
                {
                    return null;
                }
            }

            if (argumentText.Length == 0 && heredocs.Count == 0 && keyword != "CMD" && keyword != "ENTRYPOINT")
            {
                error = new ParseError(EngineMessages.Arg(EngineMessages.MissingArgument, keyword), keywordToken.Span);
                return null;
            }

            var endLine = heredocs.Count > 0 ? heredocs[heredocs.Count - 1].Span.EndLine : logical.LastLine;
            var endColumn = heredocs.Count > 0 ? heredocs[heredocs.Count - 1].Span.EndColumn : logical.LastColumn;
            var span = new SourceSpan(startLine + 1, keywordToken.Span.StartColumn, endLine, endColumn);
            var argumentSpan = argEnd > argStart ? logical.Span(argStart, argEnd) : keywordToken.Span;
            return new Instruction(keyword, keywordToken, span, (IReadOnlyList<InstructionFlag>?)flags ?? NoFlags, argumentText, argumentSpan, text, argEnd, exec, heredocs, logical.Segments, argStart)
            {
                EscapeChar = escape,
            };
        }

        private static void ReadHeredocs(List<string> lines, ref int index, string arguments, List<Heredoc> heredocs, out ParseError? error)
        {
            error = null;
            for (var p = NextHeredocMarker(arguments, 0); p >= 0; p = NextHeredocMarker(arguments, p + 2))
            {
                var q = p + 2;
                var strip = q < arguments.Length && arguments[q] == '-';
                if (strip)
                {
                    q++;
                }

                var quote = q < arguments.Length && (arguments[q] == '"' || arguments[q] == '\'') ? arguments[q] : '\0';
                if (quote != '\0')
                {
                    q++;
                }

                var nameStart = q;
                while (q < arguments.Length && (char.IsLetterOrDigit(arguments[q]) || arguments[q] == '_'))
                {
                    q++;
                }

                if (q == nameStart || (quote != '\0' && (q >= arguments.Length || arguments[q] != quote)))
                {
                    continue;
                }

                var delimiter = arguments.Substring(nameStart, q - nameStart);
                var bodyStart = index;
                var body = new StringBuilder();
                var terminated = false;

                // <<-: the tabs removed from each body line, so positions map back to the file; allocated only
                // once a line really had tabs (body line n is entry n; lines before the first stay 0).
                List<int>? strippedTabs = null;
                while (index < lines.Count)
                {
                    var line = lines[index];
                    index++;
                    var candidate = strip ? line.TrimStart('\t') : line;
                    if (candidate == delimiter)
                    {
                        terminated = true;
                        break;
                    }

                    var tabs = line.Length - candidate.Length;
                    if (tabs > 0 || strippedTabs != null)
                    {
                        strippedTabs ??= new List<int>(new int[index - 1 - bodyStart]);
                        strippedTabs.Add(tabs);
                    }

                    body.Append(candidate).Append('\n');
                }

                if (!terminated)
                {
                    error = new ParseError(EngineMessages.Arg(EngineMessages.UnterminatedHeredoc, Truncate(delimiter)), new SourceSpan(bodyStart, 1, bodyStart, 1));
                    return;
                }

                heredocs.Add(new Heredoc(delimiter, strip, quote != '\0', body.ToString(), new SourceSpan(bodyStart + 1, 1, index, lines[index - 1].Length + 1), strippedTabs?.ToArray()));
            }
        }

        /// <summary>The next <c>&lt;&lt;</c> outside quotes that is not part of <c>&lt;&lt;&lt;</c> (a here-string), or -1.</summary>
        private static int NextHeredocMarker(string text, int from)
        {
            var quote = '\0';
            for (var i = 0; i < text.Length - 1; i++)
            {
                var c = text[i];
                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        quote = '\0';
                    }
                    else if (c == '\\' && quote == '"')
                    {
                        i++;
                    }

                    continue;
                }

                if (c == '"' || c == '\'')
                {
                    quote = c;
                    continue;
                }

                if (c == '\\')
                {
                    i++;
                    continue;
                }

                if (i >= from && c == '<' && text[i + 1] == '<' && (i + 2 >= text.Length || text[i + 2] != '<') && (i == 0 || text[i - 1] != '<'))
                {
                    return i;
                }
            }

            return -1;
        }

        private static List<string>? TryParseJsonArray(string text)
        {
            var result = new List<string>();
            var i = SkipJsonSpaces(text, 1);
            if (i < text.Length && text[i] == ']')
            {
                return SkipJsonSpaces(text, i + 1) == text.Length ? result : null;
            }

            var sb = new StringBuilder();
            while (i < text.Length)
            {
                if (text[i] != '"')
                {
                    return null;
                }

                sb.Clear();
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    var c = text[i++];
                    if (c == '"')
                    {
                        closed = true;
                        break;
                    }

                    if (c != '\\')
                    {
                        sb.Append(c);
                        continue;
                    }

                    if (i >= text.Length)
                    {
                        return null;
                    }

                    var e = text[i++];
                    switch (e)
                    {
                        case '"': case '\\': case '/': sb.Append(e); break;
                        case 'n': sb.Append('\n'); break;
                        case 't': sb.Append('\t'); break;
                        case 'r': sb.Append('\r'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'u':
                            if (i + 4 > text.Length || !int.TryParse(text.Substring(i, 4), System.Globalization.NumberStyles.HexNumber, null, out var code))
                            {
                                return null;
                            }

                            sb.Append((char)code);
                            i += 4;
                            break;
                        default:
                            return null;
                    }
                }

                if (!closed)
                {
                    return null;
                }

                result.Add(sb.ToString());
                i = SkipJsonSpaces(text, i);
                if (i < text.Length && text[i] == ',')
                {
                    i = SkipJsonSpaces(text, i + 1);
                    continue;
                }

                if (i < text.Length && text[i] == ']')
                {
                    return SkipJsonSpaces(text, i + 1) == text.Length ? result : null;
                }

                return null;
            }

            return null;
        }

        private static int SkipJsonSpaces(string s, int i)
        {
            while (i < s.Length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
            {
                i++;
            }

            return i;
        }

        private static bool TryParseDirective(string line, out string key, out string value)
        {
            key = value = string.Empty;
            var first = FirstNonWhitespace(line);
            if (first < 0 || line[first] != '#')
            {
                return false;
            }

            var t = line.Trim();
            if (t.Length < 2 || t[0] != '#')
            {
                return false;
            }

            var eq = t.IndexOf('=');
            if (eq < 0)
            {
                return false;
            }

            key = t.Substring(1, eq - 1).Trim().ToLowerInvariant();
            if (key.Length == 0 || key.IndexOf(' ') >= 0 || (key != "syntax" && key != "escape" && key != "check"))
            {
                return false;
            }

            value = t.Substring(eq + 1).Trim();
            return true;
        }

        private static List<string> SplitLines(string text)
        {
            // About 30 characters a line in real Dockerfiles: one allocation instead of five doublings.
            var lines = new List<string>((text.Length / 30) + 4);
            var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            // The next '\n' and the next '\r', each found by a vectorized IndexOf and searched again only once passed.
            var lf = text.IndexOf('\n', start);
            var cr = text.IndexOf('\r', start);
            while (start < text.Length)
            {
                if (lf >= 0 && lf < start)
                {
                    lf = text.IndexOf('\n', start);
                }

                if (cr >= 0 && cr < start)
                {
                    cr = text.IndexOf('\r', start);
                }

                var i = lf < 0 ? cr : cr < 0 ? lf : Math.Min(lf, cr);
                if (i < 0)
                {
                    lines.Add(text.Substring(start));
                    break;
                }

                lines.Add(text.Substring(start, i - start));
                start = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1;
            }

            return lines;
        }

        /// <summary>The shell words of <paramref name="text"/>[start..end) with their positions (quotes kept).</summary>
        internal static IReadOnlyList<Token> Tokenize(string text, int start, int end, LineSegment[] segments, int fallbackLine)
        {
            if (start >= end)
            {
                return Array.Empty<Token>();
            }

            var arguments = new List<Token>(4);
            for (var p = start; p < end;)
            {
                var wordEnd = ShellWordEnd(text, p);
                arguments.Add(new Token(text.Substring(p, wordEnd - p), LineSegment.Map(segments, 0, p, wordEnd, fallbackLine)));
                p = SkipSpaces(text, wordEnd);
            }

            return arguments;
        }

        private static int ShellWordEnd(string text, int pos)
        {
            var quote = '\0';
            var i = pos;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        quote = '\0';
                    }
                    else if (c == '\\' && quote == '"' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    continue;
                }

                if (c == '"' || c == '\'')
                {
                    quote = c;
                }
                else if (IsSpace(c))
                {
                    break;
                }
            }

            return i;
        }

        private static int FirstNonWhitespace(string line)
        {
            for (var i = 0; i < line.Length; i++)
            {
                if (!IsSpace(line[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        private static int SkipSpaces(string s, int i)
        {
            while (i < s.Length && IsSpace(s[i]))
            {
                i++;
            }

            return i;
        }

        private static bool IsSpace(char c) => c == ' ' || c == '\t';

        /// <summary>
        /// An unknown first word as the SSA9001 reason shows it. It may be a value on a line whose continuation
        /// backslash was forgotten (<c>TOKEN=ghp_…</c>), so only a keyword-like word (letters, at most 20) is shown
        /// in full; anything else is cut to a 4-character prefix.
        /// </summary>
        internal static string UnknownKeywordForMessage(string word)
        {
            var keywordLike = word.Length <= 20;
            foreach (var c in word)
            {
                keywordLike &= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            }

            return keywordLike ? word : word.Substring(0, Math.Min(4, word.Length)) + "…";
        }

        /// <summary>Text for a message: URL credentials (<c>scheme://user:token@host</c>) hidden, then cut at 40 characters.</summary>
        internal static string Truncate(string s)
        {
            s = HideUrlCredentials(s);
            return s.Length <= 40 ? s : s.Substring(0, 40) + "…";
        }

        /// <summary>Replaces the user-info of every URL by <c>***</c>: a token there must never reach a message.</summary>
        internal static string HideUrlCredentials(string s)
        {
            var scheme = s.IndexOf("://", StringComparison.Ordinal);
            while (scheme >= 0)
            {
                var start = scheme + 3;
                var end = start;
                while (end < s.Length && s[end] != '@' && s[end] != '/' && s[end] != '?' && s[end] != '#' && !char.IsWhiteSpace(s[end]))
                {
                    end++;
                }

                if (end < s.Length && s[end] == '@' && end > start)
                {
                    s = s.Substring(0, start) + "***" + s.Substring(end);
                    end = start + 3;
                }

                scheme = end < s.Length ? s.IndexOf("://", end, StringComparison.Ordinal) : -1;
            }

            return s;
        }

        /// <summary>
        /// An instruction's text with continuation lines joined, remembering where each physical line's
        /// piece starts (one entry per line, not per character).
        /// </summary>
        private sealed class LogicalLine
        {
            // Reused for every instruction of a document (Reset between them): one builder and one segment
            // buffer per parse instead of one per instruction. Only the exact-size segment array is kept.
            private readonly StringBuilder text = new StringBuilder(128);
            private LineSegment[] buffer = new LineSegment[4];
            private LineSegment[]? exact;
            private string? single;
            private bool joined;
            private int segmentCount;

            public int Length => joined ? text.Length : single?.Length ?? 0;

            public int LastLine { get; private set; }

            public int LastColumn { get; private set; }

            public LineSegment[] Segments
            {
                get
                {
                    if (exact == null)
                    {
                        exact = new LineSegment[segmentCount];
                        Array.Copy(buffer, exact, segmentCount);
                    }

                    return exact;
                }
            }

            public void Reset()
            {
                text.Clear();
                exact = null;
                single = null;
                joined = false;
                segmentCount = 0;
                LastLine = 0;
                LastColumn = 0;
            }

            public void Append(string line, int length, int lineNumber)
            {
                if (segmentCount == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                exact = null;
                buffer[segmentCount++] = new LineSegment(Length, lineNumber, 1);
                if (segmentCount == 1 && length == line.Length)
                {
                    // The common case: a one-line instruction is the line itself, no copy.
                    single = line;
                }
                else
                {
                    if (!joined)
                    {
                        text.Append(single);
                        single = null;
                        joined = true;
                    }

                    text.Append(line, 0, length);
                }

                LastLine = lineNumber;
                LastColumn = line.Length + 1;
            }

            public SourceSpan Span(int start, int end) => LineSegment.Map(Segments, 0, start, end, LastLine);

            public override string ToString() => joined ? text.ToString() : single ?? string.Empty;
        }
    }
}
