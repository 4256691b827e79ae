using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Persistence;
using Lifecycle.Server.Tests.Support;
using Lifecycle.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lifecycle.Server.Tests.Persistence;

/// <summary>
/// The hand-written SQL reads what EF Core wrote and writes what EF Core reads, table by table, so
/// databases from before the change and after it are the same files.
/// </summary>
public sealed class SessionStoreFormatTests : IDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 30, 15, 123, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddHours(2);

    private readonly TempFolder _folder = new();

    private string DatabasePath => Path.Combine(_folder.Path, "lifecycle.db");

    [Fact]
    public async Task Sessions_WrittenByEfCore_ReadTheSameThroughTheStore()
    {
        var store = new SqliteSessionStore(DatabasePath);
        await store.InitializeAsync(default);
        var ended = new SessionContext { SessionId = "00001", State = SessionState.Dormant, StartTime = Start, EndTime = End, Blockers = ["CI red"] };
        var active = new SessionContext { SessionId = "00002", State = SessionState.Active, StartTime = End, ActiveBranch = "main" };
        await using (var ef = Ef())
        {
            ef.Sessions.AddRange(Record(ended), Record(active));
            await ef.SaveChangesAsync();
        }

        var latest = await store.GetLatestAsync(default);
        var first = await store.GetAsync("00001", default);
        var all = await store.ListAsync(default);

        Assert.Equal(Json(active), Json(latest!));
        Assert.Equal(Json(ended), Json(first!));
        Assert.Null(await store.GetAsync("00003", default));
        Assert.Equal([Json(ended), Json(active)], all.Select(Json));
    }

    [Fact]
    public async Task Sessions_SavedByTheStore_ReadTheSameThroughEfCore()
    {
        var store = new SqliteSessionStore(DatabasePath);
        var session = new SessionContext { SessionId = "00001", State = SessionState.Active, StartTime = Start, ActiveBranch = "main" };
        await store.SaveAsync(session, default);
        session.State = SessionState.Dormant;
        session.EndTime = End;

        await store.SaveAsync(session, default);

        await using var ef = Ef();
        var record = Assert.Single(await ef.Sessions.AsNoTracking().ToListAsync());
        Assert.Equal(("00001", "DORMANT", Start, (DateTimeOffset?)End), (record.Id, record.State, record.StartTime, record.EndTime));
        Assert.Equal(Json(session), Json(JsonSerializer.Deserialize<SessionContext>(record.Context, Web)!));
    }

    [Fact]
    public async Task Events_WrittenByEfCore_ReadTheSameThroughTheStore()
    {
        var store = new SqliteSessionStore(DatabasePath);
        await store.InitializeAsync(default);
        await using (var ef = Ef())
        {
            ef.Events.AddRange(
                new SessionEventRecord { SessionId = "00001", Type = SessionEventTypes.GitCommit, Timestamp = Start, Data = """{"sha":"abc"}""" },
                new SessionEventRecord { SessionId = "00002", Type = SessionEventTypes.Heartbeat, Timestamp = Start },
                new SessionEventRecord { SessionId = "00001", Type = SessionEventTypes.Heartbeat, Timestamp = End });
            await ef.SaveChangesAsync();
        }

        var events = await store.GetEventsAsync("00001", default);

        Assert.Equal([(SessionEventTypes.GitCommit, Start, 1L), (SessionEventTypes.Heartbeat, End, 3L)], events.Select(e => (e.Type, e.Timestamp, e.Sequence)));
        Assert.Equal("abc", events[0].Data!["sha"]!.GetValue<string>());
        Assert.Null(events[1].Data);
    }

    [Fact]
    public async Task Events_AppendedByTheStore_ReadTheSameThroughEfCore()
    {
        var store = new SqliteSessionStore(DatabasePath);

        var first = await store.AppendEventAsync(new SessionEvent("00001", SessionEventTypes.GitCommit, Start, new JsonObject { ["sha"] = "abc" }), default);
        var second = await store.AppendEventAsync(new SessionEvent("00001", SessionEventTypes.Heartbeat, End), default);

        await using var ef = Ef();
        var records = await ef.Events.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([(first.Sequence, "00001", SessionEventTypes.GitCommit, Start, (string?)"""{"sha":"abc"}"""), (second.Sequence, "00001", SessionEventTypes.Heartbeat, End, null)],
            records.Select(r => (r.Sequence, r.SessionId, r.Type, r.Timestamp, r.Data)));
    }

    [Fact]
    public async Task InitializeAsync_SessionMigrationFromANewerLifecycle_SaysToUpgrade()
    {
        await new SqliteSessionStore(DatabasePath).InitializeAsync(default);
        Execute($"""INSERT INTO "{SessionDbContext.HistoryTable}" VALUES ('29991231000000_FromANewerLifecycle', '99.0.0')""");

        var error = await Assert.ThrowsAsync<DatabaseTooNewException>(() => new SqliteSessionStore(DatabasePath).GetLatestAsync(default));

        Assert.Equal(["29991231000000_FromANewerLifecycle"], error.UnknownMigrations);
    }

    public void Dispose()
    {
        Lifecycle.Workflows.Persistence.SqliteDatabase.ClearAllPools();
        _folder.Dispose();
    }

    private SessionDbContext Ef() => new(new DbContextOptionsBuilder<SessionDbContext>().UseSqlite($"Data Source={DatabasePath}").Options);

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SessionRecord Record(SessionContext session) => new()
    {
        Id = session.SessionId,
        State = session.State.ToString().ToUpperInvariant(),
        StartTime = session.StartTime,
        EndTime = session.EndTime,
        Context = JsonSerializer.Serialize(session, Web),
    };

    private static string Json(SessionContext session) => JsonSerializer.Serialize(session, Web);
}
