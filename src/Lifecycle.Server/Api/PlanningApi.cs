using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities;
using Lifecycle.Activities.Prediction;
using Lifecycle.Server.Api.Sessions;
using Lifecycle.Server.Planning;
using Lifecycle.Server.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lifecycle.Server.Api;

/// <summary>
/// Prediction and planning: <c>GET /api/predictions</c> (the next session and each open task's
/// effort, with intervals); <c>POST /api/sessions/current/plan</c> <c>{hours?}</c> makes the plan and
/// keeps it with the session; <c>GET /api/sessions/current/plan</c> is the plan in force;
/// <c>GET /api/sessions/{id}/plan</c> a session's plan and, once it closed, its review.
/// </summary>
public static class PlanningApi
{
    public static RouteGroupBuilder MapPlanningApi(this RouteGroupBuilder api)
    {
        api.MapGet("/predictions", Predict).WithTags("Planning").WithName("GetPredictions")
            .WithSummary("The next session's duration, commits and lines, and each open task's effort, each with a 10-90% interval");
        var sessions = api.MapGroup("/sessions").WithTags("Planning").AddEndpointFilter(SessionTranscript.CollectAsync);
        sessions.MapPost("/current/plan", Make).WithName("MakePlan").WithSummary("Makes the next session's plan fitted into {hours} (default: the predicted duration) and keeps it");
        sessions.MapGet("/current/plan", Current).WithName("CurrentPlan").WithSummary("The ACTIVE session's plan, or between sessions the one made for the next");
        sessions.MapGet("/{id}/plan", OfSession).WithName("SessionPlan").WithSummary("A session's plan and, once it closed, the plan compared with what happened");
        return api;
    }

    private static async Task<Ok<Predictions>> Predict(SessionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.PredictAsync(ct));

    // Recording the plan is one write: it runs to its end even when the client goes away.
    private static async Task<Ok<SessionPlan>> Make(JsonObject? body, SessionService service) =>
        TypedResults.Ok(await service.PlanAsync(Hours(body), CancellationToken.None));

    private static async Task<Ok<SessionPlan>> Current(SessionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.CurrentPlanAsync(ct) ??
                        throw new SessionException("No plan was made for the current session. Make one with 'lifecycle plan' or POST /api/sessions/current/plan.", ErrorKind.NotFound));

    private static async Task<Ok<PlanOfSession>> OfSession(string id, SessionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.PlanOfAsync(id, ct));

    /// <summary>The body's <c>hours</c>: absent or null for the predicted duration; a number above 0 otherwise.</summary>
    private static double? Hours(JsonObject? body)
    {
        var node = body?["hours"];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
        {
            return PlanHours.Check(value.GetValue<double>());
        }

        if (node is JsonValue text && text.TryGetValue<string>(out var given))
        {
            // A form's empty field: the predicted duration, as when the field is left out.
            return string.IsNullOrWhiteSpace(given) ? null : PlanHours.Parse(given, "\"hours\"");
        }

        throw new SessionException($"\"hours\" must be a number of hours above 0 (e.g. 1.5), not {node.ToJsonString()}.", ErrorKind.InvalidInput);
    }
}
