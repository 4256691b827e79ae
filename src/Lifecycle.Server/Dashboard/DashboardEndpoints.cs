using Microsoft.AspNetCore.Builder;
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
        return endpoints;
    }
}
