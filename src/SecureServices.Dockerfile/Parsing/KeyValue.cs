using System.Collections.Generic;
using System.Text;

namespace SecureServices.Dockerfile.Parsing
{
    /// <summary>A <c>name=value</c> pair of ENV, ARG or LABEL (or the legacy <c>ENV name value</c>), with exact positions.</summary>
    public readonly struct KeyValue
    {
        public KeyValue(string name, string? value, SourceSpan nameSpan, SourceSpan valueSpan)
        {
            Name = name;
            Value = value;
            NameSpan = nameSpan;
            ValueSpan = valueSpan;
        }

        public string Name { get; }

        /// <summary>The value with shell quotes removed; null for <c>ARG NAME</c> without a default.</summary>
        public string? Value { get; }

        public bool HasValue => Value != null;

        public SourceSpan NameSpan { get; }

        /// <summary>The value as written (the name's span when there is no value).</summary>
        public SourceSpan ValueSpan { get; }

        public static List<KeyValue> Of(Instruction instruction)
        {
            var result = new List<KeyValue>(instruction.Arguments.Count);
            var args = instruction.Arguments;
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
                result.Add(new KeyValue(
                    name,
                    Unquote(instruction.ArgumentText.Substring(valueStart).Trim()),
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
                    result.Add(new KeyValue(Unquote(text), instruction.Keyword == "ARG" ? null : string.Empty, s, s));
                    continue;
                }

                var singleLine = s.StartLine == s.EndLine && s.EndColumn - s.StartColumn == text.Length;
                var nameSpan = singleLine ? new SourceSpan(s.StartLine, s.StartColumn, s.StartLine, s.StartColumn + eq) : s;
                var valueSpan = singleLine && eq + 1 < text.Length ? new SourceSpan(s.StartLine, s.StartColumn + eq + 1, s.EndLine, s.EndColumn) : s;
                result.Add(new KeyValue(Unquote(text.Substring(0, eq)), Unquote(text.Substring(eq + 1)), nameSpan, valueSpan));
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

        /// <summary>Removes shell quotes and backslash escapes: <c>"a b"</c>, <c>'x'</c>, <c>a\ b</c>.</summary>
        internal static string Unquote(string text)
        {
            if (text.IndexOf('"') < 0 && text.IndexOf('\'') < 0 && text.IndexOf('\\') < 0)
            {
                return text;
            }

            var sb = new StringBuilder(text.Length);
            var quote = '\0';
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quote == '\'')
                {
                    if (c == '\'')
                    {
                        quote = '\0';
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    continue;
                }

                if (c == '\\' && i + 1 < text.Length && (quote == '\0' || text[i + 1] == '"' || text[i + 1] == '\\' || text[i + 1] == '$'))
                {
                    sb.Append(text[++i]);
                    continue;
                }

                if (c == '"')
                {
                    quote = quote == '"' ? '\0' : '"';
                    continue;
                }

                if (c == '\'' && quote == '\0')
                {
                    quote = '\'';
                    continue;
                }

                sb.Append(c);
            }

            return sb.ToString();
        }
    }
}
