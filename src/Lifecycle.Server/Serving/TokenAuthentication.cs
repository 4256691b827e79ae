using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Server.Serving;

/// <summary>
/// Every <c>/api</c> and <c>/hooks</c> call carries the bearer token of <c>.lifecycle/token</c>
/// (or the dashboard's cookie, set by the one-time login URL); anything else gets 401 Problem
/// Details before any endpoint sees it. <c>/health</c>, the OpenAPI document and the API
/// reference are open: they hold no data.
/// </summary>
public static class TokenAuthentication
{
    /// <summary>The dashboard's cookie: HttpOnly, SameSite=Strict, holding the token.</summary>
    public const string CookieName = "lifecycle_token";

    public static IApplicationBuilder UseTokenAuthentication(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsProtected(context.Request.Path))
            {
                await next(context);
                return;
            }

            var token = context.RequestServices.GetRequiredService<AccessToken>();
            if (token.Matches(Bearer(context.Request)) || token.Matches(context.Request.Cookies[CookieName]))
            {
                await next(context);
                return;
            }

            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Missing or wrong token",
                detail: "Send 'Authorization: Bearer TOKEN' with the token in .lifecycle/token of the repository, or open the login URL that 'lifecycle serve' printed.").ExecuteAsync(context);
        });

    /// <summary>Sets the dashboard's cookie for the client that opens a login URL.</summary>
    public static void SignIn(HttpContext context, AccessToken token) =>
        context.Response.Cookies.Append(CookieName, token.Value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });

    private static bool IsProtected(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/hooks", StringComparison.OrdinalIgnoreCase);

    private static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
