using System.Reflection;
using SecureServices.Analyzers.Internals.SecretDetection;
using SecureServices.Analyzers.Rules.Secrets;
using Xunit;

namespace SecureServices.Analyzers.Tests.Secrets;

/// <summary>Pre-filters that skip work must stay in step with the detectors they guard.</summary>
public sealed class SecretsPerformanceGuardTests
{
    [Fact]
    public void Token_length_prefilter_matches_the_detector_minimum()
    {
        var field = typeof(SecretTokenDetector).GetField("MinimumTextLength", BindingFlags.NonPublic | BindingFlags.Static);
        Assert.NotNull(field);
        Assert.Equal(HardCodedSecretTokenAnalyzer.ShortestToken, (int)field!.GetRawConstantValue()!);
    }
}
