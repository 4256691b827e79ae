using Lifecycle.Server.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lifecycle.Server.Api;

/// <summary>
/// <c>POST /api/login-codes</c>: a new one-time login URL for the dashboard, for a client that has
/// the token (<c>lifecycle login</c>), since each URL works once and <c>serve</c> prints only one.
/// </summary>
public static class LoginApi
{
    /// <summary>A one-time login URL.</summary>
    public sealed record LoginLink(string Url);

    public static RouteGroupBuilder MapLoginApi(this RouteGroupBuilder api)
    {
        api.MapPost("/login-codes", Issue).WithName("IssueLoginCode").WithTags("Dashboard")
            .WithSummary("A new one-time login URL for the dashboard (each works once)");
        return api;
    }

    private static Created<LoginLink> Issue(HttpRequest request, LoginCodes codes)
    {
        var url = $"{request.Scheme}://{request.Host}/login?code={codes.Issue()}";
        return TypedResults.Created((string?)null, new LoginLink(url));
    }
}
