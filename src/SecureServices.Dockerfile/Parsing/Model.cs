using System.Collections.Generic;

namespace SecureServices.Dockerfile.Parsing
{
    /// <summary>A word of an instruction (shell words keep their quotes) and where it is.</summary>
    public readonly struct Token
    {
        public Token(string text, SourceSpan span)
        {
            Text = text;
            Span = span;
        }

        public string Text { get; }

        public SourceSpan Span { get; }

        public override string ToString() => Text;
    }

    /// <summary><c>--name=value</c> or <c>--name</c> after the keyword.</summary>
    public sealed class InstructionFlag
    {
        public InstructionFlag(string name, string? value, SourceSpan span)
        {
            Name = name;
            Value = value;
            Span = span;
        }

        /// <summary>The flag name without dashes, lower-case (<c>from</c>, <c>mount</c>, <c>chown</c>).</summary>
        public string Name { get; }

        public string? Value { get; }

        public SourceSpan Span { get; }
    }

    /// <summary>A here-document attached to RUN, COPY or ADD.</summary>
    public sealed class Heredoc
    {
        public Heredoc(string delimiter, bool stripTabs, bool quoted, string content, SourceSpan span)
            : this(delimiter, stripTabs, quoted, content, span, null)
        {
        }

        /// <param name="strippedTabs">
        /// For <c>&lt;&lt;-</c>: how many leading tabs were removed from each body line (index = body line), or null
        /// when none were (every plain heredoc, and a <c>&lt;&lt;-</c> body with no indented line: no array at all).
        /// </param>
        internal Heredoc(string delimiter, bool stripTabs, bool quoted, string content, SourceSpan span, int[]? strippedTabs)
        {
            this.strippedTabs = strippedTabs;
            Delimiter = delimiter;
            StripTabs = stripTabs;
            Quoted = quoted;
            Content = content;
            Span = span;
        }

        public string Delimiter { get; }

        /// <summary><c>&lt;&lt;-EOF</c>: leading tabs are removed from the body.</summary>
        public bool StripTabs { get; }

        /// <summary><c>&lt;&lt;"EOF"</c>: no expansion in the body.</summary>
        public bool Quoted { get; }

        public string Content { get; }

        /// <summary>From the first body line to the terminator line.</summary>
        public SourceSpan Span { get; }

        private readonly int[]? strippedTabs;
        private int[]? lineStarts;

        /// <summary>
        /// The exact source range of <see cref="Content"/>[start..end). A <c>&lt;&lt;-</c> body lost the leading tabs
        /// of each line (BuildKit removes every tab at a line start, nothing else): a column in such a line is shifted
        /// right by that line's removed tabs, so it points at the same character in the file.
        /// </summary>
        /// <remarks>O(log lines) per call: the body's line starts are indexed once, on first use.</remarks>
        public SourceSpan GetContentSpan(int start, int end)
        {
            start = System.Math.Max(0, System.Math.Min(start, Content.Length));
            end = System.Math.Max(start, System.Math.Min(end, Content.Length));
            var starts = lineStarts ??= IndexLineStarts(Content);
            var startLine = Position(starts, start, false, out var startColumn);
            if (end == start)
            {
                return new SourceSpan(startLine, startColumn, startLine, startColumn);
            }

            var endLine = Position(starts, end, true, out var endColumn);
            return new SourceSpan(startLine, startColumn, endLine, endColumn);
        }

        /// <summary>Offsets where each body line starts: 0, then one past every '\n' (ascending).</summary>
        private static int[] IndexLineStarts(string content)
        {
            var count = 1;
            for (var i = content.IndexOf('\n'); i >= 0; i = content.IndexOf('\n', i + 1))
            {
                count++;
            }

            var starts = new int[count];
            var n = 1;
            for (var i = content.IndexOf('\n'); i >= 0; i = content.IndexOf('\n', i + 1))
            {
                starts[n++] = i + 1;
            }

            return starts;
        }

        /// <summary>
        /// The line of <paramref name="offset"/> (the last line start at or before it) and its 1-based column in the file.
        /// An end offset exactly at a line start ends the span before that line's stripped tabs (they are not part of it).
        /// </summary>
        private int Position(int[] starts, int offset, bool isEnd, out int column)
        {
            var low = 0;
            var high = starts.Length - 1;
            while (low < high)
            {
                var mid = low + ((high - low + 1) >> 1);
                if (starts[mid] <= offset)
                {
                    low = mid;
                }
                else
                {
                    high = mid - 1;
                }
            }

            column = offset - starts[low] + 1;
            var tabs = strippedTabs;
            if (tabs != null && low < tabs.Length && !(isEnd && offset == starts[low]))
            {
                column += tabs[low];
            }

            return Span.StartLine + low;
        }
    }

    /// <summary>One Dockerfile instruction after continuation lines are joined.</summary>
    public sealed class Instruction
    {
        private readonly LineSegment[] segments;
        private readonly int argumentOffset;
        private readonly string logicalText;
        private readonly int argumentEnd;
        private IReadOnlyList<Token>? arguments;
        private List<KeyValue>? keyValues;

