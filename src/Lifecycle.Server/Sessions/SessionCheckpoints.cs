using Lifecycle.Activities.Documents;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Setup;
using Lifecycle.Activities.State;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// <c>.lifecycle/state.json</c>, the checkpoint of the current session (atomic, checksummed, with
/// backups): written on demand, and verified when read (a corrupt one is restored from its newest
/// good backup, with a note).
/// </summary>
public sealed class SessionCheckpoints(SessionStoreAccess access, LifecyclePaths paths, SessionLogWriter log, TimeProvider time, ISessionNotifier notifier)
{
    private StateFile<SessionContext> File => field ??= new StateFile<SessionContext>(paths.StateFile, time);

    public async Task<CheckpointOutcome> WriteAsync(CancellationToken cancellationToken)
    {
        var session = await access.LatestAsync(cancellationToken);
        await File.WriteAsync(session, cancellationToken);
        SessionLogs.Append(log, notifier, session, Lifecycle.Activities.Handoff.SessionLogEntries.Checkpoint(time.GetUtcNow(), session));
        return new CheckpointOutcome(session.SessionId, session.State, File.Path);
    }

    /// <summary>
    /// Writes <paramref name="session"/> as the checkpoint when it is the latest one (a task change,
    /// an event), so that <c>lifecycle recover</c> loses nothing a command saved.
    /// </summary>
    public async Task FollowAsync(SessionContext session, CancellationToken cancellationToken)
    {
        if ((await access.LatestAsync(cancellationToken)).SessionId == session.SessionId)
        {
            await File.WriteAsync(session, cancellationToken);
        }
    }

    /// <summary>Reads the checkpoint, noting when it had to be restored from a backup; null when there is none.</summary>
    public async Task<SessionContext?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(File.Path) && !System.IO.File.Exists(File.BackupPath(1)))
        {
            return null;
        }

        var read = await File.ReadAsync(cancellationToken);
        if (read?.Notice is { } notice)
        {
            notifier.Note(notice);
        }

        return read?.Value;
    }
}
