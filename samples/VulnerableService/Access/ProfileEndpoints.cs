namespace VulnerableService.Access;

public static class ProfileEndpoints
{
    public static IEndpointRouteBuilder MapProfileEndpoints(this IEndpointRouteBuilder routes)
    {
        // A form upload for cookie-authenticated browsers, with the antiforgery check removed (SSA3008).
        routes.MapPost("/profile/avatar", (IFormFile avatar) => Results.Accepted())
            .DisableAntiforgery();
        return routes;
    }
}
