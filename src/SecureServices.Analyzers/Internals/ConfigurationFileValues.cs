#nullable enable

using System;
using System.Collections.Generic;
using System.Text;

namespace SecureServices.Analyzers.Internals
{
    /// <summary>A string value of a configuration file: its key path and where its raw text is.</summary>
    internal readonly struct ConfigurationValue
    {
        public ConfigurationValue(string path, string value, int start, int length)
        {
            Path = path;
            Value = value;
            Start = start;
            Length = length;
        }

        /// <summary>The configuration key, sections joined by ':' as IConfiguration does (<c>ConnectionStrings:Orders</c>, <c>Hosts:0</c>).</summary>
        public string Path { get; }

        /// <summary>The value, unescaped.</summary>
        public string Value { get; }

        /// <summary>Offset of the raw value text (inside the quotes) in the file.</summary>
        public int Start { get; }

        public int Length { get; }
    }

    /// <summary>
    /// Reads the string values of appsettings-style JSON (comments and trailing commas allowed, as the .NET
    /// configuration reader accepts them) and of .env files. Tolerant: stops at the first syntax error with the
    /// values read so far; never throws. Roslyn-free.
    /// </summary>
    internal static class ConfigurationFileValues
    {
        public static List<ConfigurationValue> ReadJson(string? text)
        {
            var values = new List<ConfigurationValue>();
            if (string.IsNullOrEmpty(text))
            {
                return values;
            }

            try
            {
                var position = 0;
                ReadValue(text!, ref position, string.Empty, values, depth: 0);
            }
            catch (FormatException)
            {
                // Half-written file: keep what was read.
            }
            catch (IndexOutOfRangeException)
            {
            }
            catch (ArgumentOutOfRangeException)
            {
            }

            return values;
        }

        /// <summary><c>KEY=value</c> lines (optional <c>export</c>, quotes, <c>#</c> comments). Keys are kept as written.</summary>
        public static List<ConfigurationValue> ReadDotEnv(string? text)
        {
            var values = new List<ConfigurationValue>();
            if (string.IsNullOrEmpty(text))
            {
                return values;
            }

            var lineStart = 0;
            var s = text!;
            while (lineStart < s.Length)
            {
                var lineEnd = s.IndexOf('\n', lineStart);
                if (lineEnd < 0)
                {
                    lineEnd = s.Length;
                }

                var k = lineStart;
                while (k < lineEnd && (s[k] == ' ' || s[k] == '\t'))
                {
                    k++;
                }

                if (k < lineEnd && s[k] != '#')
                {
                    if (string.CompareOrdinal(s, k, "export ", 0, 7) == 0)
                    {
                        k += 7;
                    }

                    var equals = s.IndexOf('=', k, lineEnd - k);
                    if (equals > k)
                    {
                        var key = s.Substring(k, equals - k).Trim();
                        var valueStart = equals + 1;
                        var valueEnd = lineEnd;
                        while (valueEnd > valueStart && char.IsWhiteSpace(s[valueEnd - 1]))
                        {
                            valueEnd--;
                        }

                        if (valueEnd - valueStart >= 2 && (s[valueStart] == '"' || s[valueStart] == '\'') && s[valueEnd - 1] == s[valueStart])
                        {
                            valueStart++;
                            valueEnd--;
                        }
                        else
                        {
                            var comment = s.IndexOf(" #", valueStart, valueEnd - valueStart, StringComparison.Ordinal);
                            if (comment >= 0)
                            {
                                valueEnd = comment;
                            }
                        }

                        if (key.Length > 0 && valueEnd > valueStart)
                        {
                            values.Add(new ConfigurationValue(key, s.Substring(valueStart, valueEnd - valueStart), valueStart, valueEnd - valueStart));
                        }
                    }
                }

                lineStart = lineEnd + 1;
            }

            return values;
        }

        private static void ReadValue(string s, ref int i, string path, List<ConfigurationValue> values, int depth)
        {
            if (depth > 64)
            {
                throw new FormatException();
            }

            SkipBlank(s, ref i);
            switch (s[i])
            {
                case '{':
                    i++;
                    while (true)
                    {
                        SkipBlank(s, ref i);
                        if (s[i] == '}')
                        {
                            i++;
                            return;
                        }

                        if (s[i] == ',')
                        {
                            i++;
                            continue;
                        }

                        var key = ReadString(s, ref i, out _, out _);
                        SkipBlank(s, ref i);
                        if (s[i] != ':')
                        {
                            throw new FormatException();
                        }

                        i++;
                        ReadValue(s, ref i, path.Length == 0 ? key : path + ":" + key, values, depth + 1);
                    }

                case '[':
                    i++;
                    var index = 0;
                    while (true)
                    {
                        SkipBlank(s, ref i);
                        if (s[i] == ']')
                        {
                            i++;
                            return;
                        }

                        if (s[i] == ',')
                        {
                            i++;
                            continue;
                        }

                        ReadValue(s, ref i, path + ":" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), values, depth + 1);
                        index++;
                    }

                case '"':
                    var value = ReadString(s, ref i, out var start, out var length);
                    values.Add(new ConfigurationValue(path, value, start, length));
                    return;
                default:
                    // number, true, false, null
                    var first = i;
                    while (i < s.Length && s[i] != ',' && s[i] != '}' && s[i] != ']' && !char.IsWhiteSpace(s[i]))
                    {
                        i++;
                    }

                    if (i == first)
                    {
                        // A '}' in an array or a ']' in an object: nothing consumed, and looping on it would never end.
                        throw new FormatException();
                    }

                    return;
            }
        }

        private static string ReadString(string s, ref int i, out int start, out int length)
        {
            if (s[i] != '"')
            {
                throw new FormatException();
            }

            i++;
            start = i;
            var sb = new StringBuilder();
            while (s[i] != '"')
            {
                if (s[i] == '\\')
                {
                    i++;
                    switch (s[i])
                    {
                        case 'n': sb.Append('\n'); break;
                        case 't': sb.Append('\t'); break;
                        case 'r': sb.Append('\r'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'u':
                            sb.Append((char)Convert.ToInt32(s.Substring(i + 1, 4), 16));
                            i += 4;
                            break;
                        default: sb.Append(s[i]); break;
                    }
                }
                else if (s[i] == '\n')
                {
                    throw new FormatException();
                }
                else
                {
                    sb.Append(s[i]);
                }

                i++;
            }

            length = i - start;
            i++;
            return sb.ToString();
        }

        private static void SkipBlank(string s, ref int i)
        {
            while (true)
            {
                while (char.IsWhiteSpace(s[i]))
                {
                    i++;
                }

                if (s[i] == '/' && s[i + 1] == '/')
                {
                    while (s[i] != '\n')
                    {
                        i++;
                    }
                }
                else if (s[i] == '/' && s[i + 1] == '*')
                {
                    var end = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw new FormatException();
                    }

                    i = end + 2;
                }
                else
                {
                    return;
                }
            }
        }
    }
}
