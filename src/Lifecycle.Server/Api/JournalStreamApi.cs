using System.Text.Json;
using Lifecycle.Server.Instances;
using Lifecycle.Workflows.History;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Journal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Lifecycle.Server.Api;

/// <summary>
/// <c>GET /api/journal/stream</c>: every journal entry as it becomes durable, as server-sent
/// events, filtered by <c>instance</c> or <c>workflow</c>. Each event's id is the entry's
/// store-wide position; a client that reconnects with <c>Last-Event-ID</c> (or <c>?lastEventId=</c>)
/// gets every entry after it first, then the live ones, with no gap and no repeat. Without one it
/// starts with the entries written from now on. A comment every 15 s of silence keeps it open.
/// </summary>
public static class JournalStreamApi
{
    public static RouteGroupBuilder MapJournalStreamApi(this RouteGroupBuilder api)
    {
        api.MapGet("/journal/stream", StreamAsync)
            .WithTags("Journal")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static async Task<IResult> StreamAsync(
        HttpRequest request, string? instance, string? workflow, string? lastEventId, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var resumeFrom = request.Headers["Last-Event-ID"].FirstOrDefault() ?? lastEventId;
        JournalPosition? after = null;
        if (!string.IsNullOrEmpty(resumeFrom))
        {
            if (!JournalPosition.TryParse(resumeFrom, out var position))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["lastEventId"] = [$"'{resumeFrom}' is not an event id of this stream (segment-sequence, e.g. 42-7); reconnect without it to start from now."],
                }, title: "Invalid Last-Event-ID");
            }

            after = position;
        }

        await engine.Store.InitializeAsync(cancellationToken);
        if (!string.IsNullOrEmpty(instance) && (await engine.Store.GetClaimsAsync([instance], cancellationToken)).Count == 0)
        {
            throw new InstanceNotFoundException(instance);
        }

        return new JournalStreamResult(after ?? await engine.Store.HeadAsync(cancellationToken), NullIfEmpty(instance), NullIfEmpty(workflow));
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>Writes the stream until the client goes or the server stops.</summary>
    private sealed class JournalStreamResult(JournalPosition after, string? instanceId, string? workflowId) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var services = context.RequestServices;
            var watcher = services.GetRequiredService<JournalWatcher>();
            var json = services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

            await EventStream.WriteAsync(context, stop => Events(watcher.FollowAsync(after, instanceId, workflowId, stop), json));
        }

        private static async IAsyncEnumerable<string> Events(IAsyncEnumerable<FeedEntry?> entries, JsonSerializerOptions json)
        {
            await foreach (var entry in entries)
            {
                yield return entry is null ? ": heartbeat\n\n" : Event(entry, json);
            }
        }

        private static string Event(FeedEntry entry, JsonSerializerOptions json)
        {
            var e = entry.Entry;
            var data = JsonSerializer.Serialize(new JournalStreamEntry(entry.Position.ToString(), entry.InstanceId, entry.WorkflowId,
                e.Sequence, e.Timestamp, e.ActivityId, e.ActivityType, e.Event, e.Message, e.Data), json);
            return $"id: {entry.Position}\nevent: entry\ndata: {data}\n\n";
        }
    }
}

/// <summary>The data of one stream event: a journal entry with its position and whose it is.</summary>
public sealed record JournalStreamEntry(
    string Position,
    string InstanceId,
    string WorkflowId,
    long Sequence,
    DateTimeOffset Timestamp,
    string ActivityId,
    string ActivityType,
    JournalEvent Event,
    string? Message,
    System.Text.Json.Nodes.JsonNode? Data);
