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
/// <para>
/// A run's intermediate checkpoints (<c>everyActivity</c>, <see cref="InstanceWriter"/>) and what
/// its activities write to the same file meanwhile (<see cref="DeferredSync"/>) are committed with
/// <see cref="CrashSafe"/> instead: in WAL mode a commit then
/// writes the WAL without an fsync, which a killed process cannot lose (the kernel holds the
/// pages) and a power cut can, back to the last synced commit. The run's end or suspension is
/// committed with <see cref="Durable"/>, whose fsync of the WAL makes every earlier commit durable too.
/// </para>
/// </remarks>
internal static class SqlitePragmas
{
    /// <summary>Every commit fsyncs the WAL.</summary>
    internal const string Durable = "PRAGMA synchronous=FULL;";

    /// <summary>Commits do not wait for the disk; the WAL is synced at the next durable commit or checkpoint (<see cref="DeferredSync"/>).</summary>
    internal const string CrashSafe = "PRAGMA synchronous=NORMAL;";

    private const string BusyTimeout = " PRAGMA busy_timeout=10000;";

    internal static void Apply(DbConnection connection, bool durable = true)
    {
        using var command = connection.CreateCommand();
        command.CommandText = (durable ? Durable : CrashSafe) + BusyTimeout;
        command.ExecuteNonQuery();
    }
}
