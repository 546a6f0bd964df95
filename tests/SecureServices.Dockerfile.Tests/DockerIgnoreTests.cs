using System.Diagnostics;
using SecureServices.Dockerfile;
using Xunit;

namespace SecureServices.Dockerfile.Tests;

public class DockerIgnoreTests
{
    [Theory]
    [InlineData("*.pfx", "cert.pfx", true)]
    [InlineData("*.pfx", "src/cert.pfx", false)]
    [InlineData("**/*.pfx", "src/deep/cert.pfx", true)]
    [InlineData("**/bin", "src/App/bin/Release/app.dll", true)]
    [InlineData(".env*\n!.env.example", ".env.example", false)]
    [InlineData(".env*\n!.env.example", ".env.local", true)]
    [InlineData("secret?.txt", "secret1.txt", true)]
    [InlineData("secret[0-9].txt", "secretA.txt", false)]
    [InlineData("secret[^0-9].txt", "secretA.txt", true)]
    [InlineData("*a*b", "xxaxxb", true)]
    [InlineData("*a*b", "xxaxxbx", false)]
    public void Patterns_follow_docker_semantics(string dockerignore, string path, bool excluded)
        => Assert.Equal(excluded, DockerIgnore.Parse(dockerignore).IsExcluded(path));

    // A backslash escapes the next character (BuildKit on Linux: Unix filepath.Match rules), it is not a separator.
    [Theory]
    [InlineData("a\\*b", "a*b", true)]
    [InlineData("a\\*b", "axb", false)]
    [InlineData("a*c", "a*b", false)]
    [InlineData("a*b", "a*b", true)]
    [InlineData("a\\?b", "a?b", true)]
    [InlineData("a\\?b", "axb", false)]
    [InlineData("\\[x]", "[x]", true)]
    [InlineData("\\[x]", "x", false)]
    [InlineData("[x]", "x", true)]
    [InlineData("src/a\\*b", "src/a*b/deep/file", true)]
    [InlineData("dir\\file", "dir/file", false)]
    [InlineData("trailing\\", "trailing", false)]
    public void A_backslash_escapes_the_next_pattern_character(string dockerignore, string path, bool excluded)
        => Assert.Equal(excluded, DockerIgnore.Parse(dockerignore).IsExcluded(path));

    // Only a '#' in the first column starts a comment (ignorefile.ReadAll checks before trimming).
    [Theory]
    [InlineData("#secret.txt", "secret.txt", false)]
    [InlineData("#secret.txt", "#secret.txt", false)]
    [InlineData("\\#secret.txt", "#secret.txt", true)]
    [InlineData(" #secret.txt", "#secret.txt", true)]
    [InlineData("\uFEFF#secret.txt\nx", "#secret.txt", false)]
    public void Only_a_hash_in_the_first_column_is_a_comment(string dockerignore, string path, bool excluded)
        => Assert.Equal(excluded, DockerIgnore.Parse(dockerignore).IsExcluded(path));

    // Patterns are cleaned like Go's filepath.Clean, then lose their leading '/'.
    [Theory]
    [InlineData("/secrets/*.pem", "secrets/a.pem", true)]
    [InlineData("./secrets//a.pem/", "secrets/a.pem", true)]
    [InlineData("build/../secrets/./a.pem", "secrets/a.pem", true)]
    [InlineData("/../secrets", "secrets/x", true)]
    [InlineData("../secrets", "secrets/x", false)]
    [InlineData("!./keep\n*", "keep", true)]
    [InlineData("*\n! ./keep", "keep", false)]
    [InlineData(".\n./", "anything", false)]
    public void Patterns_are_cleaned_like_go_filepath_clean(string dockerignore, string path, bool excluded)
        => Assert.Equal(excluded, DockerIgnore.Parse(dockerignore).IsExcluded(path));

    [Fact]
    public void Hostile_patterns_neither_overflow_the_stack_nor_hang()
    {
        var watch = Stopwatch.StartNew();
        var stars = DockerIgnore.Parse(new string('*', 200_000) + "x\n" + string.Concat(System.Linq.Enumerable.Repeat("*a", 40)) + "*b\n"
            + string.Concat(System.Linq.Enumerable.Repeat("**/", 60)) + "z");
        Assert.False(stars.IsExcluded(new string('a', 60)));
        Assert.False(stars.IsExcluded(string.Join("/", System.Linq.Enumerable.Repeat("d", 30))));
        Assert.True(stars.IsExcluded("x"));
        Assert.True(watch.Elapsed.TotalSeconds < 5, watch.Elapsed.ToString());
    }
}
