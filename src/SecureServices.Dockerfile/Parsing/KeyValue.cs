using System.Collections.Generic;

namespace SecureServices.Dockerfile.Parsing
{
    /// <summary>A <c>name=value</c> pair of ENV, ARG or LABEL (or the legacy <c>ENV name value</c>), with exact positions.</summary>
    public readonly struct KeyValue
    {
        public KeyValue(string name, string? value, SourceSpan nameSpan, SourceSpan valueSpan)
            : this(name, value, value, nameSpan, valueSpan)
        {
        }

        internal KeyValue(string name, string? value, string? writtenValue, SourceSpan nameSpan, SourceSpan valueSpan)
        {
            Name = name;
            Value = value;
            WrittenValue = writtenValue;
            NameSpan = nameSpan;
            ValueSpan = valueSpan;
        }

        public string Name { get; }

        /// <summary>
        /// The value with shell quotes and escapes removed, <c>$…</c> references kept as written (BuildKit's lexer with no
        /// variable known); null for <c>ARG NAME</c> without a default. To expand it, resolve <see cref="WrittenValue"/>.
        /// </summary>
        public string? Value { get; }

        /// <summary>The value exactly as written (quotes and escapes included): what variable substitution must start from.</summary>
        public string? WrittenValue { get; }

        public bool HasValue => Value != null;

        public SourceSpan NameSpan { get; }

        /// <summary>The value as written (the name's span when there is no value).</summary>
        public SourceSpan ValueSpan { get; }

        public static List<KeyValue> Of(Instruction instruction)
        {
            var result = new List<KeyValue>(instruction.Arguments.Count);
            var args = instruction.Arguments;
            var escape = instruction.EscapeChar;
            if (args.Count == 0)
            {
                return result;
            }

            // Legacy ENV/LABEL form: the first word is the name, the rest of the line the value.
            if (instruction.Keyword != "ARG" && args[0].Text.IndexOf('=') < 0)
            {
                var name = args[0].Text;
                if (args.Count == 1)
                {
                    result.Add(new KeyValue(name, string.Empty, args[0].Span, args[0].Span));
                    return result;
                }

                var last = args[args.Count - 1].Span;
                var first = args[1].Span;
                var valueStart = instruction.ArgumentText.Length - RestLength(instruction.ArgumentText, args[0].Text.Length);
                var written = instruction.ArgumentText.Substring(valueStart).Trim();
                result.Add(new KeyValue(
                    name,
                    DockerfileParser.Literal(written, escape),
                    written,
                    args[0].Span,
                    new SourceSpan(first.StartLine, first.StartColumn, last.EndLine, last.EndColumn)));
                return result;
            }

            foreach (var token in args)
            {
                var text = token.Text;
                var eq = text.IndexOf('=');
                var s = token.Span;
                if (eq < 0)
                {
                    result.Add(new KeyValue(DockerfileParser.Literal(text, escape), instruction.Keyword == "ARG" ? null : string.Empty, s, s));
                    continue;
                }

                var singleLine = s.StartLine == s.EndLine && s.EndColumn - s.StartColumn == text.Length;
                var nameSpan = singleLine ? new SourceSpan(s.StartLine, s.StartColumn, s.StartLine, s.StartColumn + eq) : s;
                var valueSpan = singleLine && eq + 1 < text.Length ? new SourceSpan(s.StartLine, s.StartColumn + eq + 1, s.EndLine, s.EndColumn) : s;
                var writtenValue = text.Substring(eq + 1);
                result.Add(new KeyValue(DockerfileParser.Literal(text.Substring(0, eq), escape), DockerfileParser.Literal(writtenValue, escape), writtenValue, nameSpan, valueSpan));
            }

            return result;
        }

        private static int RestLength(string argumentText, int nameLength)
        {
            var i = nameLength;
            while (i < argumentText.Length && (argumentText[i] == ' ' || argumentText[i] == '\t'))
            {
                i++;
            }

            return argumentText.Length - i;
        }
    }
}
