using System.Linq;
using SecureServices.Dockerfile.Parsing;
using Xunit;

namespace SecureServices.Dockerfile.Tests;

public sealed class ParserTests
{
    private static string S(SourceSpan s) => s.ToString();

    [Fact]
    public void Directives_are_read_only_at_the_top_and_check_is_kept_as_is()
    {
        var doc = DockerfileParser.Parse("# syntax=docker/dockerfile:1.7\n# CHECK = skip=all\n# escape=`\nFROM alpine:3.20\n# escape=\\\n");
        Assert.Equal("docker/dockerfile:1.7", doc.Directives["syntax"]);
        Assert.Equal("skip=all", doc.Directives["check"]);
        Assert.Equal('`', doc.EscapeChar);
        Assert.Null(doc.Error);
    }

    [Fact]
    public void A_directive_after_a_comment_is_a_comment()
    {
        var doc = DockerfileParser.Parse("# hello\n# escape=`\nFROM alpine:3.20\nRUN echo a \\\n  b\n");
        Assert.Equal('\\', doc.EscapeChar);
        Assert.Equal("echo a   b", doc.Instructions[1].ArgumentText);
    }

    [Fact]
    public void Backtick_escape_joins_lines_and_leaves_backslashes_alone()
    {
        var doc = DockerfileParser.Parse("# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN dir C:\\ `\n  && echo done\n");
        var run = doc.Instructions[1];
        Assert.Equal("dir C:\\   && echo done", run.ArgumentText);
        Assert.Equal("(3,1,4,15)", S(run.Span));
    }

    [Fact]
    public void Empty_continuation_lines_do_not_shift_token_boundaries()
    {
        // "w1\" then a line holding only the escape: the empty piece starts where w1 ends, so w1's end
        // belongs to line 2 and w2's start to line 4.
        var doc = DockerfileParser.Parse("FROM alpine:3.20\nRUN w1\\\n\\\n  w2 \\\n\\\n\\\nw3\n");
        var run = doc.Instructions[1];
        Assert.Equal("w1  w2 w3", run.ArgumentText);
        Assert.Equal(new[] { "(2,5,2,7)", "(4,3,4,5)", "(7,1,7,3)" }, run.Arguments.Select(a => S(a.Span)).ToArray());
        Assert.Equal("(2,5,4,5)", S(run.GetArgumentSpan(0, 6)));
        Assert.Equal("(4,1,4,3)", S(run.GetArgumentSpan(2, 4)));
        Assert.Equal("(4,5,7,2)", S(run.GetArgumentSpan(6, 8)));
    }

    [Fact]
    public void Every_token_of_a_long_continuation_keeps_its_exact_position()
    {
        var sb = new System.Text.StringBuilder("FROM debian:12\nRUN apt-get update \\\n");
        var expected = new System.Collections.Generic.List<string> { "(2,5,2,12)", "(2,13,2,19)" };
        var line = 3;
        for (var i = 0; i < 3000; i++, line++)
        {
            if (i % 7 == 3)
            {
                sb.Append("# comment ").Append(i).Append('\n');
                continue;
            }

            if (i % 5 == 1)
            {
                sb.Append("\\\n");
                continue;
            }

            var indent = i % 3;
            sb.Append(' ', indent).Append("&& echo w").Append(i).Append(" \\\n");
            var word = "w" + i;
            expected.Add($"({line},{indent + 1},{line},{indent + 3})");
            expected.Add($"({line},{indent + 4},{line},{indent + 8})");
            expected.Add($"({line},{indent + 9},{line},{indent + 9 + word.Length})");
        }

        sb.Append("  && true\n");
        expected.Add($"({line},3,{line},5)");
        expected.Add($"({line},6,{line},10)");
        var run = DockerfileParser.Parse(sb.ToString()).Instructions[1];
        Assert.Equal(expected, run.Arguments.Select(a => S(a.Span)).ToList());
        Assert.Equal($"(2,1,{line},10)", S(run.Span));
    }

    [Fact]
    public void Continuation_skips_comment_and_empty_lines_and_keeps_exact_positions()
    {
        var doc = DockerfileParser.Parse("FROM alpine:3.20\nRUN apk add \\\n# a comment\n\n    curl \\\n    git\n");
        var run = doc.Instructions[1];
        Assert.Equal("apk add     curl     git", run.ArgumentText);
        Assert.Equal("(2,1,6,8)", S(run.Span));
        var curl = run.Arguments.Single(a => a.Text == "curl");
        Assert.Equal("(5,5,5,9)", S(curl.Span));
        var git = run.Arguments.Single(a => a.Text == "git");
        Assert.Equal("(6,5,6,8)", S(git.Span));
        var offset = run.ArgumentText.IndexOf("git", System.StringComparison.Ordinal);
        Assert.Equal("(6,5,6,8)", S(run.GetArgumentSpan(offset, offset + 3)));
    }

