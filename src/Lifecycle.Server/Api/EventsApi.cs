using Lifecycle.Server.Workflows;
using Lifecycle.Workflows.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lifecycle.Server.Api;

/// <summary>
/// <c>POST /api/events/{name}</c> <c>{payload?, correlation?, instanceId?}</c>: a stimulus, as
/// <c>lifecycle workflow resume --event NAME</c> delivers it. Resumes the instances waiting for it,
/// starts the workflows it triggers, and answers <c>{resumed, started, skipped, notDelivered}</c>.
/// </summary>
/// <remarks>
/// Not delivered is 409 Conflict with the same document in the Problem Details (and its reason):
/// nothing waited for the event and nothing is triggered by it, an instance stayed busy in another
/// process, or the named instance does not wait for it. The CLI exits 4 (conflict) for the same;
/// the state of the instances is what stands in the way, and delivering again later can succeed.
/// 404 is kept for what does not exist: an <c>instanceId</c> no instance has.
/// </remarks>
public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/events/{name}", PostAsync)
            .WithTags("Events")
            .WithSummary("Delivers an event: resumes waiting instances and starts triggered workflows; 409 when not delivered");
        return api;
    }

    private static async Task<Results<Ok<object>, ProblemHttpResult>> PostAsync(
        string name, HttpRequest request, StimulusDelivery delivery, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadObjectAsync(request, cancellationToken, "payload", "correlation", "instanceId");
        var stimulus = new Stimulus(name, JsonBody.Any(body, "payload"), JsonBody.String(body, "correlation"), JsonBody.String(body, "instanceId"));

        // Not the request's token: a client that goes away does not cut a resumed run off inside an activity.
        var outcome = await delivery.DeliverAsync(stimulus, CancellationToken.None);
        if (outcome.Delivered)
        {
            return TypedResults.Ok(outcome.Document);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Not delivered",
            detail: string.Join(" ", outcome.Problems),
            extensions: new Dictionary<string, object?> { ["kind"] = "conflict", ["outcome"] = outcome.Document });
    }
}
