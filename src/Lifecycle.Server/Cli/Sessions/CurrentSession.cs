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

    /// <summary>
    /// The session tasks belong to: the latest one when it began (ACTIVE, or closed: its open tasks
    /// carry over to the next start); after a start that was aborted, the last session that began,
    /// which is the one the next start carries over from.
    /// </summary>
    public static async Task<SessionContext> ForTasksAsync(CommandContext context, SqliteSessionStore store, CancellationToken cancellationToken) =>
        await LastBegunSession.FindAsync(store, await LatestAsync(context, store, cancellationToken), cancellationToken) ??
        throw new UsageException("No session has started yet (the last start did not finish). Run 'lifecycle start', then add tasks.");

    /// <summary>
    /// Refuses, creating nothing, when the command's folder is not a git working tree: sessions
    /// stash, restore and commit, so every session command needs one (exit 2).
    /// </summary>
    public static void RequireGitRepository(CommandContext context)
    {
        var dotGit = Path.Combine(context.Repository, ".git");
        if (!Directory.Exists(dotGit) && !File.Exists(dotGit))
        {
            throw new UsageException($"'{context.Repository}' is not a git repository, and sessions work on one. Run 'git init' there, or pass --repo with a repository's folder.");
        }
    }

    private static string DatabasePath(CommandContext context)
    {
        RequireGitRepository(context);
        return Path.Combine(context.Repository, ".lifecycle", "lifecycle.db");
    }
}
