using System;
using System.Text;

namespace SecureServices.Dockerfile.Parsing
{
    /// <summary>
    /// One pass of BuildKit's variable expansion over a word (see <see cref="DockerfileParser.Substitute"/>).
    /// A recursive descent: a <c>${…}</c> word is itself expanded, so <c>${A:-${B:-x}}</c> nests to any depth
    /// the text has. Never throws: a form BuildKit rejects makes <see cref="Dollar"/> return false.
    /// </summary>
    internal sealed class VariableExpander
    {
        private readonly string text;
        private readonly Func<string, string?> lookup;
        private readonly char escape;
        private int pos;
        private int depth;
        private bool keeping;

        /// <summary>
        /// Nested <c>${…}</c> levels followed before the text counts as broken: far past any real Dockerfile, and
        /// it keeps a hostile word (thousands of <c>${A:-</c>) from overflowing the stack, which no catch survives.
        /// </summary>
        private const int MaxDepth = 256;

        /// <summary>
        /// The longest value a pattern modifier (<c>#</c>, <c>%</c>, <c>/</c>) is applied to. Trying every cut of a
        /// value costs its length squared (cubed for <c>/</c>): real values (versions, image names) are far shorter,
        /// and a longer one is reported unresolved instead of stalling the build.
        /// </summary>
        private const int MaxPatternValue = 256;

        public VariableExpander(string text, Func<string, string?> lookup, char escape)
        {
            this.text = text;
            this.lookup = lookup;
            this.escape = escape;
        }

        /// <summary>
        /// Keep every <c>$…</c> reference as written instead of expanding it (quotes and escapes are still removed): the
        /// literal view of a word for rules that read it without knowing any variable.
        /// </summary>
        public bool KeepReferences { get; set; }

        /// <summary>
        /// The whole text as BuildKit's <c>ProcessWord</c> gives it: quotes, escapes and <c>$</c> in one pass, so an
        /// escaped or single-quoted <c>$</c> stays literal and a double-quoted one is expanded.
        /// </summary>
        public string Expand(out bool resolved)
        {
            resolved = true;
            var sb = new StringBuilder(text.Length + 16);
            while (pos < text.Length)
            {
                var start = pos;
                var mark = sb.Length;
                if (!Unit(sb, false, ref resolved))
                {
                    // BuildKit stops the build here; the rules see the rest as written and know it is not a value.
                    sb.Length = mark;
                    sb.Append(text, start, text.Length - start);
                    resolved = false;
                    break;
                }
            }

            return sb.ToString();
        }

        /// <summary>
        /// One unit of a word at <see cref="pos"/> into <paramref name="sb"/>: a <c>$…</c>, a quoted string
        /// (<c>'…'</c> literal, <c>"…"</c> expanded), an escaped character (the escape removed, or kept when
        /// <paramref name="raw"/>; a trailing escape is dropped) or a plain character. False for a form BuildKit rejects.
        /// </summary>
        private bool Unit(StringBuilder sb, bool raw, ref bool resolved)
        {
            var c = text[pos];
            if (c == '$')
            {
                return Dollar(sb, ref resolved);
            }

            pos++;
            if (c == '\'' || c == '"')
            {
                return Quoted(sb, c, raw, ref resolved);
            }

            if (c == escape)
            {
                if (raw)
                {
                    sb.Append(c);
                }

                if (pos >= text.Length)
                {
                    return true;
                }

                c = text[pos++];
            }

            sb.Append(c);
            return true;
        }

        /// <summary>Expands the <c>$…</c> at <see cref="pos"/> into <paramref name="sb"/>; false for a form BuildKit rejects.</summary>
        private bool Dollar(StringBuilder sb, ref bool resolved)
        {
            if (KeepReferences && !keeping)
            {
                // Read it (to find where it ends and whether it is well formed), then put the text back as written.
                var start = pos;
                var mark = sb.Length;
                keeping = true;
                var read = Dollar(sb, ref resolved);
                keeping = false;
                sb.Length = mark;
                sb.Append(text, start, pos - start);
                return read;
            }

            pos++;
            if (pos >= text.Length || text[pos] != '{')
            {
                var plain = Name();
                if (plain.Length == 0)
                {
                    sb.Append('$');
                }
                else
                {
                    AppendValue(sb, plain, ref resolved);
                }

                return true;
            }

            pos++;
            if (pos >= text.Length || text[pos] == '{' || text[pos] == '}' || text[pos] == ':' || depth >= MaxDepth)
            {
                return false; // ${  ${{  ${}  ${:
            }

            depth++;
            var expanded = Braced(sb, ref resolved);
            depth--;
            return expanded;
        }

