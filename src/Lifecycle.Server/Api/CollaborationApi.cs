using Lifecycle.Server.Collaboration;
using Lifecycle.Server.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lifecycle.Server.Api;

/// <summary><c>/api/who</c>: who is on what, from the handoffs committed on every ref and the current session (as <c>lifecycle who</c>).</summary>
public static class CollaborationApi
{
    public static RouteGroupBuilder MapCollaborationApi(this RouteGroupBuilder api)
    {
        api.MapGet("/who", Who).WithName("Who").WithSummary("Each person's and agent's branch, newest session, open tasks (with assignees), last seen and handoff addressee");
        return api;
    }

    private static async Task<Ok<WhoReport>> Who(SessionService service, CancellationToken ct) => TypedResults.Ok(await service.WhoAsync(ct));
}
