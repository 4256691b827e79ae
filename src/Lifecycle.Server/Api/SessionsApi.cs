using Lifecycle.Server.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lifecycle.Server.Api;

/// <summary><c>/api/sessions</c>: the session use cases over HTTP.</summary>
public static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions").WithTags("Sessions");
        sessions.MapGet("/current", async (SessionService service, CancellationToken ct) => TypedResults.Ok(await service.StatusAsync(ct)));
        return api;
    }
}
