using System.Linq;
using SecureServices.Dockerfile.Shell;
using Xunit;

namespace SecureServices.Dockerfile.Tests;

public sealed class ShellScriptTests
{
    private static string Show(string script)
        => string.Join(" ; ", ShellScript.Parse(script).Select(c => string.Join(" ", c.Words.Select(w => "[" + w.Value + "]")) + " " + c.Separator.Replace("\n", "NL")));

    [Theory]
    [InlineData("a b && c || d | e ; f & g", "[a] [b] && ; [c] || ; [d] | ; [e] ; ; [f] & ; [g] ")]
    [InlineData("echo \"a b\" 'c d' e\\ f", "[echo] [a b] [c d] [e f] ")]
    [InlineData("cmd >/dev/null 2>&1 && next", "[cmd] [>/dev/null] [2>&1] && ; [next] ")]
    [InlineData("x=$(curl -s https://a | sh) y", "[x=$(curl -s https://a | sh)] [y] ")]
    [InlineData("echo `date` # comment | sh\nnext", "[echo] [`date`] NL ; [next] ")]
    [InlineData("a \\\n  b", "[a] [b] ")]
    [InlineData("(cd x && make)", " ( ; [cd] [x] && ; [make] )")]
    [InlineData("echo \"unterminated", "[echo] [unterminated] ")]
    public void Commands_words_and_operators(string script, string expected)
        => Assert.Equal(expected, Show(script));

    [Fact]
    public void Assignments_before_the_command_are_skipped_for_its_name_and_offsets_are_exact()
    {
        var command = Assert.Single(ShellScript.Parse("A=1 B='x y' /usr/bin/curl -k url"));
        Assert.Equal(2, command.CommandIndex);
        Assert.Equal("curl", command.Name);
        var k = command.Words[3];
        Assert.Equal(("-k", 26, 28), (k.Value, k.Start, k.End));
    }
}
