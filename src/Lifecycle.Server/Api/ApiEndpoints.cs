using Lifecycle.Server.Dashboard;
using Lifecycle.Server.Instances;
using Lifecycle.Server.Mcp;
using Lifecycle.Server.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace Lifecycle.Server.Api;

/// <summary>Every route of the server, one resource per file.</summary>
public static class ApiEndpoints
{
    /// <summary>What the resources need registered beyond the composition root.</summary>
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<WorkflowDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowDispatcher>());
        services.AddInstances();
        SessionsApi.AddServices(services);
        Mcp.McpHttp.AddServices(services);
    }

    public static IEndpointRouteBuilder MapLifecycleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthEndpoints();
        endpoints.MapOpenApi();
        endpoints.MapScalarApiReference();
        endpoints.MapHooksApi();

        var api = endpoints.MapGroup("/api");
        api.MapSessionsApi();
        api.MapWorkflowsApi();
        api.MapEventsApi();
        api.MapInstancesApi();
        api.MapJournalApi();
        api.MapJournalStreamApi();
        api.MapLoginApi();
        api.MapReportsApi();
        api.MapPlanningApi();
        api.MapCollaborationApi();
        api.MapSuggestionsApi();
        endpoints.MapDashboard();
        endpoints.MapLifecycleMcp();
        return endpoints;
    }
}
