using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Persistence;
using Microsoft.Data.Sqlite;

namespace Lifecycle.Server.Persistence;

/// <summary>
/// Sessions and their events on the repository's SQLite file, through hand-written SQL. EF Core
/// only creates and migrates the tables (<see cref="SessionDbContext"/> and its migrations).
/// </summary>
/// <remarks>
/// Every CLI command is a new process; building EF Core's model and compiling its queries cost
/// more than the commands' own work. Columns and conversions are the ones the migrations created
/// (times via <see cref="StoredTime"/>); tests write with one and read with the other.
/// </remarks>
public sealed class SqliteSessionStore : ISessionStore
{
    // What each session object this store handed out held in the database when read or last
    // saved: the expected row for the next save (optimistic concurrency without a schema change).
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SessionContext, StoredRow> _read = [];

    private readonly SqliteDatabase _database;
    private readonly SemaphoreSlim _initialization = new(1, 1);
    private bool _initialized;

    public SqliteSessionStore(string databasePath)
    {
        _database = new SqliteDatabase(databasePath);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initialization.WaitAsync(cancellationToken);
        try
        {
            if (!_initialized)
            {
                await _database.InitializeAsync(SessionSchema.Migrations, cancellationToken);
                _initialized = true;
            }
        }
        finally
        {
            _initialization.Release();
        }
    }

