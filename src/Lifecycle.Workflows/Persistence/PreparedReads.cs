using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Lifecycle.Workflows.Persistence;

/// <summary>
/// The reads asked on every recorded event (the latest session, the bookmarks and triggers waiting
/// for an event), prepared once on a few connections kept open for them, rather than parsed and
/// planned again on a pooled connection each time: SQLite's parser and planner were a fifth of the
/// server's CPU at 5,000 events/s (docs/PERFORMANCE.md §4).
/// </summary>
/// <remarks>
/// <para>
/// A read takes an idle lane (a connection and its prepared statements) or opens one, and gives it
/// back; at most <see cref="MaxIdle"/> stay open. Each read is its own statement in autocommit, so
/// in WAL mode it sees every commit made before it, by this process or another one, and holds no
/// snapshot between reads.
/// </para>
/// <para>
/// Lanes are kept per file, like Microsoft.Data.Sqlite's pool: whoever replaces the file (a
/// recovery) clears both with <see cref="SqliteDatabase.ClearAllPools"/>. A lane left idle for
/// <see cref="IdleLifetime"/> is closed, so that a file no longer read (a CLI command's, a test's)
/// holds no connection.
/// </para>
/// <para>
/// Static, keyed by file, like Microsoft.Data.Sqlite's own pool: the stores that read one file
/// (the session store and the workflow store share it) share its lanes, and a recovery that
/// replaces the file clears them without knowing which stores exist.
/// </para>
/// </remarks>
internal sealed class PreparedReads
{
    private const int MaxIdle = 4;

    private static readonly TimeSpan IdleLifetime = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, PreparedReads> ByFile = new(StringComparer.Ordinal);

    // Resource upkeep, like Microsoft.Data.Sqlite's own pool pruning: not a behaviour to test in time.
    private static readonly Timer Pruning = new(_ => CloseIdle(), null, IdleLifetime, IdleLifetime);

    private readonly string _connectionString;
    private readonly ConcurrentBag<Lane> _idle = [];
    private long _generation;

    private PreparedReads(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString();
    }

    public static PreparedReads For(string path)
    {
        GC.KeepAlive(Pruning);
        return ByFile.GetOrAdd(path, p => new PreparedReads(p));
    }

    /// <summary>Closes every idle lane of every file; lanes in use close when given back.</summary>
    public static void ClearAll()
    {
        foreach (var reads in ByFile.Values)
        {
            Interlocked.Increment(ref reads._generation);
            while (reads._idle.TryTake(out var lane))
            {
                lane.Dispose();
            }
        }
    }

    private static void CloseIdle()
    {
        var now = Environment.TickCount64;
        foreach (var reads in ByFile.Values)
        {
            var kept = new List<Lane>();
            while (reads._idle.TryTake(out var lane))
            {
                if (now - lane.LastUsed > IdleLifetime.TotalMilliseconds || lane.Generation != Interlocked.Read(ref reads._generation))
                {
                    lane.Dispose();
                }
                else
                {
                    kept.Add(lane);
                }
            }

            foreach (var lane in kept)
            {
                reads._idle.Add(lane);
            }
        }
    }

    /// <summary>Every row <paramref name="sql"/> returns with <paramref name="parameters"/>, read by <paramref name="read"/>.</summary>
    public List<T> Read<T>(string sql, ReadOnlySpan<(string Name, object? Value)> parameters, Func<SqliteDataReader, T> read)
    {
        var generation = Interlocked.Read(ref _generation);
        var lane = TakeIdle(generation) ?? new Lane(_connectionString, generation);
        var keep = false;
        try
        {
            var command = lane.Prepared(sql, parameters);
            foreach (var (name, value) in parameters)
            {
                command.Parameters[name].Value = value ?? DBNull.Value;
            }

            var rows = new List<T>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows.Add(read(reader));
                }
            }

            keep = true;
            return rows;
        }
        finally
        {
            if (keep && _idle.Count < MaxIdle && lane.Generation == Interlocked.Read(ref _generation))
            {
                lane.LastUsed = Environment.TickCount64;
                _idle.Add(lane);
            }
            else
            {
                lane.Dispose();
            }
        }
    }

    // An idle lane opened since the last clear; one opened before it is closed (it may read the replaced file).
    private Lane? TakeIdle(long generation)
    {
        while (_idle.TryTake(out var lane))
        {
            if (lane.Generation == generation)
            {
                return lane;
            }

            lane.Dispose();
        }

        return null;
    }

    private sealed class Lane : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public long LastUsed { get; set; } = Environment.TickCount64;

        /// <summary>The clears (<see cref="ClearAll"/>) before this lane was opened.</summary>
        public long Generation { get; }

        public Lane(string connectionString, long generation)
        {
            Generation = generation;
            _connection = new SqliteConnection(connectionString);
            try
            {
                _connection.Open();
                SqlitePragmas.Apply(_connection);
            }
            catch
            {
                _connection.Dispose();
                throw;
            }
        }

        public SqliteCommand Prepared(string sql, ReadOnlySpan<(string Name, object? Value)> parameters)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = _connection.CreateCommand();
                command.CommandText = sql;
                foreach (var (name, _) in parameters)
                {
                    command.Parameters.Add(new SqliteParameter { ParameterName = name });
                }

                _commands[sql] = command;
            }

            return command;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _connection.Dispose();
        }
    }
}