        internal Instruction(
            string keyword,
            Token keywordToken,
            SourceSpan span,
            IReadOnlyList<InstructionFlag> flags,
            string argumentText,
            SourceSpan argumentSpan,
            string logicalText,
            int argumentEnd,
            IReadOnlyList<string>? execArguments,
            IReadOnlyList<Heredoc> heredocs,
            LineSegment[] segments,
            int argumentOffset)
        {
            this.segments = segments;
            this.argumentOffset = argumentOffset;
            this.logicalText = logicalText;
            this.argumentEnd = argumentEnd;
            Keyword = keyword;
            KeywordToken = keywordToken;
            Span = span;
            Flags = flags;
            ArgumentText = argumentText;
            ArgumentSpan = argumentSpan;
            ExecArguments = execArguments;
            Heredocs = heredocs;
        }

        /// <summary>Upper-case keyword: FROM, RUN, COPY…</summary>
        public string Keyword { get; }

        public Token KeywordToken { get; }

        /// <summary>The whole instruction, continuation lines and heredoc bodies included.</summary>
        public SourceSpan Span { get; }

        public IReadOnlyList<InstructionFlag> Flags { get; }

        /// <summary>Everything after the keyword and flags, continuation lines joined.</summary>
        public string ArgumentText { get; }

        public SourceSpan ArgumentSpan { get; }

        /// <summary>The shell words of <see cref="ArgumentText"/> with their positions.</summary>
        /// <remarks>Split on first use: most RUN instructions are only read as shell scripts, never as words.</remarks>
        public IReadOnlyList<Token> Arguments
            => arguments ??= DockerfileParser.Tokenize(logicalText, argumentOffset, argumentEnd, segments, KeywordToken.Span.StartLine);

        /// <summary>The JSON array of the exec form, or null for the shell form.</summary>
        public IReadOnlyList<string>? ExecArguments { get; }

        public bool IsExecForm => ExecArguments != null;

        public IReadOnlyList<Heredoc> Heredocs { get; }

        /// <summary>
        /// <see cref="KeyValue.Of"/> computed once: several rules read the pairs of the same ENV/ARG/LABEL.
        /// Callers only read the list.
        /// </summary>
        internal List<KeyValue> KeyValues => keyValues ??= KeyValue.Of(this);

        /// <summary>The file's escape character (<c>\\</c> or the <c># escape=`</c> directive's backtick).</summary>
        internal char EscapeChar { get; set; } = '\\';

        /// <summary>A cache slot for the parsed shell scripts of a RUN (set by the rule context, parsed once per document).</summary>
        internal List<Shell.RunScript>? ScriptsCache { get; set; }

        /// <summary>Index of the stage the instruction belongs to, -1 before the first FROM.</summary>
        public int StageIndex { get; internal set; } = -1;

        /// <summary>The exact source range of <see cref="ArgumentText"/>[start..end), across continuation lines.</summary>
        public SourceSpan GetArgumentSpan(int start, int end)
            => LineSegment.Map(segments, argumentOffset, start, end, KeywordToken.Span.StartLine);

        public InstructionFlag? GetFlag(string name)
        {
            var flags = Flags;
            for (var i = 0; i < flags.Count; i++)
            {
                if (flags[i].Name == name)
                {
                    return flags[i];
                }
            }

            return null;
        }

        public override string ToString() => Keyword + " " + ArgumentText;
    }

    /// <summary>A build stage: a FROM and the instructions up to the next FROM.</summary>
    public sealed class BuildStage
    {
        internal BuildStage(int index, Instruction from, Token imageToken, string image, bool imageResolved, string? name)
        {
            Index = index;
            From = from;
            ImageToken = imageToken;
            Image = image;
            IsImageResolved = imageResolved;
            Name = name;
        }

        public int Index { get; }

        public Instruction From { get; }

        /// <summary>The image reference as written (before ARG substitution).</summary>
        public Token ImageToken { get; }

        /// <summary>The image reference after substituting global ARG defaults.</summary>
        public string Image { get; }

        /// <summary>False when the reference uses an ARG that has no default value.</summary>
        public bool IsImageResolved { get; }

        /// <summary>The <c>AS name</c>, lower-case, or null.</summary>
        public string? Name { get; }

        /// <summary>The index of the earlier stage this one builds on, or -1 for an image.</summary>
        public int BaseStageIndex { get; internal set; } = -1;

        public bool IsFinal { get; internal set; }

        public List<Instruction> Instructions { get; } = new List<Instruction>();
    }

    /// <summary>A reason the file is not a valid Dockerfile, with where Docker would stop.</summary>
    public sealed class ParseError
    {
        public ParseError(LocalizedArgument message, SourceSpan span)
        {
            Message = message;
            Span = span;
        }

        /// <summary>The reason, localized when formatted (English by <c>ToString()</c>).</summary>
        public LocalizedArgument Message { get; }

        public SourceSpan Span { get; }
    }