    [Fact]
    public void Exec_form_is_parsed_as_json_and_invalid_json_falls_back_to_shell_form()
    {
        var doc = DockerfileParser.Parse("FROM alpine:3.20\nCMD [\"dotnet\", \"App.dll\", \"--urls=\\\"x\\\"\"]\nENTRYPOINT ['dotnet', 'App.dll']\nCMD []\n");
        Assert.Equal(new[] { "dotnet", "App.dll", "--urls=\"x\"" }, doc.Instructions[1].ExecArguments);
        Assert.False(doc.Instructions[2].IsExecForm);
        Assert.Equal("['dotnet', 'App.dll']", doc.Instructions[2].ArgumentText);
        Assert.Empty(doc.Instructions[3].ExecArguments!);
    }

    [Fact]
    public void Heredocs_plain_stripped_quoted_several_and_copy()
    {
        var text = "FROM alpine:3.20\nRUN <<EOF\napk add curl\nEOF\nRUN <<-\"END\" cat > /a && cat <<'X' > /b\n\techo $HOME\n\tEND\nsecond\nX\nCOPY <<EOF /app/config.json\n{\"a\": 1}\nEOF\nUSER app\n";
        var doc = DockerfileParser.Parse(text);
        Assert.Null(doc.Error);
        var run1 = doc.Instructions[1];
        Assert.Equal("apk add curl\n", Assert.Single(run1.Heredocs).Content);
        Assert.Equal("(2,1,4,4)", S(run1.Span));
        var run2 = doc.Instructions[2];
        Assert.Equal(2, run2.Heredocs.Count);
        Assert.True(run2.Heredocs[0].StripTabs);
        Assert.True(run2.Heredocs[0].Quoted);
        Assert.Equal("echo $HOME\n", run2.Heredocs[0].Content);
        Assert.Equal("second\n", run2.Heredocs[1].Content);
        var copy = doc.Instructions[3];
        Assert.Equal("COPY", copy.Keyword);
        Assert.Equal("{\"a\": 1}\n", Assert.Single(copy.Heredocs).Content);
        Assert.Equal("USER", doc.Instructions[4].Keyword);
        Assert.Equal("(11,1,11,5)", S(copy.Heredocs[0].GetContentSpan(0, 4)));
    }

    [Fact]
    public void Heredoc_content_spans_map_every_offset_to_its_line_and_column()
    {
        // Body on lines 3-6: "ab\n" (offsets 0-2), "\n" (3), "cde\n" (4-7), "f" (8) and the final "\n" (9).
        var doc = DockerfileParser.Parse("FROM alpine:3.20\nRUN <<EOF\nab\n\ncde\nf\nEOF\n");
        var heredoc = Assert.Single(doc.Instructions[1].Heredocs);
        Assert.Equal("ab\n\ncde\nf\n", heredoc.Content);
        Assert.Equal("(3,1,3,3)", S(heredoc.GetContentSpan(0, 2)));
        Assert.Equal("(3,3,4,1)", S(heredoc.GetContentSpan(2, 3)));   // the newline ends at the next line's start
        Assert.Equal("(4,1,5,1)", S(heredoc.GetContentSpan(3, 4)));   // the empty line
        Assert.Equal("(5,2,6,1)", S(heredoc.GetContentSpan(5, 8)));   // across a line break
        Assert.Equal("(6,1,7,1)", S(heredoc.GetContentSpan(8, 10)));  // up to the end of the body
        Assert.Equal("(7,1,7,1)", S(heredoc.GetContentSpan(99, 120))); // clamped to the end
        Assert.Equal("(3,1,3,1)", S(heredoc.GetContentSpan(-5, -1))); // clamped to the start
        Assert.Equal("(5,3,5,3)", S(heredoc.GetContentSpan(6, 2)));   // an end before the start is the start
    }

