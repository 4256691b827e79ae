using System.Globalization;
using System.Text.Json;
using Lifecycle.Server.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Lifecycle.Server.Api.Sessions;

/// <summary>
/// <c>GET /api/sessions/current/stream</c>: the current session live, as server-sent events: a
/// <c>session</c> event with its snapshot (state, counts, tasks, blockers) at once and whenever it
/// changes, and an <c>event</c> event for each event it records, whose id is the event's sequence.
/// A client that reconnects with <c>Last-Event-ID</c> (or <c>?after=</c>) gets the events after it
/// first; without one, the events recorded from now on.
/// </summary>
public static class SessionStreamApi
{
    public static RouteGroupBuilder MapSessionStreamApi(this RouteGroupBuilder sessions)
    {
        sessions.MapGet("/current/stream", Stream)
            .WithName("StreamCurrentSession")
            .WithSummary("The current session live: 'session' snapshots when it changes, 'event' for each recorded event (id = sequence)")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return sessions;
    }

    private static IResult Stream(HttpRequest request, string? after)
    {
        var resumeFrom = request.Headers["Last-Event-ID"].FirstOrDefault() ?? after;
        long? sequence = null;
        if (!string.IsNullOrEmpty(resumeFrom))
        {
            if (!long.TryParse(resumeFrom, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                throw new Lifecycle.Activities.SessionException(
                    $"'{resumeFrom}' is not an event sequence of this stream (a whole number); reconnect without it to start from now.",
                    Lifecycle.Activities.ErrorKind.InvalidInput);
            }

            sequence = parsed;
        }

        return new StreamResult(sequence);
    }

    /// <summary>Writes the stream until the client goes or the server stops.</summary>
    private sealed class StreamResult(long? after) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var services = context.RequestServices;
            var watcher = services.GetRequiredService<SessionWatcher>();
            var json = services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            await EventStream.WriteAsync(context, stop => Events(watcher.FollowAsync(after, stop), json));
        }

        private static async IAsyncEnumerable<string> Events(IAsyncEnumerable<SessionStreamItem> items, JsonSerializerOptions json)
        {
            await foreach (var item in items)
            {
                yield return Format(item, json);
            }
        }

        private static string Format(SessionStreamItem item, JsonSerializerOptions json) => item switch
        {
            { Snapshot: { } snapshot } => $"event: session\ndata: {JsonSerializer.Serialize(snapshot, json)}\n\n",
            { Event: { } recorded } => $"id: {recorded.Sequence.ToString(CultureInfo.InvariantCulture)}\nevent: event\ndata: {JsonSerializer.Serialize(recorded, json)}\n\n",
            _ => ": heartbeat\n\n",
        };
    }
}
