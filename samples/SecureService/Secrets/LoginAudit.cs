namespace SecureService.Secrets;

/// <summary>Audits logins without the credential: who, and whether a password was supplied.</summary>
public sealed class LoginAudit(ILogger<LoginAudit> logger)
{
    public void Record(string userName, string password)
        => logger.LogInformation("Login attempt for {User} (password supplied: {HasPassword})", userName, !string.IsNullOrEmpty(password));
}
