using System.Net;
using System.Text.Json.Nodes;
using Lifecycle.Server.Tests.Support;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Journal;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Server.Tests.Api;

/// <summary><c>GET /api/journal/stream</c>: live entries in order, and a reconnect with Last-Event-ID that misses and repeats nothing.</summary>
public sealed class JournalStreamApiTests : IDisposable
{
    private readonly ServerFactory _server = new();

    private static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private static bool IsSuspendedAtGo(SseEvent e) => (string?)e.Data!["activityId"] == "go" && (string?)e.Data["event"] == "Suspended";

    private static bool IsTheEnd(SseEvent e) => (string?)e.Data!["activityId"] == "$.root" && (string?)e.Data["event"] == "Completed";

    [Fact]
    public async Task Reads_a_running_workflow_live_then_reconnects_with_Last_Event_ID_without_a_gap_or_a_repeat()
    {
        var client = _server.Authorized();
        var deadline = Deadline();
        RunResult run;
        List<SseEvent> before;
        await using (var stream = await SseClient.ConnectAsync(client, "/api/journal/stream?workflow=greet", cancellationToken: deadline))
        {
            run = await _server.RunAsync(InstanceWorkflows.Waiter);
            before = await stream.ReadUntilAsync(IsSuspendedAtGo, deadline);
        }

        // Written while nobody watches: the reconnect replays it from the store.
        var resumed = await _server.Engine().ResumeAsync(new Stimulus("go", new JsonObject { ["extra"] = 1 }));
        Assert.Single(resumed.Resumed);
        List<SseEvent> after;
        await using (var stream = await SseClient.ConnectAsync(client, "/api/journal/stream?workflow=greet", before[^1].Id, deadline))
        {
            after = await stream.ReadUntilAsync(IsTheEnd, deadline);
        }

        var journal = await _server.Engine().Store.GetJournalAsync(run.InstanceId, 0, default);
        var seen = before.Concat(after).ToList();
        Assert.Equal(journal.Select(e => e.Sequence), seen.Select(e => (long)e.Data!["sequence"]!));
        Assert.All(seen, e => Assert.Equal(run.InstanceId, (string?)e.Data!["instanceId"]));
        Assert.All(seen, e => Assert.Equal("entry", e.Event));
        var positions = seen.Select(e => Assert.IsType<string>(e.Id)).Select(id => JournalPosition.TryParse(id, out var p) ? p : throw new FormatException(id)).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(positions.Count, positions.Distinct().Count());
    }

    [Fact]
    public async Task Entries_written_while_connected_arrive_live_after_the_replay()
    {
        var client = _server.Authorized();
        var deadline = Deadline();
        var run = await _server.RunAsync(InstanceWorkflows.Waiter);
        await using var stream = await SseClient.ConnectAsync(client, $"/api/journal/stream?instance={run.InstanceId}&lastEventId=0-0", cancellationToken: deadline);

        var replayed = await stream.ReadUntilAsync(IsSuspendedAtGo, deadline);
        await _server.Engine().ResumeAsync(new Stimulus("go", new JsonObject { ["extra"] = 2 }));
        var live = await stream.ReadUntilAsync(IsTheEnd, deadline);

        var journal = await _server.Engine().Store.GetJournalAsync(run.InstanceId, 0, default);
        Assert.Equal(journal.Select(e => e.Sequence), replayed.Concat(live).Select(e => (long)e.Data!["sequence"]!));
    }

    [Fact]
    public async Task Entries_another_process_writes_reach_the_stream_by_polling()
    {
        var client = _server.Authorized();
        var deadline = Deadline();
        _ = _server.Server;
        await using var stream = await SseClient.ConnectAsync(client, "/api/journal/stream?workflow=greet", cancellationToken: deadline);

        // A second engine on the same file, as a CLI running embedded would be: its commits do not signal the server.
        var services = new ServiceCollection();
        services.AddLifecycleWorkflows(_server.Paths.Database);
        await using var provider = services.BuildServiceProvider();
        var other = provider.GetRequiredService<WorkflowEngine>();
        await other.StartAsync();
        var (definition, _) = await other.PublishAsync(await other.ReadAsync(InstanceWorkflows.Waiter, "greet.json"));
        var run = await other.RunAsync(definition, null);

        var events = await stream.ReadUntilAsync(IsSuspendedAtGo, deadline);

        Assert.All(events, e => Assert.Equal(run.InstanceId, (string?)e.Data!["instanceId"]));
        Assert.Equal(1, (long)events[0].Data!["sequence"]!);
    }

    [Fact]
    public async Task A_quiet_stream_sends_heartbeat_comments()
    {
        using var quick = _server.WithWebHostBuilder(web => web.ConfigureServices(services =>
            services.AddSingleton(new Lifecycle.Server.Instances.JournalStreamOptions { Heartbeat = TimeSpan.FromMilliseconds(50) })));
        var client = quick.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            Lifecycle.Server.Serving.AccessToken.Read(_server.Paths.TokenFile));
        var deadline = Deadline();
        await using var stream = await SseClient.ConnectAsync(client, "/api/journal/stream", cancellationToken: deadline);
        var run = Task.Run(async () =>
        {
            // The first event after two heartbeats: an instance run once the client has seen them.
            while (stream.Comments < 2)
            {
                await Task.Delay(20, deadline);
            }

            var engine = quick.Services.GetRequiredService<WorkflowEngine>();
            var (definition, _) = await engine.PublishAsync(await engine.ReadAsync(InstanceWorkflows.Waiter, "greet.json"));
            await engine.RunAsync(definition, null);
        }, deadline);

        var first = await stream.NextAsync(deadline);
        await run;

        Assert.True(stream.Comments >= 2);
        Assert.Equal(1, (long)first.Data!["sequence"]!);
    }

    [Fact]
    public async Task A_bad_Last_Event_ID_is_400()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/journal/stream");
        request.Headers.Add("Last-Event-ID", "yesterday");

        var response = await _server.Authorized().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose() => _server.Dispose();
}