    /// <summary>A comment line (<c># …</c>) outside of continuations and heredocs.</summary>
    public readonly struct Comment
    {
        public Comment(int line, string text)
        {
            Line = line;
            Text = text;
        }

        public int Line { get; }

        /// <summary>Text after the <c>#</c>, trimmed.</summary>
        public string Text { get; }
    }

    public sealed class DockerfileDocument
    {
        internal DockerfileDocument(
            IReadOnlyDictionary<string, string> directives,
            char escapeChar,
            IReadOnlyList<Instruction> instructions,
            IReadOnlyList<BuildStage> stages,
            IReadOnlyDictionary<string, string?> globalArgs,
            IReadOnlyList<Comment> comments,
            ParseError? error)
        {
            Directives = directives;
            EscapeChar = escapeChar;
            Instructions = instructions;
            Stages = stages;
            InstructionList = instructions as List<Instruction> ?? new List<Instruction>(instructions);
            StageList = stages as List<BuildStage> ?? new List<BuildStage>(stages);
            GlobalArgs = globalArgs;
            Comments = comments;
            Error = error;
        }

        /// <summary>Parser directives (<c># syntax=</c>, <c># escape=</c>, <c># check=</c>), keys lower-case.</summary>
        public IReadOnlyDictionary<string, string> Directives { get; }

        public char EscapeChar { get; }

        public IReadOnlyList<Instruction> Instructions { get; }

        public IReadOnlyList<BuildStage> Stages { get; }

        /// <summary><see cref="Instructions"/> as the list it is: rules enumerate it with no boxed enumerator per pass.</summary>
        internal List<Instruction> InstructionList { get; }

        /// <summary><see cref="Stages"/> as the list it is.</summary>
        internal List<BuildStage> StageList { get; }

        /// <summary>ARGs declared before the first FROM, with their default (null when none).</summary>
        public IReadOnlyDictionary<string, string?> GlobalArgs { get; }

        public IReadOnlyList<Comment> Comments { get; }

        /// <summary>The first error Docker would stop at, or null.</summary>
        public ParseError? Error { get; }

        public BuildStage? FinalStage => Stages.Count == 0 ? null : Stages[Stages.Count - 1];

        private Dictionary<string, int>? firstStageByName;

        /// <summary>The index of the first stage named <paramref name="name"/> (case-insensitive), or -1.</summary>
        internal int FirstStageNamed(string name)
        {
            if (Stages.Count <= 8)
            {
                // The usual Dockerfile: a scan costs less than building a map.
                for (var i = 0; i < Stages.Count; i++)
                {
                    var stage = Stages[i];
                    if (stage.Name != null && string.Equals(stage.Name, name, System.StringComparison.OrdinalIgnoreCase))
                    {
                        return stage.Index;
                    }
                }

                return -1;
            }

            var map = firstStageByName;
            if (map == null)
            {
                // Built once per document (a race builds the same map twice, harmlessly).
                map = new Dictionary<string, int>(System.StringComparer.OrdinalIgnoreCase);
                foreach (var stage in Stages)
                {
                    if (stage.Name != null && !map.ContainsKey(stage.Name))
                    {
                        map.Add(stage.Name, stage.Index);
                    }
                }

                firstStageByName = map;
            }

            return map.TryGetValue(name, out var index) ? index : -1;
        }
    }

    /// <summary>Where one physical line's piece of a logical line starts.</summary>
    public readonly struct LineSegment
    {
        public LineSegment(int offset, int line, int column)
        {
            Offset = offset;
            Line = line;
            Column = column;
        }

        /// <summary>Offset of the piece in the joined text.</summary>
        public int Offset { get; }

        public int Line { get; }

        /// <summary>Column of the piece's first character.</summary>
        public int Column { get; }

        internal static SourceSpan Map(LineSegment[] segments, int baseOffset, int start, int end, int fallbackLine)
        {
            if (segments.Length == 0)
            {
                return new SourceSpan(fallbackLine, 1, fallbackLine, 1);
            }

            start += baseOffset;
            end += baseOffset;
            if (end <= start)
            {
                end = start + 1;
            }

            var (startLine, startColumn) = Position(segments, start, false);
            var (endLine, endColumn) = Position(segments, end, true);
            return new SourceSpan(startLine, startColumn, endLine, endColumn);
        }

        private static (int Line, int Column) Position(LineSegment[] segments, int offset, bool isEnd)
        {
            // The segment holding the offset: the last one (after the first) that starts at or before it.
            // An end offset that falls exactly on a segment start belongs to the previous line's end.
            // Offsets never decrease (a continuation line may be empty), so binary search finds the
            // last match in O(log n) instead of scanning every line of a long continuation per token.
            var index = 0;
            var low = 1;
            var high = segments.Length - 1;
            while (low <= high)
            {
                var mid = low + ((high - low) >> 1);
                if (isEnd ? segments[mid].Offset < offset : segments[mid].Offset <= offset)
                {
                    index = mid;
                    low = mid + 1;
                }
                else
                {
                    high = mid - 1;
                }
            }

            var segment = segments[index];
            return (segment.Line, segment.Column + offset - segment.Offset);
        }
    }
}
