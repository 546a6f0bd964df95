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
