namespace VulnerableService.Secrets;

/// <summary>Audits logins — and writes the password into the log.</summary>
public sealed class LoginAudit(ILogger<LoginAudit> logger)
{
    public void Record(string userName, string password)
        => logger.LogInformation("Login attempt for {User} with password {Password}", userName, password);
}
