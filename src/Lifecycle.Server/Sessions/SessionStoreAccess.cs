using Lifecycle.Activities;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Setup;
using Lifecycle.Activities.State;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// The sessions the use cases work on, read so that reading creates nothing: a repository where no
/// session ever started has no <c>.lifecycle/lifecycle.db</c>, and asking about one is an error
/// that says to start one. A store that is missing (or empty) while <c>.lifecycle/state.json</c>
/// holds a session was lost, not never made: that is a conflict that says to run
/// <c>lifecycle recover</c>, never "no session yet" (a start would then rebuild from the older
/// committed handoff and drop what the checkpoint holds).
/// </summary>
public sealed class SessionStoreAccess(ISessionStore sessions, LifecyclePaths paths, RepositoryContext repository, TimeProvider time)
{
    /// <summary>True once a store exists in this repository.</summary>
    public bool Exists => File.Exists(paths.Database);

    /// <summary>The latest session, or null when none was ever stored; creates nothing.</summary>
    public Task<SessionContext?> LatestOrNullAsync(CancellationToken cancellationToken) =>
        LatestOrNullAsync(sessions.GetLatestAsync, cancellationToken);

    /// <summary>The latest session's id and state (<see cref="LatestOrNullAsync"/> without reading the session).</summary>
    public Task<SessionHead?> LatestHeadOrNullAsync(CancellationToken cancellationToken) =>
        LatestOrNullAsync(sessions.GetLatestHeadAsync, cancellationToken);

    private async Task<T?> LatestOrNullAsync<T>(Func<CancellationToken, Task<T?>> read, CancellationToken cancellationToken)
        where T : class
    {
        WorkingTree.Require(repository.Root);
        var latest = Exists ? await read(cancellationToken) : null;
        if (latest is null)
        {
            await RequireNoLostStoreAsync(cancellationToken);
        }

        return latest;
    }

    /// <summary>
    /// Refuses to go on when the store is missing or holds no session while the checkpoint
    /// (<c>.lifecycle/state.json</c> or a backup) holds one; reads without writing anything.
    /// </summary>
    /// <exception cref="SessionException">
    /// The store was lost (<see cref="ErrorKind.Conflict"/>): the line names the session the
    /// checkpoint holds and says to run <c>lifecycle recover</c>.
    /// </exception>
    public async Task RequireNoLostStoreAsync(CancellationToken cancellationToken)
    {
        var missing = !Exists;
        if (!missing && await sessions.GetLatestAsync(cancellationToken) is not null)
        {
            return;
        }

        StateReadResult<SessionContext>? checkpoint;
        try
        {
            checkpoint = await new StateFile<SessionContext>(paths.StateFile, time).PeekAsync(cancellationToken);
        }
        catch (SessionException)
        {
            // No copy of the checkpoint reads: it holds nothing recover could use either.
            return;
        }

        if (checkpoint is not { Value: var held })
        {
            return;
        }

        var database = Relative(paths.Database);
        var file = Relative(paths.StateFile) + (checkpoint.RestoredFrom is { } backup ? $" (its backup {backup})" : "");
        throw new SessionException(
            $"The database {database} is {(missing ? "missing" : "empty")}, but {file} holds session {held.SessionId} " +
            $"({held.State.ToString().ToUpperInvariant()}, saved {checkpoint.SavedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z). " +
            "Run 'lifecycle recover' to rebuild it.",
            ErrorKind.Conflict);
    }

    private string Relative(string path) => Path.GetRelativePath(repository.Root, path);

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
    /// <param name="toChange">False for a listing, which may read the last session that began meanwhile.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<SessionContext> ForTasksAsync(CancellationToken cancellationToken, bool toChange = true)
    {
        var latest = await LatestAsync(cancellationToken);
        if (toChange && latest is { State: SessionState.Initializing })
        {
            throw new SessionException(
                $"Session {latest.SessionId} has not finished starting. Run 'lifecycle start' to finish it (or wait for the start that is running), then run this command again.",
                ErrorKind.Conflict);
        }

        return await LastBegunSession.FindAsync(sessions, latest, cancellationToken) ??
               throw new SessionException("No session has started yet (the last start did not finish). Run 'lifecycle start', then add tasks.", ErrorKind.Conflict);
    }
}
