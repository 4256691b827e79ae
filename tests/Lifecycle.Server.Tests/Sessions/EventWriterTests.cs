using System.Text.Json.Nodes;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Persistence;
using Lifecycle.Server.Sessions;
using Lifecycle.Server.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Lifecycle.Server.Tests.Sessions;

/// <summary>Group commit and heartbeat pulses, on a real SQLite store.</summary>
public sealed class EventWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly SqliteSessionStore _store;
    private readonly EventWriter _writer;

    public EventWriterTests()
    {
        _store = new SqliteSessionStore(Path.Combine(_folder.Path, "lifecycle.db"));
        _writer = new EventWriter(_store, new Lifecycle.Activities.Documents.SessionLogWriter(new RepositoryContext(_folder.Path)), new SilentNotifier());
    }

    [Fact]
    public async Task AThousandConcurrentEvents_AreAllStored_InFarFewerTransactions()
    {
        var appends = Enumerable.Range(1, 1000)
            .Select(i => Task.Run(() => _writer.AppendAsync(FileModified($"src/file{i}.cs"), default)))
            .ToList();
        var appended = await Task.WhenAll(appends);

        var stored = await _store.GetEventsAsync("00001", default);
        Assert.Equal(1000, stored.Count);
        Assert.Equal(1000, appended.Select(a => a.Stored.Sequence).Distinct().Count());
        Assert.All(appended, a => Assert.Contains(stored, s => s.Sequence == a.Stored.Sequence && s.Data!["path"]!.GetValue<string>() == a.Stored.Data!["path"]!.GetValue<string>()));
        Assert.True(_writer.Transactions <= 100, $"{_writer.Transactions} transactions for 1,000 events");
    }

    [Fact]
    public async Task HeartbeatsWithinThePulseWindow_ExtendOneRow()
    {
        var first = await Heartbeat();
        _time.Advance(TimeSpan.FromSeconds(30));
        await Heartbeat();
        _time.Advance(HeartbeatPulse.Window);
        var last = await Heartbeat();

        var row = Assert.Single(await _store.GetEventsAsync("00001", default));
        Assert.False(first.Merged);
        Assert.True(last.Merged);
        Assert.Equal(first.Stored.Sequence, row.Sequence);
        Assert.Equal(first.Stored.Timestamp, row.Timestamp);
        Assert.Equal(30 + HeartbeatPulse.Window.TotalSeconds, row.Data![HeartbeatPulse.DurationKey]!.GetValue<double>());
        Assert.Equal(3, row.Data[HeartbeatPulse.CountKey]!.GetValue<long>());
        Assert.Equal(first.Stored.Timestamp + TimeSpan.FromSeconds(150), HeartbeatPulse.EndOf(row));
    }

    [Fact]
    public async Task AHeartbeatPastTheWindow_StartsANewRow()
    {
        await Heartbeat();
        _time.Advance(HeartbeatPulse.Window + TimeSpan.FromSeconds(1));
        var late = await Heartbeat();

        Assert.False(late.Merged);
        Assert.Equal(2, (await _store.GetEventsAsync("00001", default)).Count);
    }

    [Fact]
    public async Task HeartbeatsWithOtherDetails_OrAfterAnotherEvent_AreNotMerged()
    {
        await Heartbeat("running the tests");
        await Heartbeat("writing the docs");
        await _writer.AppendAsync(FileModified("README.md"), default);
        await Heartbeat("writing the docs");

        var types = (await _store.GetEventsAsync("00001", default)).Select(e => e.Type).ToList();
        Assert.Equal([SessionEventTypes.Heartbeat, SessionEventTypes.Heartbeat, SessionEventTypes.FileModified, SessionEventTypes.Heartbeat], types);
    }

    [Fact]
    public async Task ConcurrentHeartbeats_MergeInsideOneBatch()
    {
        var beats = Enumerable.Range(0, 200).Select(_ => Task.Run(() => Heartbeat())).ToList();
        await Task.WhenAll(beats);

        var row = Assert.Single(await _store.GetEventsAsync("00001", default));
        Assert.Equal(200, row.Data![HeartbeatPulse.CountKey]!.GetValue<long>());
    }

    public void Dispose()
    {
        Lifecycle.Workflows.Persistence.SqliteDatabase.ClearAllPools();
        _folder.Dispose();
    }

    private Task<AppendedEvent> Heartbeat(string? message = null) =>
        _writer.AppendAsync(new SessionEvent("00001", SessionEventTypes.Heartbeat, _time.GetUtcNow(), message is null ? [] : new JsonObject { ["message"] = message }), default);

    private SessionEvent FileModified(string path) =>
        new("00001", SessionEventTypes.FileModified, _time.GetUtcNow(), new JsonObject { ["path"] = path });
}
