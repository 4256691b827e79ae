using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Server.Dashboard;

/// <summary>
/// The dashboard at <c>/</c>: Razor components rendered on the server (static rendering, one
/// request per page, no framework script) with a few embedded plain scripts for what must be live
/// (journal and session streams, the workflow editor's validation, buttons that call the API).
/// Pages read through the same application layer as the API; changes go through the API.
/// </summary>
public static class DashboardEndpoints
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddRazorComponents();
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDashboardAssets();
        // Pages only read (GET); every change is a call to the API, which checks the Origin of
        // cookie requests (TokenAuthentication), so no page takes a form post to protect.
        endpoints.MapRazorComponents<App>().DisableAntiforgery();

        // A page address that leads nowhere gets the dashboard's own 404 page. API and hooks paths are
        // not matched at all, so an unknown route there stays the status-code pages' Problem Details
        // (404, or 405 for a route that exists for other methods).
        endpoints.MapFallback("{*path:regex(^(?!(api|hooks)(/|$)).*$)}",
                context => new RazorComponentResult<App> { StatusCode = StatusCodes.Status404NotFound }.ExecuteAsync(context))
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .ExcludeFromDescription();
        return endpoints;
    }
}
