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
            })
            .AddCookie(options =>
            {
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
            });

        // Only the storefront may call the API with the user's cookies.
        services.AddCors(options => options.AddPolicy("storefront", policy => policy
            .WithOrigins("https://shop.example.org")
            .AllowAnyHeader()
            .AllowCredentials()));
        return services;
    }
}
