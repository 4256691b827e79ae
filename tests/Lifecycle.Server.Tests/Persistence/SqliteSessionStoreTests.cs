using System.Text.Json.Nodes;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;
using Lifecycle.Server.Hosting;
using Lifecycle.Server.Persistence;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Persistence;

public class SqliteSessionStoreTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SaveAndGet_RoundTripTheWholeContext()
    {
        using var folder = new TempFolder();
        var store = new SqliteSessionStore(Path.Combine(folder.Path, ".lifecycle", "lifecycle.db"));
        await store.InitializeAsync(default);
        var session = new SessionContext { SessionId = "00001", State = SessionState.Active, StartTime = Noon, ActiveBranch = "main", Blockers = ["CI red"] };
        TaskBoard.Add(session.Tasks, "write the handoff", 1);

        await store.SaveAsync(session, default);
        session.State = SessionState.Closing;
        await store.SaveAsync(session, default);
        var read = await store.GetAsync("00001", default);

        Assert.NotNull(read);
        Assert.Equal(SessionState.Closing, read.State);
        Assert.Equal(Noon, read.StartTime);
        Assert.Equal("write the handoff", Assert.Single(read.OpenTasks).Title);
        Assert.Equal(["CI red"], read.Blockers);
    }

    [Fact]
    public async Task LatestAndList_FollowTheSessionIds()
    {
        using var folder = new TempFolder();
        var store = new SqliteSessionStore(Path.Combine(folder.Path, "lifecycle.db"));
        await store.InitializeAsync(default);
        Assert.Null(await store.GetLatestAsync(default));

        foreach (var id in new[] { "00002", "00001", "00003" })
        {
            await store.SaveAsync(new SessionContext { SessionId = id, StartTime = Noon }, default);
        }

        Assert.Equal("00003", (await store.GetLatestAsync(default))!.SessionId);
        Assert.Equal(["00001", "00002", "00003"], (await store.ListAsync(default)).Select(s => s.SessionId));
    }

    [Fact]
    public async Task Events_AreKeptPerSessionInTheOrderRecorded()
    {
        using var folder = new TempFolder();
        var store = new SqliteSessionStore(Path.Combine(folder.Path, "lifecycle.db"));
        await store.InitializeAsync(default);

        var first = await store.AppendEventAsync(new SessionEvent("00001", SessionEventTypes.FileModified, Noon, new JsonObject { ["path"] = "a.cs" }), default);
        await store.AppendEventAsync(new SessionEvent("00002", SessionEventTypes.Heartbeat, Noon), default);
        var third = await store.AppendEventAsync(new SessionEvent("00001", SessionEventTypes.GitCommit, Noon.AddMinutes(5), new JsonObject { ["sha"] = "abc" }), default);

        var events = await store.GetEventsAsync("00001", default);
        Assert.Equal([first.Sequence, third.Sequence], events.Select(e => e.Sequence));
        Assert.Equal("a.cs", events[0].Data!["path"]!.GetValue<string>());
        Assert.Equal(Noon.AddMinutes(5), events[1].Timestamp);
    }

    [Fact]
    public async Task SessionsAndWorkflows_ShareOneDatabaseFile()
    {
        using var folder = new TempFolder();
        await using var host = new EmbeddedHost(folder.Path, liveLog: null);
        await host.Engine.StartAsync();
        var store = new SqliteSessionStore(host.DatabasePath);

        await store.InitializeAsync(default);
        await store.SaveAsync(new SessionContext { SessionId = "00001", StartTime = Noon }, default);
        await host.Engine.Store.InitializeAsync(default);

        Assert.Single(await store.ListAsync(default));
        Assert.Empty(await host.Engine.Store.ListDefinitionsAsync(default));
    }

    [Fact]
    public async Task Save_OfACopyReadBeforeAnotherProcessSaved_IsRefusedAndOverwritesNothing()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "lifecycle.db");
        var end = new SqliteSessionStore(path);
        var hook = new SqliteSessionStore(path);
        await end.SaveAsync(new SessionContext { SessionId = "00001", State = SessionState.Active }, CancellationToken.None);
        var closing = (await end.GetAsync("00001", CancellationToken.None))!;
        var stale = (await hook.GetAsync("00001", CancellationToken.None))!;

        closing.State = SessionState.Closing;
        await end.SaveAsync(closing, CancellationToken.None);
        closing.HandoffNotes = "saved twice by its reader";
        await end.SaveAsync(closing, CancellationToken.None);
        stale.LastError = "recorded from an older copy";
        var conflict = await Assert.ThrowsAsync<SessionConflictException>(() => hook.SaveAsync(stale, CancellationToken.None));

        Assert.Equal(Lifecycle.Activities.ErrorKind.Conflict, conflict.Kind);
        Assert.Contains("Run the command again", conflict.Message);
        var stored = (await new SqliteSessionStore(path).GetAsync("00001", CancellationToken.None))!;
        Assert.Equal(SessionState.Closing, stored.State);
        Assert.Equal("saved twice by its reader", stored.HandoffNotes);
        Assert.Null(stored.LastError);
        var again = (await hook.GetAsync("00001", CancellationToken.None))!;
        again.LastError = "recorded from the current copy";
        await hook.SaveAsync(again, CancellationToken.None);
        Assert.Equal("recorded from the current copy", (await end.GetAsync("00001", CancellationToken.None))!.LastError);
    }

    [Fact]
    public async Task QueryEvents_PagesByTypeAndInstant_WhateverTheOffsetTheyWereRecordedWith()
    {
        using var folder = new TempFolder();
        var store = new SqliteSessionStore(Path.Combine(folder.Path, "lifecycle.db"));
        await store.InitializeAsync(default);
        for (var minute = 0; minute < 6; minute++)
        {
            // Odd minutes recorded at +02:00: the same instants, a different clock time.
            var time = Noon.AddMinutes(minute);
            await store.AppendEventAsync(new SessionEvent("00001", minute == 5 ? "error_occurred" : "heartbeat", minute % 2 == 1 ? time.ToOffset(TimeSpan.FromHours(2)) : time), default);
        }

        await store.AppendEventAsync(new SessionEvent("00002", "heartbeat", Noon), default);

        var heartbeats = await store.QueryEventsAsync(new SessionEventQuery("00001", Type: "heartbeat", Offset: 1, Limit: 2), default);
        var window = await store.QueryEventsAsync(new SessionEventQuery("00001", Since: Noon.AddMinutes(1), Until: Noon.AddMinutes(4)), default);
        var lateInParis = await store.QueryEventsAsync(new SessionEventQuery("00001", Since: Noon.AddMinutes(3).ToOffset(TimeSpan.FromHours(1))), default);

        Assert.Equal(5, heartbeats.Total);
        Assert.Equal([Noon.AddMinutes(1), Noon.AddMinutes(2)], heartbeats.Items.Select(e => e.Timestamp));
        Assert.Equal(3, window.Total);
        Assert.Equal([Noon.AddMinutes(1), Noon.AddMinutes(2), Noon.AddMinutes(3)], window.Items.Select(e => e.Timestamp));
        Assert.Equal(3, lateInParis.Total);
        Assert.Equal("error_occurred", lateInParis.Items[^1].Type);
    }
}
