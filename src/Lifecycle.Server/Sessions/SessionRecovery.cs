using Lifecycle.Activities;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Setup;
using Lifecycle.Activities.State;
using Microsoft.Data.Sqlite;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// <c>lifecycle recover</c>: rebuilds the session store from what survives outside it: the
/// committed session handoffs and the checkpoint <c>.lifecycle/state.json</c> with its backups.
/// A damaged database is moved aside, never deleted; sessions the store still holds are kept.
/// </summary>
public sealed class SessionRecovery(
    ISessionStore sessions,
    SessionLock sessionLock,
    LifecyclePaths paths,
    RepositoryContext repository,
    TimeProvider time)
{
    public async Task<RecoveryReport> RunAsync(CancellationToken cancellationToken)
    {
        WorkingTree.Require(repository.Root);
        using var held = sessionLock.Acquire("recover");
        var found = new List<string>();
        var imported = new List<string>();
        var kept = new List<string>();
        var (database, stored) = await OpenStoreAsync(cancellationToken);

        foreach (var committed in CommittedHandoff.ReadAll(repository.Root, repository.Config.DocsFolder).Reverse())
        {
            var relative = Path.GetRelativePath(repository.Root, committed.Path);
            if (committed.Session is not { } session)
            {
                found.Add($"{relative}: does not read ({committed.Problem}); not used");
                continue;
            }

            found.Add($"{relative}: session {session.SessionId}, closed {session.EndTime:yyyy-MM-dd HH:mm}Z");
            await ImportAsync(session, relative, stored, imported, kept, cancellationToken);
        }

        if (await ReadCheckpointAsync(found, cancellationToken) is { } checkpoint)
        {
            await ImportAsync(checkpoint.Session, checkpoint.Source, stored, imported, kept, cancellationToken);
        }

        var latest = await sessions.GetLatestAsync(cancellationToken);
        return new RecoveryReport(database, found, imported, kept, latest?.SessionId);
    }

    /// <summary>The store as it is, or a new one when the file was missing or damaged (the damaged one moved aside).</summary>
    private async Task<(string Database, Dictionary<string, SessionContext> Stored)> OpenStoreAsync(CancellationToken cancellationToken)
    {
        var existed = File.Exists(paths.Database);
        try
        {
            var stored = (await sessions.ListAsync(cancellationToken)).ToDictionary(s => s.SessionId, StringComparer.Ordinal);
            return (existed ? $"intact ({stored.Count} sessions)" : "none; a new one was created", stored);
        }
        catch (Exception error) when (existed && error is SqliteException { SqliteErrorCode: 11 or 26 } or SessionException or System.Text.Json.JsonException)
        {
            SqliteConnection.ClearAllPools();
            var aside = $"{paths.Database}.damaged-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}";
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                if (File.Exists(paths.Database + suffix))
                {
                    File.Move(paths.Database + suffix, aside + suffix);
                }
            }

            return ($"damaged ({error.Message.Trim()}); moved aside to {Path.GetRelativePath(repository.Root, aside)}, and a new one was created", []);
        }
    }

    private async Task<(SessionContext Session, string Source)?> ReadCheckpointAsync(List<string> found, CancellationToken cancellationToken)
    {
        var file = new StateFile<SessionContext>(paths.StateFile, time);
        var relative = Path.GetRelativePath(repository.Root, paths.StateFile);
        try
        {
            if (await file.ReadAsync(cancellationToken) is not { } read)
            {
                found.Add($"{relative}: none");
                return null;
            }

            var source = read.RestoredFrom is { } backup ? $"{relative} (its backup {backup})" : relative;
            found.Add($"{source}: session {read.Value.SessionId}, {read.Value.State.ToString().ToUpperInvariant()}, saved {read.SavedAt:yyyy-MM-dd HH:mm}Z");
            return (read.Value, source);
        }
        catch (SessionException unreadable)
        {
            found.Add($"{relative}: {unreadable.Message}");
            return null;
        }
    }

    /// <summary>Writes a session the store lacks; one it holds is kept (the store is the newer record).</summary>
    private async Task ImportAsync(SessionContext session, string source, Dictionary<string, SessionContext> stored, List<string> imported, List<string> kept, CancellationToken cancellationToken)
    {
        if (stored.ContainsKey(session.SessionId))
        {
            kept.Add($"{session.SessionId} (the store's copy; {source} not needed)");
            return;
        }

        await sessions.SaveAsync(session, cancellationToken);
        stored[session.SessionId] = session;
        imported.Add($"{session.SessionId} from {source}");
    }
}
