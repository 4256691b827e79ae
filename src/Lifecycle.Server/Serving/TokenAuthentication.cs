using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Server.Serving;

/// <summary>
/// Every <c>/api</c>, <c>/hooks</c> and <c>/mcp</c> call carries the bearer token of <c>.lifecycle/token</c>
/// (or the dashboard's cookie, set by the one-time login URL); anything else gets 401 Problem
/// Details before any endpoint sees it. <c>/health</c>, the OpenAPI document and the API
/// reference are open: they hold no data.
/// </summary>
public static class TokenAuthentication
{
    /// <summary>The dashboard's cookie: HttpOnly, SameSite=Strict, holding the token.</summary>
    public const string CookieName = "lifecycle_token";

    /// <summary>
    /// The cookie's name for the server a request reached: <see cref="CookieName"/> and the port,
    /// since browsers keep cookies per host, not per port, and each repository's server listens on
    /// its own port of 127.0.0.1: signing in to one must not sign out of another.
    /// </summary>
    public static string CookieNameFor(HttpRequest request) =>
        request.Host.Port is { } port ? $"{CookieName}_{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : CookieName;

    public static IApplicationBuilder UseTokenAuthentication(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsProtected(context.Request.Path))
            {
                await next(context);
                return;
            }

            var token = context.RequestServices.GetRequiredService<AccessToken>();
            if (token.Matches(Bearer(context.Request)))
            {
                await next(context);
                return;
            }

            if (token.Matches(context.Request.Cookies[CookieNameFor(context.Request)]))
            {
                if (IsSafe(context.Request.Method) || IsSameOrigin(context.Request))
                {
                    await next(context);
                    return;
                }

                // Browsers send the cookie from a page on any port of this host (SameSite does not
                // look at ports): a change made with the cookie alone must come from our own pages.
                await Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Cross-site request refused",
                    detail: "A change made with the dashboard's cookie must come from the dashboard itself (same Origin); scripts send 'Authorization: Bearer' with the token in .lifecycle/token instead.").ExecuteAsync(context);
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
        context.Response.Cookies.Append(CookieNameFor(context.Request), token.Value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    /// <summary>True when the request's <c>Origin</c> is this server's own address (browsers send it with every POST, PUT, PATCH and DELETE).</summary>
    private static bool IsSameOrigin(HttpRequest request) =>
        request.Headers.Origin.ToString() is { Length: > 0 } origin
        && string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);

    private static bool IsProtected(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/hooks", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(Mcp.McpHttp.Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>The bearer token a request carries; null without one.</summary>
    internal static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
