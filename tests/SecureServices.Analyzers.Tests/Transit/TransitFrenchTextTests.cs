using SecureServices.Analyzers.Catalog;
using Xunit;

namespace SecureServices.Analyzers.Tests.Transit;

public sealed class TransitFrenchTextTests
{
    [Fact]
    public void Client_certificate_description_says_the_server_is_configured_to_accept_any_certificate()
    {
        // "doit tous les accepter" said the opposite of the English ("is told to accept any of them").
        var french = RuleCatalog.Get(RuleIds.ClientCertificateValidationDisabled).Description.French;
        Assert.Contains("est configuré pour les accepter tous", french);
        Assert.DoesNotContain("doit tous les accepter", french);
    }

    [Fact]
    public void Secret_logging_description_agrees_with_its_feminine_subject()
    {
        // "Une valeur … est passée", not "est passé".
        var french = RuleCatalog.Get(RuleIds.SecretWrittenToLog).Description.French;
        Assert.Contains("secret est passée à un appel ILogger", french);
    }
}
