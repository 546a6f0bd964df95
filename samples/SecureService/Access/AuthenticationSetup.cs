using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace SecureService.Access;

public static class AuthenticationSetup
{
    public static IServiceCollection AddOrderAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                // Signing keys and the issuer come from the authority's metadata; every check stays on.
                options.Authority = "https://login.example.org/orders";
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidAudience = "orders-api",
                    ValidAlgorithms = new[] { SecurityAlgorithms.RsaSha256 },
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
            });
        return services;
    }
}
