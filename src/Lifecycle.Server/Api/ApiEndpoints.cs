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
        SessionsApi.AddServices(services);
    }

    public static IEndpointRouteBuilder MapLifecycleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthEndpoints();
        endpoints.MapOpenApi();
        endpoints.MapScalarApiReference();

        var api = endpoints.MapGroup("/api");
        api.MapSessionsApi();
        return endpoints;
    }
}