    [Fact]
    public void Tab_stripped_heredoc_spans_point_past_the_removed_tabs()
    {
        // Lines 3-7: "\tab" (1 tab), "\t\tcd" (2), "ef" (0), "\t \tg" (1: a space stops the stripping), "\t" (all tabs).
        var doc = DockerfileParser.Parse("FROM alpine:3.20\nRUN <<-EOF\n\tab\n\t\tcd\nef\n\t \tg\n\t\n\tEOF\n");
        var heredoc = Assert.Single(doc.Instructions[1].Heredocs);
        Assert.Equal("ab\ncd\nef\n \tg\n\n", heredoc.Content);
        Assert.Equal("(3,2,3,4)", S(heredoc.GetContentSpan(0, 2)));   // "ab" after one tab
        Assert.Equal("(4,3,4,5)", S(heredoc.GetContentSpan(3, 5)));   // "cd" after two tabs
        Assert.Equal("(5,1,5,3)", S(heredoc.GetContentSpan(6, 8)));   // "ef": nothing stripped
        Assert.Equal("(6,2,6,5)", S(heredoc.GetContentSpan(9, 12)));  // " \tg": only the first tab went
        Assert.Equal("(3,4,4,1)", S(heredoc.GetContentSpan(2, 3)));   // a newline ends before the next line's tabs
        Assert.Equal("(3,3,4,4)", S(heredoc.GetContentSpan(1, 4)));   // across lines, each with its own tabs
        Assert.Equal("(4,3,4,3)", S(heredoc.GetContentSpan(3, 3)));   // empty, at a line start: after the tabs
        Assert.Equal("(7,2,8,1)", S(heredoc.GetContentSpan(13, 14))); // the line that was only a tab
        Assert.Equal("(8,1,8,1)", S(heredoc.GetContentSpan(99, 99))); // clamped to the end
    }

    [Fact]
    public void Heredoc_content_spans_in_a_long_body_match_a_line_by_line_count()
    {
        var body = string.Concat(Enumerable.Range(0, 500).Select(i => new string('x', i % 7) + "\n"));
        var doc = DockerfileParser.Parse("FROM alpine:3.20\nRUN <<EOF\n" + body + "EOF\n");
        var heredoc = Assert.Single(doc.Instructions[1].Heredocs);
        for (var offset = 0; offset <= body.Length; offset += 13)
        {
            var line = 3 + body.Take(offset).Count(c => c == '\n');
            var column = offset - (body.LastIndexOf('\n', System.Math.Max(0, offset - 1)) is var nl && nl >= 0 && nl < offset ? nl + 1 : 0) + 1;
            Assert.Equal($"({line},{column},{line},{column})", S(heredoc.GetContentSpan(offset, offset)));
        }
    }

    [Theory]
    [InlineData("RUN echo \"<<EOF\" > /x")]
    [InlineData("RUN echo '<<EOF' > /x")]
    [InlineData("RUN cat <<< \"text\" > /x")]
    [InlineData("RUN echo \\<<EOF")]
    public void Quoted_markers_and_here_strings_are_not_heredocs(string run)
    {
        var doc = DockerfileParser.Parse("FROM alpine:3.20\n" + run + "\nUSER app\n");
        Assert.Null(doc.Error);
        Assert.Empty(doc.Instructions[1].Heredocs);
        Assert.Equal("USER", doc.Instructions[2].Keyword);
    }

    [Fact]
    public void Unterminated_heredoc_is_a_parse_error()
    {
        var doc = DockerfileParser.Parse("FROM alpine:3.20\nRUN <<EOF\necho hi\n");
        Assert.NotNull(doc.Error);
        Assert.Equal("heredoc 'EOF' is never terminated", doc.Error!.Message.ToString());
    }

    [Fact]
    public void Flags_are_read_with_names_values_and_spans()
    {
        var text = "FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build\n"
            + "RUN --mount=type=secret,id=nuget,target=/root/.nuget/NuGet.Config --network=none dotnet restore\n"
            + "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n"
            + "COPY --from=build --chown=app:app --chmod=755 --link /app /app\n"
            + "ADD --checksum=sha256:abc https://example.com/x.tgz /x.tgz\n";
        var doc = DockerfileParser.Parse(text);
        var from = doc.Instructions[0];
        Assert.Equal("$BUILDPLATFORM", from.GetFlag("platform")!.Value);
        Assert.Equal("(1,6,1,31)", S(from.GetFlag("platform")!.Span));
        Assert.Equal("build", doc.Stages[0].Name);
        var run = doc.Instructions[1];
        Assert.Equal("type=secret,id=nuget,target=/root/.nuget/NuGet.Config", run.GetFlag("mount")!.Value);
        Assert.Equal("none", run.GetFlag("network")!.Value);
        Assert.Equal("dotnet restore", run.ArgumentText);
        var copy = doc.Instructions[3];
        Assert.Equal(new[] { "from", "chown", "chmod", "link" }, copy.Flags.Select(f => f.Name));
        Assert.Null(copy.GetFlag("link")!.Value);
        Assert.Equal("(4,6,4,18)", S(copy.GetFlag("from")!.Span));
        Assert.Equal("sha256:abc", doc.Instructions[4].GetFlag("checksum")!.Value);
    }

