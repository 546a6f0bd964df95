namespace SecureService.Access;

public static class ProfileEndpoints
{
    public static IEndpointRouteBuilder MapProfileEndpoints(this IEndpointRouteBuilder routes)
    {
        // Form-bound: the antiforgery token is validated by app.UseAntiforgery().
        routes.MapPost("/profile/avatar", (IFormFile avatar) => Results.Accepted());
        return routes;
    }
}
