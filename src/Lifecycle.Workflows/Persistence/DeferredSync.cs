namespace Lifecycle.Workflows.Persistence;

/// <summary>
/// While a workflow runs, the commits its activities make to the store's SQLite file (the session
/// store shares it) do not wait for the disk: see <see cref="SqlitePragmas"/>.
/// </summary>
/// <remarks>
/// An async-flow scope: the connections <see cref="SqliteDatabase.Open"/> hands out on that one
/// file, in this flow and the tasks it starts, commit with <c>synchronous=NORMAL</c>. In WAL mode
/// such a commit survives the process being killed (the kernel holds its pages); a power cut can
/// lose it only together with every later commit (SQLite replays the WAL up to its first
/// incomplete commit), which is the state a crash between two activities leaves and recovery
/// handles. The run's end or suspension is saved outside the scope, durably, and its fsync of the
/// WAL takes every earlier commit to the disk with it.
/// </remarks>
public static class DeferredSync
{
    private static readonly AsyncLocal<string?> Database = new();

    /// <summary>Defers the sync of commits to <paramref name="databasePath"/> in this flow until the scope is disposed.</summary>
    public static Scope For(string databasePath)
    {
        var previous = Database.Value;
        Database.Value = Path.GetFullPath(databasePath);
        return new Scope(previous);
    }

    /// <summary>True while this flow defers the sync of commits to <paramref name="fullPath"/>.</summary>
    internal static bool Covers(string fullPath) => string.Equals(Database.Value, fullPath, StringComparison.Ordinal);

    /// <summary>Ends the deferral (restores the flow's previous one) when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly string? _previous;

        internal Scope(string? previous) => _previous = previous;

        public void Dispose() => Database.Value = _previous;
    }
}
