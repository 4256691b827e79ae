using Microsoft.AspNetCore.Http;

namespace Lifecycle.Server.Dashboard.Shared;

/// <summary>Gives a page's response an error status (400, 404) while keeping the page that says what to do.</summary>
public static class PageStatus
{
    /// <remarks>
    /// A 404 is set as the response starts, after the page is rendered: .NET 10's component endpoint
    /// sends no body at all for a page that set 404 itself (it expects a NotFound page or a
    /// re-execution), and the status code pages would then answer with Problem Details JSON instead
    /// of the page.
    /// </remarks>
    public static void Set(HttpContext? http, int status)
    {
        if (http is null || http.Response.HasStarted)
        {
            return;
        }

        if (status != StatusCodes.Status404NotFound)
        {
            http.Response.StatusCode = status;
            return;
        }

        var response = http.Response;
        response.OnStarting(() =>
        {
            response.StatusCode = status;
            return Task.CompletedTask;
        });
    }
}
