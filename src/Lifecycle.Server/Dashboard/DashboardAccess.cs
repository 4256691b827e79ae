using Lifecycle.Server.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Server.Dashboard;

/// <summary>
/// No dashboard page shows data without the cookie that the one-time login URL sets (or the
/// bearer token): anything else gets a 401 page that says how to sign in. The API and hooks have
/// their own check (<see cref="TokenAuthentication"/>); assets, <c>/health</c>, <c>/login</c> and
/// the API reference hold no data and stay open.
/// </summary>
public static class DashboardAccess
{
    private static readonly string[] OpenPrefixes = ["/api", "/hooks", "/health", "/login", "/assets", "/openapi", "/scalar", "/mcp"];

    public static IApplicationBuilder UseDashboardAccess(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsPage(context.Request.Path) || SignedIn(context))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsync(SignInPage);
        });

    /// <summary>True when the request carries the dashboard's cookie or the bearer token.</summary>
    public static bool SignedIn(HttpContext context)
    {
        var token = context.RequestServices.GetRequiredService<AccessToken>();
        return token.Matches(context.Request.Cookies[TokenAuthentication.CookieNameFor(context.Request)])
               || token.Matches(TokenAuthentication.Bearer(context.Request));
    }

    private static bool IsPage(PathString path) =>
        !OpenPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    private static readonly string SignInPage = MessagePage("Sign in", "Sign in to Lifecycle",
        "Open the login URL that <code>lifecycle serve</code> printed. Each URL works once; run <code>lifecycle login</code> in the repository for a new one.");

    /// <summary>A page outside the dashboard's layout (no data, no navigation): a heading and one paragraph of HTML.</summary>
    internal static string MessagePage(string title, string heading, string paragraph) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · Lifecycle</title><link rel="stylesheet" href="{{DashboardAssets.Url("dashboard.css")}}"></head>
        <body><main id="main" class="signin"><h1>{{heading}}</h1>
        <p>{{paragraph}}</p>
        </main></body></html>
        """;
}
