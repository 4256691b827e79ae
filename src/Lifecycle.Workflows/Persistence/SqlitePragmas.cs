using System.Data.Common;

namespace Lifecycle.Workflows.Persistence;

/// <summary>
/// The per-connection PRAGMAs, set on every open: they last only as long as the connection, and
/// pooled connections are reopened often.
/// </summary>
/// <remarks>
/// WAL (set once per file by <see cref="SqliteDatabase.InitializeAsync"/>) lets readers go on while a writer commits. synchronous=FULL makes every commit durable
/// (fsync of the WAL): a finished or suspended workflow survives a power cut, not only a crash.
/// busy_timeout makes a second process wait for the write lock instead of failing.
/// </remarks>
internal static class SqlitePragmas
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";

    internal static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
