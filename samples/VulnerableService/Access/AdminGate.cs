using Microsoft.IdentityModel.JsonWebTokens;

namespace VulnerableService.Access;

public static class AdminGate
{
    private static readonly JsonWebTokenHandler Handler = new();

    // "The gateway validated it already": decodes the bearer token and trusts its role claim (SSA3009).
    public static bool IsAdmin(HttpRequest request)
    {
        var raw = request.Headers.Authorization.ToString().Replace("Bearer ", string.Empty, StringComparison.Ordinal);
        var token = Handler.ReadJsonWebToken(raw);
        return token.TryGetClaim("role", out var role) && role.Value == "admin";
    }
}
