using Lifecycle.Server.Sessions;
using Lifecycle.Server.Suggestions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lifecycle.Server.Api;

/// <summary>
/// <c>GET /api/suggestions</c>: the optimization suggestions from the closed sessions, each with its
/// evidence (sessions, means and medians compared, the difference, the sample-size threshold), and
/// for each kind that made none, why.
/// </summary>
public static class SuggestionsApi
{
    public static RouteGroupBuilder MapSuggestionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/suggestions", Suggest).WithTags("Reports")
            .WithName("GetSuggestions").WithSummary("Optimization suggestions from the session history, each with the figures behind it");
        return api;
    }

    private static async Task<Ok<SuggestionReport>> Suggest(SessionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.SuggestAsync(ct));
}
