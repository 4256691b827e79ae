using Lifecycle.Server.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lifecycle.Server.Api;

/// <summary><c>GET /health</c> (open, no data) and <c>GET /login?code=</c>, the one-time login URL that sets the dashboard's cookie.</summary>
public static class HealthEndpoints
{
    private static readonly string SpentPage = Dashboard.DashboardAccess.MessagePage("Login link spent", "This login link was already used",
        "Each login URL works once. Run <code>lifecycle login</code> in the repository for a new one.");

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).WithName("Health");
        endpoints.MapGet("/login", Login).WithName("Login").ExcludeFromDescription();
        return endpoints;
    }

    private const string SpentDetail = "Each login URL works once. Run 'lifecycle login' in the repository for a new one, or send the token of .lifecycle/token as a bearer token.";

    private static Results<RedirectHttpResult, ProblemHttpResult, ContentHttpResult> Login(string? code, HttpContext context, LoginCodes codes, AccessToken token)
    {
        if (!codes.Redeem(code))
        {
            // A browser (the usual opener of a login URL) gets a page; a script gets Problem Details.
            if (context.Request.GetTypedHeaders().Accept.Any(type => type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)))
            {
                return TypedResults.Content(SpentPage, "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
            }

            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Login link spent or unknown", detail: SpentDetail);
        }

        TokenAuthentication.SignIn(context, token);
        return TypedResults.Redirect("/");
    }
}
