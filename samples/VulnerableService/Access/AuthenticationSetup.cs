using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace VulnerableService.Access;

public static class AuthenticationSetup
{
    public static IServiceCollection AddOrderAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = "https://login.example.org/orders";
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    // "Fixed" the 401s seen in the test environment (SSA3004, SSA3005).
                    RequireSignedTokens = false,
                    ValidateAudience = false,
                    ValidateLifetime = false,
                };
            });
        return services;
    }
}
