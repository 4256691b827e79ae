using Lifecycle.Activities;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Setup;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// The sessions the use cases work on, read so that reading creates nothing: a repository where no
/// session ever started has no <c>.lifecycle/lifecycle.db</c>, and asking about one is an error
/// that says to start one.
/// </summary>
public sealed class SessionStoreAccess(ISessionStore sessions, LifecyclePaths paths, RepositoryContext repository)
{
    /// <summary>True once a store exists in this repository.</summary>
    public bool Exists => File.Exists(paths.Database);

    /// <summary>The latest session, or null when none was ever stored; creates nothing.</summary>
    public async Task<SessionContext?> LatestOrNullAsync(CancellationToken cancellationToken)
    {
        WorkingTree.Require(repository.Root);
        return Exists ? await sessions.GetLatestAsync(cancellationToken) : null;
    }

    /// <summary>The latest session; none yet is a <see cref="ErrorKind.NotFound"/> error.</summary>
    public async Task<SessionContext> LatestAsync(CancellationToken cancellationToken) =>
        await LatestOrNullAsync(cancellationToken) ??
        throw new SessionException("There is no session yet. Start one with 'lifecycle start'.", ErrorKind.NotFound);

    /// <summary>The session with <paramref name="id"/> (00004, or 4); a clear error when there is none.</summary>
    public async Task<SessionContext> GetAsync(string id, CancellationToken cancellationToken)
    {
        var normalized = SessionId.Normalize(id);
        await LatestAsync(cancellationToken);
        return await sessions.GetAsync(normalized, cancellationToken) ??
               throw new SessionException($"There is no session {normalized}. See 'lifecycle sessions'.", ErrorKind.NotFound);
    }

    /// <summary>
    /// The session tasks belong to: the latest one when it began (ACTIVE, or closed: its open tasks
    /// carry over to the next start); after a start that was aborted, the last session that began,
    /// which is the one the next start carries over from.
    /// </summary>
    /// <exception cref="SessionException">
    /// The latest session is still INITIALIZING (<see cref="ErrorKind.Conflict"/>): its start has
    /// already carried the previous session's tasks over, so a change made to that one now would
    /// reach no session; the start is finished (or aborted) first.
    /// </exception>
    public async Task<SessionContext> ForTasksAsync(CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(cancellationToken);
        if (latest is { State: SessionState.Initializing })
        {
            throw new SessionException(
                $"Session {latest.SessionId} has not finished starting; nothing was changed. Run 'lifecycle start' to finish it (or wait for the start that is running), then run this command again.",
                ErrorKind.Conflict);
        }

        return await LastBegunSession.FindAsync(sessions, latest, cancellationToken) ??
               throw new SessionException("No session has started yet (the last start did not finish). Run 'lifecycle start', then add tasks.", ErrorKind.Conflict);
    }
}
