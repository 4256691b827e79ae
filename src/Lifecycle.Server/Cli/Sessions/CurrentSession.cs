using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Persistence;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary>Opens the repository's session store for the session commands.</summary>
internal static class CurrentSession
{
    public static SqliteSessionStore Store(CommandContext context) => new(DatabasePath(context));

    /// <summary>The latest session, or a clear error when there has been none (exit 2); creates nothing.</summary>
    public static async Task<SessionContext> LatestAsync(CommandContext context, SqliteSessionStore store, CancellationToken cancellationToken) =>
        (File.Exists(DatabasePath(context)) ? await store.GetLatestAsync(cancellationToken) : null) ??
        throw new UsageException("There is no session yet. Start one with 'lifecycle start'.");

    private static string DatabasePath(CommandContext context) => Path.Combine(context.Repository, ".lifecycle", "lifecycle.db");
}
