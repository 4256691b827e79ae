using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tracking;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// Records what the git hooks spooled (commits, branch switches) in the active session, before a
/// session command works: the hooks start no process, so the next command does this, or the
/// server's <see cref="Watching.SpoolWatcher"/> as the spool grows. Each event is recorded once, even after a crash between recording and completing the
/// claim (the spool's ids are kept with the events).
/// </summary>
public sealed class HookEventIngestion(EventSpool spool, ISessionStore sessions, SessionStoreAccess access, SessionEvents events, ISessionNotifier notifier)
{
    /// <summary>The key under which an ingested event keeps its spool id.</summary>
    public const string SpoolIdKey = "spoolId";

    public async Task IngestAsync(CancellationToken cancellationToken)
    {
        if (!access.Exists)
        {
            return;
        }

        using var span = Lifecycle.Workflows.Hosting.CommandTrace.Begin("session: ingest the hooks' spool");
        using var batch = await spool.ClaimAsync(cancellationToken);
        if (batch.Events.Count > 0 && await sessions.GetLatestAsync(cancellationToken) is { State: SessionState.Active } session)
        {
            var began = session.ActiveSince ?? session.StartTime;
            var known = (await sessions.GetEventsAsync(session.SessionId, cancellationToken))
                .Select(e => e.Data?[SpoolIdKey]?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);

            // What happened before the session began is not its work (a commit between sessions).
            foreach (var spooled in batch.Events.Where(e => e.Timestamp >= began && !known.Contains(e.Id)))
            {
                var details = (System.Text.Json.Nodes.JsonObject)spooled.Details.DeepClone();
                details[SpoolIdKey] = spooled.Id;
                await events.RecordIngestedAsync(session.SessionId, spooled.Type, spooled.Timestamp, details, cancellationToken);
            }
        }

        batch.Complete();
        if (batch.Skipped > 0)
        {
            notifier.Note($"{batch.Skipped} unreadable line{(batch.Skipped == 1 ? "" : "s")} in the hooks' spool (.lifecycle/events.spool) skipped.");
        }
    }
}