        /// <summary>The <c>${…}</c> whose name starts at <see cref="pos"/>.</summary>
        private bool Braced(StringBuilder sb, ref bool resolved)
        {
            var name = Name();
            if (pos >= text.Length)
            {
                return false;
            }

            var op = text[pos++];
            if (op == '}')
            {
                AppendValue(sb, name, ref resolved);
                return true;
            }

            var colon = op == ':';
            if (colon)
            {
                if (pos >= text.Length)
                {
                    return false;
                }

                op = text[pos++];
            }

            var wordResolved = true;
            string? word;
            string? value;
            switch (op)
            {
                case '-':
                case '+':
                case '?':
                    word = Word('}', false, ref wordResolved);
                    if (word == null)
                    {
                        return false;
                    }

                    // Set, and for the ':' forms not empty: the only test these three make.
                    value = lookup(name);
                    var isSet = value != null && !(colon && value.Length == 0);
                    if (op == '-' ? !isSet : op == '+' && isSet)
                    {
                        sb.Append(word);
                        resolved &= wordResolved;
                    }
                    else if (op != '+')
                    {
                        // ${A-x} with A set, or ${A?msg}: the value, and an unset A? stops the build.
                        sb.Append(isSet ? value : string.Empty);
                        resolved &= isSet;
                    }

                    return true;

                case '#':
                case '%':
                    word = Word('}', true, ref wordResolved);
                    if (word == null)
                    {
                        return false;
                    }

                    // ## and %% remove the longest match, # and % the shortest.
                    var greedy = word.Length > 0 && word[0] == op;
                    value = PatternSubject(name, ref resolved);
                    sb.Append(Trim(value, greedy ? word.Substring(1) : word, op == '#', greedy));
                    resolved &= wordResolved;
                    return true;

                case '/' when !colon:
                    var all = pos < text.Length && text[pos] == '/';
                    if (all)
                    {
                        pos++;
                    }

                    var pattern = Word('/', true, ref wordResolved);
                    var replacement = pattern == null ? null : Word('}', true, ref wordResolved);
                    if (replacement == null)
                    {
                        return false;
                    }

                    value = PatternSubject(name, ref resolved);
                    sb.Append(Replace(value, pattern!, replacement, all));
                    resolved &= wordResolved;
                    return true;

                default:
                    return false; // ${A!}, ${A:x}, ${A:/x/y}, ${A.B}: "unsupported modifier"
            }
        }

