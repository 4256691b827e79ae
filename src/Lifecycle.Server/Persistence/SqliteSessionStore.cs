using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Sessions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lifecycle.Server.Persistence;

/// <summary>Sessions and their events on the repository's SQLite file, through EF Core.</summary>
public sealed class SqliteSessionStore : ISessionStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly DbContextOptions<SessionDbContext> _options;
    private readonly string _databasePath;
    private readonly SemaphoreSlim _initialization = new(1, 1);
    private bool _initialized;

    public SqliteSessionStore(string databasePath)
    {
        _databasePath = Path.GetFullPath(databasePath);
        var connection = new SqliteConnectionStringBuilder { DataSource = _databasePath, Pooling = true, DefaultTimeout = 30 };
        _options = new DbContextOptionsBuilder<SessionDbContext>()
            .UseSqlite(connection.ToString(), o => o.MigrationsHistoryTable(SessionDbContext.HistoryTable))
            .Options;
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initialization.WaitAsync(cancellationToken);
        try
        {
            if (!_initialized)
            {
                await MigrateAsync(cancellationToken);
                _initialized = true;
            }
        }
        finally
        {
            _initialization.Release();
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = Open();
        if (File.Exists(_databasePath) && !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    public async Task<SessionContext?> GetLatestAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await using var db = Open();
        var record = await db.Sessions.AsNoTracking().OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : Read(record);
    }

    public async Task<SessionContext?> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await using var db = Open();
        var record = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        return record is null ? null : Read(record);
    }

    public async Task SaveAsync(SessionContext session, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await using var db = Open();
        var record = await db.Sessions.FirstOrDefaultAsync(s => s.Id == session.SessionId, cancellationToken);
        if (record is null)
        {
            record = new SessionRecord { Id = session.SessionId, State = "", Context = "" };
            db.Sessions.Add(record);
        }

        record.State = session.State.ToString().ToUpperInvariant();
        record.StartTime = session.StartTime;
        record.EndTime = session.EndTime;
        record.Context = JsonSerializer.Serialize(session, Json);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SessionContext>> ListAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await using var db = Open();
        var records = await db.Sessions.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return records.Select(Read).ToList();
    }

    public async Task<SessionEvent> AppendEventAsync(SessionEvent sessionEvent, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await using var db = Open();
        var record = new SessionEventRecord
        {
            SessionId = sessionEvent.SessionId,
            Type = sessionEvent.Type,
            Timestamp = sessionEvent.Timestamp,
            Data = sessionEvent.Data?.ToJsonString(),
        };
        db.Events.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return sessionEvent with { Sequence = record.Sequence };
    }

    public async Task<IReadOnlyList<SessionEvent>> GetEventsAsync(string sessionId, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await using var db = Open();
        var records = await db.Events.AsNoTracking().Where(e => e.SessionId == sessionId).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        return records.Select(r => new SessionEvent(r.SessionId, r.Type, r.Timestamp,
            r.Data is null ? null : JsonNode.Parse(r.Data)?.AsObject(), r.Sequence)).ToList();
    }

    private static SessionContext Read(SessionRecord record) =>
        JsonSerializer.Deserialize<SessionContext>(record.Context, Json) ??
        throw new Activities.SessionException($"Session {record.Id} is stored empty; run 'lifecycle recover'.");

    private SessionDbContext Open() => new(_options);
}