    [Fact]
    public void Keywords_are_case_insensitive_and_tabs_are_whitespace()
    {
        var doc = DockerfileParser.Parse("from\talpine:3.20 as Base\nrun\techo hi\n\tUser\t1000\n");
        Assert.Null(doc.Error);
        Assert.Equal(new[] { "FROM", "RUN", "USER" }, doc.Instructions.Select(i => i.Keyword));
        Assert.Equal("base", doc.Stages[0].Name);
        Assert.Equal("(3,7,3,11)", S(doc.Instructions[2].Arguments[0].Span));
    }

    [Fact]
    public void Crlf_and_bom_do_not_shift_positions()
    {
        var doc = DockerfileParser.Parse("\uFEFFFROM alpine\r\nRUN echo a \\\r\n  b\r\n");
        Assert.Equal("(1,6,1,12)", S(doc.Stages[0].ImageToken.Span));
        Assert.Equal("(2,1,3,4)", S(doc.Instructions[1].Span));
        Assert.Equal("echo a   b", doc.Instructions[1].ArgumentText);
    }

    [Theory]
    [InlineData("ARG TAG=10.0\nFROM img:${TAG}", "img:10.0", true)]
    [InlineData("ARG TAG\nFROM img:${TAG:-9.0}", "img:9.0", true)]
    [InlineData("ARG TAG=\nFROM img:${TAG:-9.0}", "img:9.0", true)]
    [InlineData("ARG TAG=\nFROM img:${TAG-9.0}", "img:", true)]
    [InlineData("ARG SUFFIX=x\nFROM img:1${SUFFIX:+-alpine}", "img:1-alpine", true)]
    [InlineData("ARG SUFFIX\nFROM img:1${SUFFIX:+-alpine}", "img:1", true)]
    [InlineData("ARG TAG\nFROM img:$TAG", "img:", false)]
    [InlineData("ARG REG=\"mcr.microsoft.com\"\nFROM $REG/dotnet/aspnet:10.0", "mcr.microsoft.com/dotnet/aspnet:10.0", true)]
    public void Global_args_are_substituted_in_FROM(string text, string image, bool resolved)
    {
        var stage = DockerfileParser.Parse(text).Stages.Single();
        Assert.Equal(image, stage.Image);
        Assert.Equal(resolved, stage.IsImageResolved);
    }

    // BuildKit's lexer (frontend/dockerfile/shell/lex.go): a ${…} word is expanded itself, at any depth.
    [Theory]
    [InlineData("${A:-${B}}", "a", true)]
    [InlineData("${U:-${B}}", "b", true)]
    [InlineData("${U:-${U2:-${B}x}y}", "bxy", true)]
    [InlineData("${A:-$B}", "a", true)]
    [InlineData("${U:-$B}", "b", true)]
    [InlineData("${U:-$U2}", "", false)]
    [InlineData("${A:-$U2}", "a", true)]              // the word is not used: its unknown variable does not matter
    [InlineData("${A:+${B}-x}", "b-x", true)]
    [InlineData("${U:+${B}-x}", "", true)]
    [InlineData("${E:+${U}-x}", "", true)]            // empty counts as unset for ':'
    [InlineData("${E+${B}-x}", "b-x", true)]          // …but not without it
    [InlineData("${E:-d}", "d", true)]
    [InlineData("${E-d}", "", true)]
    [InlineData("${A:?must be set}", "a", true)]
    [InlineData("${U:?must be set}", "", false)]      // BuildKit stops the build
    [InlineData("${E?msg}", "", true)]
    [InlineData("${E:?msg}", "", false)]
    [InlineData("${U:-a\\}b}", "a}b", true)]         // an escaped '}' does not close the word
    [InlineData("${U:-'x}y'}", "x}y", true)]           // nor a quoted one
    [InlineData("${U:-\"$B c\"}", "b c", true)]
    [InlineData("\\$A-${A}", "$A-a", true)]
    [InlineData("$A$B", "ab", true)]
    [InlineData("$A.$B", "a.b", true)]
    [InlineData("x$", "x$", true)]
    [InlineData("$-", "", false)]                     // a special parameter, never set in a Dockerfile
    [InlineData("${V#*.}", "2.3-rc", true)]
    [InlineData("${V##*.}", "3-rc", true)]
    [InlineData("${V%.*}", "1.2", true)]
    [InlineData("${V%%.*}", "1", true)]
    [InlineData("${V%-rc}", "1.2.3", true)]
    [InlineData("${V#\\*}", "1.2.3-rc", true)]
    [InlineData("${V/./_}", "1_2.3-rc", true)]
    [InlineData("${V//./_}", "1_2_3-rc", true)]
    [InlineData("${V/#/x}", "1.2.3-rc", true)]
    [InlineData("${U#x}", "", false)]
    public void Nested_and_modifier_forms_expand_as_buildkit_does(string text, string expected, bool resolved)
    {
        var vars = new System.Collections.Generic.Dictionary<string, string?> { ["A"] = "a", ["B"] = "b", ["E"] = string.Empty, ["V"] = "1.2.3-rc" };
        Assert.Equal(expected, DockerfileParser.Substitute(text, n => vars.TryGetValue(n, out var v) ? v : null, '\\', out var ok));
        Assert.Equal(resolved, ok);
    }