        /// <summary>
        /// The word of a <c>${…}</c> up to the unescaped <paramref name="stop"/> (consumed), expanded; quotes are
        /// removed (<c>'…'</c> literal, <c>"…"</c> expanded). <paramref name="raw"/> keeps the escape characters, as
        /// BuildKit does for a pattern. Null when the stop character never comes.
        /// </summary>
        private string? Word(char stop, bool raw, ref bool resolved)
        {
            var sb = new StringBuilder();
            while (pos < text.Length)
            {
                if (text[pos] == stop)
                {
                    pos++;
                    return sb.ToString();
                }

                if (!Unit(sb, raw, ref resolved))
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>The rest of a quoted string whose opening quote was read; false when it is never closed.</summary>
        private bool Quoted(StringBuilder sb, char quote, bool raw, ref bool resolved)
        {
            while (pos < text.Length)
            {
                var c = text[pos];
                if (c == quote)
                {
                    pos++;
                    return true;
                }

                if (quote == '"' && c == '$')
                {
                    if (!Dollar(sb, ref resolved))
                    {
                        return false;
                    }

                    continue;
                }

                pos++;
                if (quote == '"' && c == escape && pos < text.Length && (text[pos] == '"' || text[pos] == '$' || text[pos] == escape))
                {
                    if (raw)
                    {
                        sb.Append(c);
                    }

                    c = text[pos++];
                }

                sb.Append(c);
            }

            return false;
        }

        /// <summary>
        /// A variable name: digits only when it starts with one, a single special parameter (<c>@*#?-$!0</c>), or
        /// letters, digits and '_'. Empty when none is there.
        /// </summary>
        private string Name()
        {
            var start = pos;
            if (pos >= text.Length)
            {
                return string.Empty;
            }

            var first = text[pos];
            if (char.IsDigit(first))
            {
                while (pos < text.Length && char.IsDigit(text[pos]))
                {
                    pos++;
                }
            }
            else if (first == '@' || first == '*' || first == '#' || first == '?' || first == '-' || first == '$' || first == '!')
            {
                pos++;
            }
            else
            {
                while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_'))
                {
                    pos++;
                }
            }

            return text.Substring(start, pos - start);
        }

        private void AppendValue(StringBuilder sb, string name, ref bool resolved)
        {
            var value = lookup(name);
            if (value == null)
            {
                resolved = false;
            }
            else
            {
                sb.Append(value);
            }
        }

        /// <summary>The value a pattern modifier works on: empty (and unresolved) when unset or too long to match cheaply.</summary>
        private string PatternSubject(string name, ref bool resolved)
        {
            var value = lookup(name);
            if (value == null || value.Length > MaxPatternValue)
            {
                resolved = false;
                return string.Empty;
            }

            return value;
        }

        /// <summary><c>${A#p}</c>/<c>${A##p}</c> (prefix) and <c>${A%p}</c>/<c>${A%%p}</c> (suffix): the value without the shortest or longest match.</summary>
        private string Trim(string value, string pattern, bool prefix, bool greedy)
        {
            for (var k = 0; k <= value.Length; k++)
            {
                // The candidate cut: prefixes grow from empty (shortest first) or shrink from all (longest first).
                var length = greedy ? value.Length - k : k;
                var start = prefix ? 0 : value.Length - length;
                if (Matches(pattern, 0, value, start, start + length))
                {
                    return prefix ? value.Substring(length) : value.Substring(0, start);
                }
            }

            return value;
        }

        /// <summary><c>${A/p/r}</c> (the first match) and <c>${A//p/r}</c> (every match): leftmost, then longest, as BuildKit's greedy pattern.</summary>
        private string Replace(string value, string pattern, string replacement, bool all)
        {
            StringBuilder? sb = null;
            var copied = 0;
            for (var i = 0; i <= value.Length; i++)
            {
                var end = LongestMatchAt(pattern, value, i);
                if (end < 0)
                {
                    continue;
                }

                sb ??= new StringBuilder(value.Length + replacement.Length);
                sb.Append(value, copied, i - copied).Append(replacement);
                copied = end;
                if (!all)
                {
                    break;
                }

                if (end > i)
                {
                    i = end - 1;
                }
            }

            return sb == null ? value : sb.Append(value, copied, value.Length - copied).ToString();
        }

        private int LongestMatchAt(string pattern, string value, int start)
        {
            for (var end = value.Length; end >= start; end--)
            {
                if (Matches(pattern, 0, value, start, end))
                {
                    return end;
                }
            }

            return -1;
        }

        /// <summary>
        /// Does <paramref name="pattern"/> match all of <paramref name="value"/>[start..end)? A shell pattern as BuildKit
        /// converts it: '*' any text ('/' included), '?' one character, a '\\'-escaped character itself (a backslash
        /// there whatever the escape directive), no bracket sets.
        /// Iterative: a '*' only records where to resume, so a pattern of many stars costs pattern × text steps.
        /// </summary>
        private bool Matches(string pattern, int p, string value, int start, int end)
        {
            int t = start, starP = -1, starT = start;
            while (t < end)
            {
                if (p < pattern.Length && pattern[p] == '*')
                {
                    starP = ++p;
                    starT = t;
                    continue;
                }

                if (p < pattern.Length)
                {
                    var pc = pattern[p];
                    var next = p + 1;
                    if (pc == '\\' && next < pattern.Length)
                    {
                        pc = pattern[next++];
                    }
                    else if (pc == '?')
                    {
                        p = next;
                        t++;
                        continue;
                    }

                    if (pc == value[t])
                    {
                        p = next;
                        t++;
                        continue;
                    }
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
    }
}
