using Microsoft.Data.Sqlite;

namespace Lifecycle.Workflows.Persistence;

/// <summary>
/// One SQLite file as the stores use it: pooled connections opened with the PRAGMAs, and a schema
/// that EF Core's migrations bring up to date only when the file is missing or behind.
/// </summary>
/// <remarks>
/// Every CLI command is a new process. Asking EF Core whether migrations are pending builds its
/// model first (about 150 ms per context, measured on a ReadyToRun build); reading the history
/// table costs well under a millisecond, and EF Core's code does not run when nothing is to be
/// done. The workflow and session stores share the file, each with its own history table.
/// </remarks>
public sealed class SqliteDatabase
{
    public SqliteDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// Every row of a read-only <paramref name="sql"/> asked often (on every event), from a
    /// statement prepared once and kept (<see cref="PreparedReads"/>); the SQL must be constant,
    /// its values in <paramref name="parameters"/>.
    /// </summary>
    public List<T> ReadPrepared<T>(string sql, ReadOnlySpan<(string Name, object? Value)> parameters, Func<SqliteDataReader, T> read) =>
        PreparedReads.For(Path).Read(sql, parameters, read);

    /// <summary>
    /// Closes the idle connections kept to every file (Microsoft.Data.Sqlite's pool and the
    /// prepared reads): whoever replaces a database file calls it, so that no connection goes on
    /// reading the file it replaced.
    /// </summary>
    public static void ClearAllPools()
    {
        SqliteConnection.ClearAllPools();
        PreparedReads.ClearAll();
    }

    /// <summary>
    /// An open connection with the PRAGMAs set (see <see cref="SqlitePragmas"/>): its commits wait
    /// for the disk unless a <see cref="DeferredSync"/> scope for this file is active; the caller disposes it.
    /// </summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();
            SqlitePragmas.Apply(connection, durable: !DeferredSync.Covers(Path));
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Creates the file and its tables, or applies the migrations it misses; writes nothing when
    /// it is up to date, so reading commands work on a read-only database.
    /// </summary>
    /// <exception cref="DatabaseTooNewException">The file has a migration this binary does not know.</exception>
    public async Task InitializeAsync(SchemaMigrations schema, CancellationToken cancellationToken)
    {
        if (File.Exists(Path))
        {
            await using var connection = Open();
            var applied = await schema.ReadAppliedAsync(connection, cancellationToken);
            var unknown = applied.Where(id => !schema.Known.Contains(id)).Order(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                throw new DatabaseTooNewException(Path, unknown);
            }

            if (schema.Known.All(applied.Contains))
            {
                return;
            }
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        await using (var connection = Open())
        {
            await schema.MigrateAsync(connection, cancellationToken);

            // Stored in the file: set once here rather than on every connection.
            await using var wal = connection.Command("PRAGMA journal_mode=WAL;");
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
