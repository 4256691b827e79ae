using System.Text.Json.Nodes;
using Lifecycle.Activities;
using Lifecycle.Activities.Git;
using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// The end use case: under the session lock, finishes a close that was interrupted, or runs
/// workflow session-end; a close that fails before it put anything away leaves the session ACTIVE,
/// as if it had been refused.
/// </summary>
public sealed class EndSession(
    SessionRuntime runtime,
    ISessionStore sessions,
    SessionLock sessionLock,
    RepositoryContext repository,
    StatusPrefetch prefetch,
    ISessionNotifier notifier,
    HookEventIngestion ingestion,
    SessionStoreAccess access)
{
    public async Task<EndOutcome> RunAsync(EndRequest request, CancellationToken cancellationToken)
    {
        WorkingTree.Require(repository.Root);
        using var held = sessionLock.Acquire("end");

        // Before the engine starts (it would create the database): a lost store is recovered, not rebuilt from older handoffs.
        await access.RequireNoLostStoreAsync(cancellationToken);
        if (!request.NoStash)
        {
            // The stash's git status, taken on the idle core while the engine starts up.
            _ = prefetch.Start();
        }

        try
        {
            await KeepNoteOfInterruptedCloseAsync(request.Note, cancellationToken);
            var startup = await runtime.StartAsync(cancellationToken);
            if (startup.Recovered.Count > 0 || startup.TimersFired.Count > 0)
            {
                // Recovered or resumed workflows may have changed the work tree since.
                prefetch.Discard();
            }

            await runtime.PublishAsync(cancellationToken);
            await runtime.RequireNoSessionWorkflowElsewhereAsync(cancellationToken);
            await ingestion.IngestAsync(cancellationToken);
            var session = await sessions.GetLatestAsync(cancellationToken);
            if (FinishedHere(startup, session) is { } continued)
            {
                var handoff = continued.Outputs["handoff"]?.DeepClone();
                if (request.Note is { } note && handoff?["notes"]?.GetValue<string>()?.Contains(note.Trim(), StringComparison.Ordinal) != true)
                {
                    notifier.Note($"the handoff of session {session!.SessionId} was written before this note; the note goes to the next session's mission instead.");
                }

                return new EndOutcome(session!.SessionId, handoff, continued.InstanceId, Continued: true, EndOutcome.SigningProblemOf(continued), DetachedAt(handoff));
            }

            if (session is not { State: SessionState.Active or SessionState.Closing })
            {
                throw new SessionException("No session is active. Start one with 'lifecycle start'.", ErrorKind.Conflict);
            }

            if (request.To is { } to && !string.IsNullOrWhiteSpace(to) && session.HandoffTo != to.Trim())
            {
                // Kept on the session before the close writes the handoff, which says whom it is for.
                session.HandoffTo = to.Trim();
                await sessions.SaveAsync(session, cancellationToken);
            }

            var headBefore = HeadSha();
            try
            {
                var input = new JsonObject
                {
                    ["session"] = session.SessionId,
                    ["force"] = request.Force,
                    ["yes"] = request.Yes,
                    ["noStash"] = request.NoStash,
                    ["reason"] = request.Reason,
                };
                if (request.Note is { } note)
                {
                    input["note"] = note;
                }

                var result = await runtime.RunAsync(SessionWorkflows.End, input, cancellationToken);
                var closed = result.Outputs["handoff"]?.DeepClone();
                return new EndOutcome(session.SessionId, closed, result.InstanceId, Continued: false, EndOutcome.SigningProblemOf(result), DetachedAt(closed));
            }
            catch (SessionWorkflowException)
            {
                await ReopenIfNothingWasPutAwayAsync(session.SessionId, headBefore, cancellationToken);
                throw;
            }
        }
        catch (WorkflowStoppedException stopped)
        {
            throw await InterruptedAsync(stopped);
        }
    }

    /// <summary>
    /// A note given to the <c>end</c> that finishes an interrupted close belongs to that close: kept
    /// on the session before the engine start runs the rest of it.
    /// </summary>
    private async Task KeepNoteOfInterruptedCloseAsync(string? note, CancellationToken cancellationToken)
    {
        if (note is null || !File.Exists(repository.Paths.Database))
        {
            return;
        }

        if (await sessions.GetLatestAsync(cancellationToken) is { State: SessionState.Closing } closing)
        {
            closing.CloseNote = note;
            await sessions.SaveAsync(closing, cancellationToken);
        }
    }

    /// <summary>The close of the latest session, interrupted earlier, that this command's engine start finished.</summary>
    private static RunResult? FinishedHere(StartupReport startup, SessionContext? latest) =>
        latest is { State: SessionState.Dormant }
            ? startup.Recovered.LastOrDefault(r => r.WorkflowId == SessionWorkflows.End && r.Status == WorkflowStatus.Finished &&
                                                   r.Outputs["handoff"]?["sessionId"]?.GetValue<string>() == latest.SessionId)
            : null;

    /// <summary>
    /// A close that failed before it stashed anything or committed leaves the work tree as it was:
    /// the session goes back to ACTIVE, so a refused or failed end changes nothing.
    /// </summary>
    private async Task ReopenIfNothingWasPutAwayAsync(string sessionId, string? headBefore, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(sessionId, cancellationToken);
        if (session is not { State: SessionState.Closing } || HeadSha() != headBefore || HasStash(sessionId))
        {
            return;
        }

        SessionStateMachine.Fire(session, SessionTrigger.Reopen);
        session.EndTime = null;
        session.CheckAtClose = null;
        await sessions.SaveAsync(session, cancellationToken);
    }

    private string? HeadSha()
    {
        using var git = GitWorkspace.Open(repository.Root, readOnly: true);
        return git.HeadSha;
    }

    private bool HasStash(string sessionId)
    {
        using var git = GitWorkspace.Open(repository.Root, readOnly: true);
        return git.Stashes.Has(sessionId);
    }

    private async Task<SessionInterruptedException> InterruptedAsync(WorkflowStoppedException stopped)
    {
        var latest = await sessions.GetLatestAsync(CancellationToken.None);
        if (stopped.WorkflowId != SessionWorkflows.End || latest is null)
        {
            return new SessionInterruptedException($"Interrupted: '{stopped.WorkflowId}' stopped at a safe point. Run 'lifecycle end' again to finish the job.", stopped);
        }

        if (latest.State == SessionState.Active)
        {
            // Stopped before the close began: the next 'end' runs with its own options and note,
            // not this one's, so the stopped run is not left for an engine start to continue.
            await runtime.AbandonAsync(stopped.InstanceId, "Stopped (Ctrl-C or SIGTERM) before the close began: nothing was changed; the session stays ACTIVE.");
            return new SessionInterruptedException(
                $"Interrupted before the close began: nothing was changed; session {latest.SessionId} is still ACTIVE. Run 'lifecycle end' again to close it.", stopped);
        }

        var putAway = HasStash(latest.SessionId)
            ? $"its uncommitted work is in stash '{StashOf(latest.SessionId)}'"
            : "nothing was put away yet";
        return new SessionInterruptedException(
            $"Interrupted: session {latest.SessionId} was left {latest.State.ToString().ToUpperInvariant()} at a safe point ({putAway}). " +
            "Run 'lifecycle end' to finish the close (or 'lifecycle start', which finishes it first).", stopped);
    }

    private string StashOf(string sessionId)
    {
        using var git = GitWorkspace.Open(repository.Root, readOnly: true);
        return git.Stashes.NameFor(sessionId);
    }

    // HEAD now (the docs commit, when one was made) when the handoff says the session ended detached.
    private string? DetachedAt(JsonNode? handoff) =>
        handoff?["detachedHead"] is JsonValue value && value.TryGetValue<bool>(out var detached) && detached ? HeadSha() : null;
}
