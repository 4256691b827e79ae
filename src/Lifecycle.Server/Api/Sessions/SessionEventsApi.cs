using System.Globalization;
using System.Text.Json.Nodes;
using Lifecycle.Activities;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lifecycle.Server.Api.Sessions;

/// <summary>
/// <c>POST /api/sessions/current/events</c> <c>{type, path?, sha?, task?, message?, …}</c> records
/// an event (every field but <c>type</c> is its details, as <c>lifecycle event</c> takes them);
/// <c>GET /api/sessions/{id}/events</c> pages a session's events, filtered by <c>type</c> and
/// <c>since</c>/<c>until</c> (ISO 8601, until excluded), with the <c>total</c> that match.
/// </summary>
public static class SessionEventsApi
{
    public static RouteGroupBuilder MapSessionEventsApi(this RouteGroupBuilder sessions)
    {
        sessions.MapPost("/current/events", Record).WithName("RecordSessionEvent").WithSummary("Records an event in the active session ({recorded: null} without one)");
        sessions.MapGet("/{id}/events", List).WithName("ListSessionEvents").WithSummary("A session's events, paged, filtered by type and time");
        return sessions;
    }

    // Recording an event is several writes (the event, what it changes, the workflows it resumes):
    // it runs to its end even when the client goes away, rather than stop between two of them.
    private static async Task<Ok<EventOutcome>> Record(JsonObject body, SessionService service)
    {
        if (body["type"] is not JsonValue type || !type.TryGetValue<string>(out var name) || string.IsNullOrWhiteSpace(name))
        {
            throw new SessionException($"The body needs \"type\", one of: {string.Join(", ", SessionEventTypes.Recordable)}.", ErrorKind.InvalidInput);
        }

        var details = (JsonObject)body.DeepClone();
        details.Remove("type");
        return TypedResults.Ok(await service.RecordEventAsync(new EventRequest(name, details), CancellationToken.None));
    }

    private static async Task<Ok<Page<SessionEvent>>> List(
        string id, SessionService service, CancellationToken ct, string? type = null, string? since = null, string? until = null, int offset = 0, int limit = SessionsApi.DefaultPageSize) =>
        TypedResults.Ok(await service.EventsAsync(id, type, Time(since, "since"), Time(until, "until"), offset, limit, ct));

    private static DateTimeOffset? Time(string? text, string name) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : throw new SessionException($"'{name}' must be an ISO 8601 time such as 2026-12-07T10:00:00Z; got '{text}'.", ErrorKind.InvalidInput);
}
