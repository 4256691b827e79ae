using System.Text.Json.Nodes;
using Lifecycle.Activities;
using Lifecycle.Activities.Handoff;
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
        var imported = new List<Imported>();
        var kept = new List<string>();
        var (database, stored) = await OpenStoreAsync(cancellationToken);
        var checkpoint = await ReadCheckpointAsync(found, cancellationToken);

        foreach (var committed in CommittedHandoff.ReadAll(repository.Root, repository.Config.DocsFolder).Reverse())
        {
            var relative = Path.GetRelativePath(repository.Root, committed.Path);
            if (committed.Session is not { } session)
            {
                found.Add($"{relative}: does not read ({committed.Problem}); not used");
                continue;
            }

            found.Add($"{relative}: session {session.SessionId}, closed {session.EndTime:yyyy-MM-dd HH:mm}Z");
            if (checkpoint is { } saved && saved.Session.SessionId == session.SessionId && session.EndTime is { } closed)
            {
                // The checkpoint is written after the close too (and by every task change since), so
                // the newer of the two is the fuller record of the session; the other is not used.
                if (saved.SavedAt >= closed)
                {
                    checkpoint = saved with { Why = $"saved {Clock(saved.SavedAt)}, newer than the handoff of {Clock(closed)}", Handoff = committed.Path };
                    continue;
                }

                checkpoint = null;
                await ImportAsync(session, $"{relative} (closed {Clock(closed)}, newer than {saved.Source} saved {Clock(saved.SavedAt)})", committed.Path, stored, imported, kept, cancellationToken);
                continue;
            }

            await ImportAsync(session, relative, committed.Path, stored, imported, kept, cancellationToken);
        }

        if (checkpoint is { } used)
        {
            await ImportAsync(used.Session, used.Why is { } why ? $"{used.Source} ({why})" : used.Source, used.Handoff, stored, imported, kept, cancellationToken);
        }

        var rerecorded = new List<string>();
        foreach (var session in imported)
        {
            await RerecordErrorsAsync(session, rerecorded, cancellationToken);
        }

        var latest = await sessions.GetLatestAsync(cancellationToken);
        return new RecoveryReport(database, found, [.. imported.Select(i => $"{i.Session.SessionId} from {i.Source}")], kept, latest?.SessionId)
        {
            Rerecorded = rerecorded,
        };
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
            Lifecycle.Workflows.Persistence.SqliteDatabase.ClearAllPools();
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

    private async Task<Checkpoint?> ReadCheckpointAsync(List<string> found, CancellationToken cancellationToken)
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
            return new Checkpoint(read.Value, source, read.SavedAt, Why: null, Handoff: null);
        }
        catch (SessionException unreadable)
        {
            found.Add($"{relative}: {unreadable.Message}");
            return null;
        }
    }

    /// <summary>Writes a session the store lacks; one it holds is kept (the store is the newer record).</summary>
    private async Task ImportAsync(SessionContext session, string source, string? handoff, Dictionary<string, SessionContext> stored, List<Imported> imported, List<string> kept, CancellationToken cancellationToken)
    {
        if (stored.ContainsKey(session.SessionId))
        {
            kept.Add($"{session.SessionId} (the store's copy; {source} not needed)");
            return;
        }

        await sessions.SaveAsync(session, cancellationToken);
        stored[session.SessionId] = session;
        imported.Add(new Imported(session, source, handoff));
    }

    /// <summary>
    /// The errors of an imported session went with the database (they are events): they are
    /// recorded again from the best record left, its log's <c>[error]</c> lines (with their times),
    /// else its committed handoff's errors, else the checkpoint's last error (its time unknown: the
    /// session's last activity stands in).
    /// </summary>
    private async Task RerecordErrorsAsync(Imported session, List<string> rerecorded, CancellationToken cancellationToken)
    {
        var id = session.Session.SessionId;
        if ((await sessions.GetEventsAsync(id, cancellationToken)).Any(e => e.Type == SessionEventTypes.ErrorOccurred))
        {
            return;
        }

        var (errors, from) = ErrorsOf(session);
        foreach (var error in errors)
        {
            await sessions.AppendEventAsync(new SessionEvent(id, SessionEventTypes.ErrorOccurred, error.Time,
                new JsonObject { ["message"] = error.Message, ["recoveredFrom"] = from }), cancellationToken);
        }

        if (errors.Count > 0)
        {
            rerecorded.Add($"{id}: {errors.Count} error{(errors.Count == 1 ? "" : "s")} from {from} ({string.Join("; ", errors.Select(e => $"{Clock(e.Time)} {e.Message}"))})");
        }
    }

    private (IReadOnlyList<SessionError> Errors, string From) ErrorsOf(Imported session)
    {
        var log = Path.Combine(repository.Root, SessionDocs.For(repository.Config.DocsFolder, session.Session.SessionId).Log);
        if (Readable(log) is { } text && SessionLogErrors.Read(text) is { Count: > 0 } logged)
        {
            return (logged, Path.GetRelativePath(repository.Root, log));
        }

        if (session.Handoff is { } handoff && Readable(handoff) is { } json)
        {
            try
            {
                if (HandoffJson.Parse(json).Errors is { Count: > 0 } handed)
                {
                    return (handed, Path.GetRelativePath(repository.Root, handoff));
                }
            }
            catch (Exception)
            {
                // Deliberately broad, as for CommittedHandoff: a handoff that no longer reads has no errors to give.
            }
        }

        return session.Session.LastError is { } last
            ? ([new SessionError(session.Session.EndTime ?? session.Session.ActiveSince ?? session.Session.StartTime, last)], "its last error in .lifecycle/state.json (time unknown)")
            : ([], "");
    }

    private static string? Readable(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Clock(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The checkpoint's session; <paramref name="Why"/> says why it was preferred to the handoff of <paramref name="Handoff"/>.</summary>
    private sealed record Checkpoint(SessionContext Session, string Source, DateTimeOffset SavedAt, string? Why, string? Handoff);

    /// <summary>A session written into the store, the source it came from, and its committed handoff (if any).</summary>
    private sealed record Imported(SessionContext Session, string Source, string? Handoff);
}