    // Quotes, escapes and '$' in ONE pass, as BuildKit's lexer (shell/lex.go: processStopOn, processSingleQuote,
    // processDoubleQuote, processDollar): an escaped '$' or one in single quotes is literal, one in double quotes expands.
    [Theory]
    [InlineData(@"\$B", "$B", true)]
    [InlineData(@"'$A'", "$A", true)]
    [InlineData(@"""$A""", "a", true)]
    [InlineData(@"""\$A""", "$A", true)]
    [InlineData(@"\\$A", @"\a", true)]
    [InlineData(@"x\", "x", true)]                    // a trailing escape is dropped
    [InlineData(@"a\ b", "a b", true)]
    [InlineData(@"\a\'", "a'", true)]                 // outside quotes the escape makes any character literal
    [InlineData(@"'a\'", @"a\", true)]                // nothing is escaped inside single quotes
    [InlineData(@"""a\""b""", @"a""b", true)]
    [InlineData(@"""a\xb""", @"a\xb", true)]          // inside double quotes only " $ and the escape are escaped
    [InlineData(@"""a\\b""", @"a\b", true)]
    [InlineData(@"""'$A'""", "'a'", true)]            // single quotes inside double quotes are plain characters
    [InlineData(@"'""$A""'", @"""$A""", true)]
    [InlineData(@"pre""$A $B""'$A'\$A$B", "prea b$A$Ab", true)]
    [InlineData(@"""$U""x", "x", false)]
    [InlineData(@"${U:-""\$A""}", "$A", true)]        // the same rules inside a ${…} word
    public void Quotes_escapes_and_variables_are_processed_in_one_pass(string text, string expected, bool resolved)
    {
        var vars = new System.Collections.Generic.Dictionary<string, string?> { ["A"] = "a", ["B"] = "b" };
        Assert.Equal(expected, DockerfileParser.Substitute(text, n => vars.TryGetValue(n, out var v) ? v : null, '\\', out var ok));
        Assert.Equal(resolved, ok);
    }

    // With '# escape=`' the backtick escapes and a backslash is an ordinary character.
    [Theory]
    [InlineData(@"`$A", "$A")]
    [InlineData(@"\$A", @"\a")]
    [InlineData(@"""`$A""", "$A")]
    [InlineData(@"""\$A""", @"\a")]
    [InlineData(@"C:\app`", @"C:\app")]
    public void The_backtick_escape_directive_changes_the_escape_character_of_the_lexer(string text, string expected)
    {
        Assert.Equal(expected, DockerfileParser.Substitute(text, n => n == "A" ? "a" : null, '`', out var ok));
        Assert.True(ok);
    }

    // An unclosed quote is a build error in BuildKit: the text stays as written from the quote on, and is no value.
    [Theory]
    [InlineData("x\"abc", "x\"abc")]
    [InlineData("x'abc", "x'abc")]
    [InlineData("$A\"$A", "a\"$A")]
    [InlineData("\"a\\", "\"a\\")]
    public void Unclosed_quotes_stay_literal_and_unresolved(string text, string expected)
    {
        Assert.Equal(expected, DockerfileParser.Substitute(text, n => n == "A" ? "a" : null, '\\', out var ok));
        Assert.False(ok);
    }

    // What ENV/ARG/LABEL values resolve to, through the parser's global ARGs (each default processed once, in order).
    [Theory]
    [InlineData(@"ARG A=\$B", "$B")]
    [InlineData(@"ARG A='$B'", "$B")]
    [InlineData(@"ARG A=""$B""", "b")]
    [InlineData(@"ARG A=""\$B""", "$B")]
    [InlineData(@"ARG A=\\$B", @"\b")]
    [InlineData(@"ARG A=x""$B y""'z'", "xb yz")]
    [InlineData("# escape=`\nARG B=b\nARG A=`$B", "$B")]
    [InlineData("# escape=`\nARG B=b\nARG A=C:\\$B", @"C:\b")]
    public void Global_arg_values_keep_escaped_and_single_quoted_dollars_literal(string args, string expected)
    {
        var text = args.StartsWith("#", System.StringComparison.Ordinal) ? args : "ARG B=b\n" + args;
        var doc = DockerfileParser.Parse(text + "\nFROM scratch\n");
        Assert.Null(doc.Error);
        Assert.Equal(expected, doc.GlobalArgs["A"]);
    }

    [Theory]
    [InlineData(@"ENV A=\$B C='$B' D=""$B"" E=""\$B"" F=\\$B", "A", @"$B", @"\$B")]
    [InlineData(@"ENV A=\$B C='$B' D=""$B"" E=""\$B"" F=\\$B", "C", @"$B", @"'$B'")]
    [InlineData(@"ENV A=\$B C='$B' D=""$B"" E=""\$B"" F=\\$B", "D", @"$B", @"""$B""")]
    [InlineData(@"ENV A=\$B C='$B' D=""$B"" E=""\$B"" F=\\$B", "E", @"$B", @"""\$B""")]
    [InlineData(@"ENV A=\$B C='$B' D=""$B"" E=""\$B"" F=\\$B", "F", @"\$B", @"\\$B")]
    [InlineData(@"LABEL ""my key""='a b' other=x\ y", "my key", "a b", "'a b'")]
    [InlineData(@"LABEL ""my key""='a b' other=x\y", "other", "xy", @"x\y")]
    [InlineData(@"ENV A legacy ""quoted"" \$B", "A", @"legacy quoted $B", @"legacy ""quoted"" \$B")]
    public void Key_values_keep_the_written_value_and_a_literal_view(string line, string name, string literal, string written)
    {
        var doc = DockerfileParser.Parse("FROM scratch\n" + line + "\n");
        var kv = doc.Instructions[1].KeyValues.Single(k => k.Name == name);
        Assert.Equal(literal, kv.Value);
        Assert.Equal(written, kv.WrittenValue);
    }

    // BuildKit's buildMetaArgs (dockerfile2llb/convert.go) replaces a meta ARG only when it has a value: "ARG X" again keeps X.
    [Theory]
    [InlineData("ARG TAG=1.0\nARG TAG\nFROM img:$TAG", "img:1.0", true)]
    [InlineData("ARG TAG\nARG TAG=2.0\nARG TAG\nFROM img:${TAG}", "img:2.0", true)]
    [InlineData("ARG TAG=1.0\nARG TAG=\nFROM img:${TAG:-3.0}", "img:3.0", true)]
    [InlineData("ARG TAG\nARG TAG\nFROM img:${TAG:-4.0}", "img:4.0", true)]
    [InlineData("ARG TAG\nARG TAG\nFROM img:$TAG", "img:", false)]
    public void A_global_arg_redeclared_without_default_keeps_its_value(string text, string image, bool resolved)
    {
        var stage = DockerfileParser.Parse(text).Stages.Single();
        Assert.Equal(image, stage.Image);
        Assert.Equal(resolved, stage.IsImageResolved);
    }

    // Forms BuildKit rejects never throw: from their '$' on the text stays as written, and it is not a value.
    [Theory]
    [InlineData("x${A:-${B}")]
    [InlineData("x${A")]
    [InlineData("x${")]
    [InlineData("x${}")]
    [InlineData("x${:-a}")]
    [InlineData("x${{A}}")]
    [InlineData("x${A!}")]
    [InlineData("x${A:x}")]
    [InlineData("x${A:/a/b}")]
    [InlineData("x${A/a}")]
    [InlineData("x${A:-'b}")]
    [InlineData("x${A:-b\\")]
    [InlineData("x${A:-${B:-${C:-${D")]
    public void Broken_forms_stay_literal_and_unresolved(string text)
    {
        Assert.Equal(text, DockerfileParser.Substitute(text, n => n == "A" ? "a" : null, '\\', out var ok));
        Assert.False(ok);
    }

    [Fact]
    public void Deep_nesting_is_expanded_and_hostile_nesting_neither_overflows_the_stack_nor_hangs()
    {
        var text = string.Concat(Enumerable.Repeat("${U:-", 100)) + "x" + new string('}', 100);
        Assert.Equal("x", DockerfileParser.Substitute(text, _ => null, '\\', out var ok));
        Assert.True(ok);

        // Past 256 levels no real Dockerfile goes: the text stays literal instead of recursing without end.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var hostile = "a" + string.Concat(Enumerable.Repeat("${U:-", 500_000)) + "x" + new string('}', 500_000);
        Assert.Equal(hostile, DockerfileParser.Substitute(hostile, _ => null, '\\', out ok));
        Assert.False(ok);
        Assert.True(watch.Elapsed.TotalSeconds < 5, watch.Elapsed.ToString());

        // A pattern modifier on a huge value is not tried (every cut of it would be), only reported unresolved.
        var huge = new string('a', 100_000);
        Assert.Equal("", DockerfileParser.Substitute("${H//*a*/b}${H%%*a}", _ => huge, '\\', out ok));
        Assert.False(ok);
        Assert.True(watch.Elapsed.TotalSeconds < 5, watch.Elapsed.ToString());
    }

    [Theory]
    [InlineData("ARG REGISTRY\nARG TAG=8.0\nARG BASE=${REGISTRY:-mcr.microsoft.com}/dotnet/aspnet:${TAG:-9.0}\nFROM $BASE", "mcr.microsoft.com/dotnet/aspnet:8.0", true)]
    [InlineData("ARG REGISTRY=ghcr.io/acme\nARG BASE=${REGISTRY:-mcr.microsoft.com}/dotnet/aspnet:${TAG:-9.0}\nFROM ${BASE}", "ghcr.io/acme/dotnet/aspnet:9.0", true)]
    [InlineData("ARG BASE=${REGISTRY}/aspnet:9.0\nFROM $BASE", "$BASE", false)]
    [InlineData("ARG BASE=img:${TAG:-${FALLBACK:-latest}}\nFROM $BASE", "img:latest", true)]
    [InlineData("ARG BASE=img:${TAG:-${FALLBACK:-latest}\nFROM $BASE", "$BASE", false)]
    [InlineData("ARG BASE=img\nARG BASE=${BASE}:1\nFROM $BASE", "img:1", true)]
    [InlineData("# escape=`\nARG TAG=1\nFROM img:`${TAG}-${TAG}", "img:${TAG}-1", true)]
    public void Global_arg_defaults_use_the_global_args_above_them(string text, string image, bool resolved)
    {
        var stage = DockerfileParser.Parse(text).Stages.Single();
        Assert.Equal(resolved, stage.IsImageResolved);
        if (resolved)
        {
            Assert.Equal(image, stage.Image);
        }
    }

    [Fact]
    public void A_stage_name_resolves_case_insensitively_to_its_latest_earlier_definition()
    {
        var doc = DockerfileParser.Parse(
            "FROM alpine:3.20 AS Build\n" +   // 0
            "FROM BUILD AS app\n" +            // 1: -> 0
            "FROM debian:12 AS build\n" +      // 2: redefines "build"
            "FROM build\n" +                   // 3: -> 2 (latest wins)
            "FROM later AS x\n" +              // 4: "later" is defined only below -> image
            "FROM ubuntu AS later\n" +         // 5
            "FROM self AS self\n" +            // 6: a stage never builds on itself
            "FROM self\n");                    // 7: -> 6
        Assert.Null(doc.Error);
        Assert.Equal(new[] { -1, 0, -1, 2, -1, -1, -1, 6 }, doc.Stages.Select(s => s.BaseStageIndex).ToArray());
        Assert.Equal("build", doc.Stages[0].Name);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(25)]
    public void Stage_lookups_agree_with_a_scan_below_and_above_the_map_threshold(int count)
    {
        // Names repeat (n0..n3, mixed case) and some stages are unnamed, so latest-wins and first-defined both matter.
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Append("FROM ").Append(i % 2 == 0 ? "N" : "n").Append((i * 5 + 1) % 4);
            if (i % 3 != 2)
            {
                sb.Append(" AS ").Append(i % 2 == 0 ? "n" : "N").Append(i % 4);
            }

            sb.Append('\n');
        }

        var doc = DockerfileParser.Parse(sb.ToString());
        Assert.Null(doc.Error);
        foreach (var stage in doc.Stages)
        {
            var latestEarlier = doc.Stages.Take(stage.Index).LastOrDefault(s => string.Equals(s.Name, stage.Image, System.StringComparison.OrdinalIgnoreCase));
            Assert.Equal(latestEarlier?.Index ?? -1, stage.BaseStageIndex);
        }

        foreach (var name in new[] { "n0", "N1", "n2", "N3", "n4" })
        {
            var first = doc.Stages.FirstOrDefault(s => string.Equals(s.Name, name, System.StringComparison.OrdinalIgnoreCase));
            Assert.Equal(first?.Index ?? -1, doc.FirstStageNamed(name));
        }
    }

    [Fact]
    public void Thousands_of_stages_each_resolve_their_base_stage()
    {
        var sb = new System.Text.StringBuilder("FROM alpine:3.20 AS s0\n");
        const int count = 5000;
        for (var i = 1; i < count; i++)
        {
            // Every stage builds on one a few stages back; names are reused so that the latest wins.
            sb.Append("FROM S").Append((i - 1) % 7).Append(" AS s").Append(i % 7).Append('\n');
        }

        var doc = DockerfileParser.Parse(sb.ToString());
        Assert.Null(doc.Error);
        Assert.Equal(count, doc.Stages.Count);
        Assert.Equal(-1, doc.Stages[0].BaseStageIndex);
        for (var i = 1; i < count; i++)
        {
            Assert.Equal(i - 1, doc.Stages[i].BaseStageIndex);
        }
    }

    [Fact]
    public void Stages_know_their_base_stage_and_which_is_final()
    {
        var doc = DockerfileParser.Parse("FROM alpine:3.20 AS base\nFROM base AS build\nRUN make\nFROM scratch\nCOPY --from=build /out /\n");
        Assert.Equal(3, doc.Stages.Count);
        Assert.Equal(0, doc.Stages[1].BaseStageIndex);
        Assert.Equal(-1, doc.Stages[2].BaseStageIndex);
        Assert.True(doc.Stages[2].IsFinal);
        Assert.False(doc.Stages[1].IsFinal);
        Assert.Same(doc.Stages[2], doc.FinalStage);
        Assert.Equal(1, doc.Instructions[2].StageIndex);
    }

    [Theory]
    [InlineData("RUN echo hi\nFROM alpine:3.20", "RUN comes before the first FROM (only ARG may)", "(1,1,1,4)")]
    [InlineData("FROM alpine:3.20\nRUNN echo", "unknown instruction 'RUNN'", "(2,1,2,5)")]
    [InlineData("FROM alpine:3.20\nENV A=1\n    GITHUB_TOKEN=ghp_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78", "unknown instruction 'GITH…'", "(3,5,3,58)")]
    [InlineData("FROM alpine:3.20\nWORKDIR", "WORKDIR requires at least one argument", "(2,1,2,8)")]
    [InlineData("FROM alpine:3.20 AS", "FROM expects 'FROM image [AS name]'", "(1,6,1,20)")]
    [InlineData("# only a comment\n\n", "the file contains no instructions", "(1,1,1,1)")]
    public void Errors_point_at_the_offending_token(string text, string message, string span)
    {
        var error = DockerfileParser.Parse(text).Error;
        Assert.NotNull(error);
        Assert.Equal(message, error!.Message.ToString());
        Assert.Equal(span, S(error.Span));
    }

    [Fact]
    public void Errors_are_localized()
    {
        var error = DockerfileParser.Parse("FROM alpine:3.20\nRUNN echo").Error!;
        Assert.Equal("instruction inconnue « RUNN »", error.Message.ToString(new System.Globalization.CultureInfo("fr-CA")));
    }

    [Fact]
    public void Env_and_label_key_values_with_quotes_legacy_form_and_positions()
    {
        var doc = DockerfileParser.Parse("FROM alpine:3.20\nENV A=1 B=\"two words\" C='x'\nENV LEGACY some value here\nARG NOVALUE\n");
        var kvs = KeyValue.Of(doc.Instructions[1]);
        Assert.Equal(new[] { "A", "B", "C" }, kvs.Select(k => k.Name));
        Assert.Equal(new[] { "1", "two words", "x" }, kvs.Select(k => k.Value));
        Assert.Equal("(2,9,2,10)", S(kvs[1].NameSpan));
        Assert.Equal("(2,11,2,22)", S(kvs[1].ValueSpan));
        var legacy = Assert.Single(KeyValue.Of(doc.Instructions[2]));
        Assert.Equal(("LEGACY", "some value here"), (legacy.Name, legacy.Value));
        Assert.False(Assert.Single(KeyValue.Of(doc.Instructions[3])).HasValue);
    }

    [Fact]
    public void Onbuild_keeps_its_inner_instruction_as_arguments()
    {
        var doc = DockerfileParser.Parse("FROM alpine:3.20\nONBUILD RUN --mount=type=cache,target=/x echo hi\n");
        Assert.Null(doc.Error);
        Assert.Empty(doc.Instructions[1].Flags);
        Assert.StartsWith("RUN --mount", doc.Instructions[1].ArgumentText, System.StringComparison.Ordinal);
    }
}
