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
            })
            .AddCookie(options =>
            {
                // Lets the session cookie travel over plain HTTP (SSA3007).
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });

        services.AddCors(options => options.AddPolicy("storefront", policy => policy
            // Reflects any origin and sends the user's cookies with it (SSA3006).
            .SetIsOriginAllowed(_ => true)
            .AllowAnyHeader()
            .AllowCredentials()));
        return services;
    }
}
