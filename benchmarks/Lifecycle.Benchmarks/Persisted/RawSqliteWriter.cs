using System.Diagnostics;
using Lifecycle.Workflows.Persistence;
using Microsoft.Data.Sqlite;

namespace Lifecycle.Benchmarks.Persisted;

/// <summary>
/// The floor the engine is compared with: single-row INSERTs, one per (autocommit) transaction,
/// through a prepared command on one open connection, with the engine's own PRAGMAs (WAL, synchronous=FULL).
/// </summary>
public sealed class RawSqliteWriter : IDisposable
{
    private static readonly string Payload = new('x', 100);

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _id;

    public RawSqliteWriter(string databasePath)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        _connection.Open();

        // The engine sets WAL once per file (SqliteWorkflowStore.InitializeAsync); this file gets the same.
        using (var wal = _connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            wal.ExecuteNonQuery();
        }

        SqlitePragmas.Apply(_connection);
        using (var create = _connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS Rows (Id INTEGER PRIMARY KEY, Payload TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }

        _insert = _connection.CreateCommand();
        _insert.CommandText = "INSERT INTO Rows (Id, Payload) VALUES ($id, $payload)";
        _id = _insert.Parameters.Add("$id", SqliteType.Integer);
        _insert.Parameters.AddWithValue("$payload", Payload);
        _insert.Prepare();
    }

    /// <summary>The PRAGMAs as SQLite reports them, to show both sides run with the same settings.</summary>
    public string Settings
    {
        get
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode; PRAGMA synchronous;";
            using var reader = command.ExecuteReader();
            reader.Read();
            var journal = reader.GetString(0);
            reader.NextResult();
            reader.Read();
            return $"journal_mode={journal}, synchronous={reader.GetInt64(0)} (2 = FULL)";
        }
    }

    private long NextId { get; set; } = 1;

    /// <summary>Commits one row per transaction for <paramref name="duration"/>.</summary>
    public Rate Measure(TimeSpan duration)
    {
        long transactions = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            _id.Value = NextId++;
            _insert.ExecuteNonQuery();
            transactions++;
        }

        return new Rate(transactions, clock.Elapsed);
    }

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
    }
}
