using Lifecycle.Server.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lifecycle.Server.Api;

/// <summary><c>GET /health</c> (open, no data) and <c>GET /login?code=</c>, the one-time login URL that sets the dashboard's cookie.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).WithName("Health");
        endpoints.MapGet("/login", Login).WithName("Login").ExcludeFromDescription();
        return endpoints;
    }

    private static Results<RedirectHttpResult, ProblemHttpResult> Login(string? code, HttpContext context, LoginCodes codes, AccessToken token)
    {
        if (!codes.Redeem(code))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Login link spent or unknown",
                detail: "Each login URL works once. Restart 'lifecycle serve' for a new one, or send the token of .lifecycle/token as a bearer token.");
        }

        TokenAuthentication.SignIn(context, token);
        return TypedResults.Redirect("/");
    }
}
