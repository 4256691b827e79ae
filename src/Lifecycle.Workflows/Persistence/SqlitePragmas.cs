using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Lifecycle.Workflows.Persistence;

/// <summary>
/// The per-connection PRAGMAs: they last only as long as the native connection. A pooled
/// connection keeps its native handle from one open to the next, so they are set when the handle
/// is new or its synchronous mode is not the one wanted, rather than on every open (a statement per
/// open was a tenth of the cost of recording an event through the server).
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

    // What each native connection was last set to (true: durable); forgotten with the handle.
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, StrongBox<bool>> Applied = [];

    internal static void Apply(SqliteConnection connection, bool durable = true)
    {
        if (Applied.TryGetValue(connection.Handle!, out _))
        {
            SetSynchronous(connection, durable);
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = (durable ? Durable : CrashSafe) + BusyTimeout;
        command.ExecuteNonQuery();
        Applied.AddOrUpdate(connection.Handle!, new StrongBox<bool>(durable));
    }

    /// <summary>Sets how the next commits on <paramref name="connection"/> wait for the disk; a PRAGMA only when that changes.</summary>
    internal static void SetSynchronous(SqliteConnection connection, bool durable)
    {
        if (Applied.TryGetValue(connection.Handle!, out var set) && set.Value == durable)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = durable ? Durable : CrashSafe;
        command.ExecuteNonQuery();
        Applied.AddOrUpdate(connection.Handle!, new StrongBox<bool>(durable));
    }
}