    public async Task<SessionContext?> GetLatestAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await using var connection = _database.Open();
        return await connection.Command("SELECT Id, Context FROM Sessions ORDER BY Id DESC LIMIT 1").ReadFirstAsync(Read, cancellationToken);
    }

    /// <remarks>The State column is written with the session by every save; a value this binary does not know reads the session.</remarks>
    public async Task<SessionHead?> GetLatestHeadAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        // Asked for every recorded event: a statement kept prepared.
        var rows = _database.ReadPrepared("SELECT Id, State FROM Sessions ORDER BY Id DESC LIMIT 1", [], row => (Id: row.GetString(0), State: row.GetString(1)));
        if (rows is not [var (id, state)])
        {
            return null;
        }

        return Enum.TryParse<SessionState>(state, ignoreCase: true, out var known)
            ? new SessionHead(id, known)
            : await GetAsync(id, cancellationToken) is { } session ? new SessionHead(session.SessionId, session.State) : null;
    }

    public async Task<SessionContext?> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await using var connection = _database.Open();
        return await connection.Command("SELECT Id, Context FROM Sessions WHERE Id = $id LIMIT 1", ("$id", sessionId))
            .ReadFirstAsync(Read, cancellationToken);
    }

    /// <remarks>
    /// A session this store read is saved only if its row still holds what was read: another
    /// process (a git hook's event, a second command) that saved it meanwhile is not overwritten
    /// with an older copy; the save fails with <see cref="SessionConflictException"/> instead. A
    /// session object this store did not read is inserted, or replaces the row.
    /// </remarks>
    public async Task SaveAsync(SessionContext session, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var json = JsonSerializer.Serialize(session, SessionJson.Default.SessionContext);
        await using var connection = _database.Open();
        (string Name, object? Value)[] values =
        [
            ("$id", session.SessionId), ("$state", session.State.ToString().ToUpperInvariant()), ("$startTime", StoredTime.ToStored(session.StartTime)),
            ("$endTime", StoredTime.ToStored(session.EndTime)), ("$context", json),
        ];
        if (_read.TryGetValue(session, out var read) && read.Id == session.SessionId)
        {
            await using var update = connection.Command("""
                UPDATE Sessions SET State = $state, StartTime = $startTime, EndTime = $endTime, Context = $context
                WHERE Id = $id AND Context = $read
                """, [.. values, ("$read", read.Json)]);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                throw new SessionConflictException(session.SessionId);
            }
        }
        else
        {
            await using var upsert = connection.Command("""
                INSERT INTO Sessions (Id, State, StartTime, EndTime, Context) VALUES ($id, $state, $startTime, $endTime, $context)
                ON CONFLICT (Id) DO UPDATE SET State = excluded.State, StartTime = excluded.StartTime, EndTime = excluded.EndTime, Context = excluded.Context
                """, values);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        _read.AddOrUpdate(session, new StoredRow(session.SessionId, json));
    }

    public async Task<IReadOnlyList<SessionContext>> ListAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await using var connection = _database.Open();
        return await connection.Command("SELECT Id, Context FROM Sessions ORDER BY Id").ReadAllAsync(Read, cancellationToken);
    }

    public async Task<SessionEvent> AppendEventAsync(SessionEvent sessionEvent, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await using var connection = _database.Open();
        await using var insert = connection.Command("""
            INSERT INTO SessionEvents (SessionId, Type, Timestamp, Data) VALUES ($sessionId, $type, $timestamp, $data) RETURNING Sequence
            """,
            ("$sessionId", sessionEvent.SessionId), ("$type", sessionEvent.Type), ("$timestamp", StoredTime.ToStored(sessionEvent.Timestamp)),
            ("$data", sessionEvent.Data?.ToJsonString()));
        var sequence = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        return sessionEvent with { Sequence = sequence };
    }

    /// <remarks>
    /// <c>BEGIN IMMEDIATE</c> takes the write lock before a session's latest event is read for
    /// <paramref name="merge"/>, so an event another process appends meanwhile is never merged over.
    /// The insert is prepared once for the batch.
    /// </remarks>
    public async Task<IReadOnlyList<SessionEvent>> AppendEventsAsync(
        IReadOnlyList<SessionEvent> events, Func<SessionEvent, SessionEvent, SessionEvent?>? merge, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await using var connection = _database.Open();
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var insert = transaction.Command("""
            INSERT INTO SessionEvents (SessionId, Type, Timestamp, Data) VALUES ($sessionId, $type, $timestamp, $data) RETURNING Sequence
            """, ("$sessionId", ""), ("$type", ""), ("$timestamp", 0L), ("$data", null));
        var latest = new Dictionary<string, SessionEvent?>(StringComparer.Ordinal);
        var stored = new List<SessionEvent>(events.Count);
        foreach (var sessionEvent in events)
        {
            SessionEvent recorded;
            if (merge is not null && await LatestEventAsync(transaction, latest, sessionEvent.SessionId, cancellationToken) is { } previous &&
                merge(previous, sessionEvent) is { } merged)
            {
                await using var update = transaction.Command("UPDATE SessionEvents SET Data = $data WHERE Sequence = $sequence",
                    ("$data", merged.Data?.ToJsonString()), ("$sequence", previous.Sequence));
                await update.ExecuteNonQueryAsync(cancellationToken);
                recorded = merged with { Sequence = previous.Sequence, Timestamp = previous.Timestamp };
            }
            else
            {
                insert.Parameters["$sessionId"].Value = sessionEvent.SessionId;
                insert.Parameters["$type"].Value = sessionEvent.Type;
                insert.Parameters["$timestamp"].Value = StoredTime.ToStored(sessionEvent.Timestamp);
                insert.Parameters["$data"].Value = (object?)sessionEvent.Data?.ToJsonString() ?? DBNull.Value;
                recorded = sessionEvent with { Sequence = (long)(await insert.ExecuteScalarAsync(cancellationToken))! };
            }

            latest[recorded.SessionId] = recorded;
            stored.Add(recorded);
        }

        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    // The session's latest event: the one this batch stored last, else the database's.
    private static async Task<SessionEvent?> LatestEventAsync(
        SqliteTransaction transaction, Dictionary<string, SessionEvent?> latest, string sessionId, CancellationToken cancellationToken)
    {
        if (!latest.TryGetValue(sessionId, out var known))
        {
            known = await transaction.Command("""
                    SELECT SessionId, Type, Timestamp, Data, Sequence FROM SessionEvents WHERE SessionId = $sessionId ORDER BY Sequence DESC LIMIT 1
                    """, ("$sessionId", sessionId))
                .ReadFirstAsync(ReadEvent, cancellationToken);
            latest[sessionId] = known;
        }

        return known;
    }

    public async Task<IReadOnlyList<SessionEvent>> GetEventsAsync(string sessionId, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await using var connection = _database.Open();
        return await connection.Command("""
                SELECT SessionId, Type, Timestamp, Data, Sequence FROM SessionEvents WHERE SessionId = $sessionId ORDER BY Sequence
                """, ("$sessionId", sessionId))
            .ReadAllAsync(ReadEvent, cancellationToken);
    }

    /// <remarks>
    /// A stored time (<see cref="StoredTime"/>) is its local clock time with the offset in the low
    /// 11 bits, so it orders instants only among times of one offset: the filter compares the UTC
    /// instant each stands for (in StoredTime's 0.1 ms units), so an event a hook recorded with a
    /// local offset is filtered where it belongs. The (SessionId, Sequence) index serves the
    /// session and the order.
    /// </remarks>
    public async Task<Page<SessionEvent>> QueryEventsAsync(SessionEventQuery query, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await using var connection = _database.Open();
        const string Where = """
            WHERE SessionId = $sessionId AND ($type IS NULL OR Type = $type)
              AND ($since IS NULL OR (Timestamp >> 11) - ((Timestamp << 53) >> 53) * 600000 >= $since)
            AND ($until IS NULL OR (Timestamp >> 11) - ((Timestamp << 53) >> 53) * 600000 < $until)
            AND ($after IS NULL OR Sequence > $after)
            """;
        (string Name, object? Value)[] filter =
        [
            ("$sessionId", query.SessionId), ("$type", query.Type),
            ("$since", query.Since?.UtcTicks / 1000), ("$until", query.Until?.UtcTicks / 1000), ("$after", query.AfterSequence),
        ];
        await using var count = connection.Command($"SELECT COUNT(*) FROM SessionEvents {Where}", filter);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        var items = await connection.Command($"""
                SELECT SessionId, Type, Timestamp, Data, Sequence FROM SessionEvents {Where} ORDER BY Sequence LIMIT $limit OFFSET $offset
                """, [.. filter, ("$limit", query.Limit), ("$offset", query.Offset)])
            .ReadAllAsync(ReadEvent, cancellationToken);
        return new Page<SessionEvent>(total, query.Offset, query.Limit, items);
    }

    private static SessionEvent ReadEvent(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetTime(2), r.GetNullableString(3) is { } data ? JsonNode.Parse(data)?.AsObject() : null, r.GetInt64(4));

    private SessionContext Read(SqliteDataReader row)
    {
        var json = row.GetString(1);
        var session = JsonSerializer.Deserialize(json, SessionJson.Default.SessionContext) ??
            throw new Activities.SessionException($"Session {row.GetString(0)} is stored empty; run 'lifecycle recover'.");
        _read.AddOrUpdate(session, new StoredRow(session.SessionId, json));
        return session;
    }

    private sealed record StoredRow(string Id, string Json);
}
