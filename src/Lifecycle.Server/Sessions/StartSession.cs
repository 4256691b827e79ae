using System.Text.Json.Nodes;
using Lifecycle.Activities;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Setup;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// The start use case: under the session lock, settles what the last session left (an interrupted
/// start is finished, a close that never ran is run, an idle ACTIVE session is auto-closed, a live
/// one is a conflict), then runs workflow session-start.
/// </summary>
public sealed class StartSession(
    SessionRuntime runtime,
    ISessionStore sessions,
    SessionLock sessionLock,
    RepositoryContext repository,
    TimeProvider time,
    ISessionNotifier notifier,
    HookEventIngestion ingestion,
    SessionStoreAccess access,
    Collaboration.StartBriefing briefing,
    Suggestions.SuggestionService suggestions,
    Planning.PlanService plans)
{
    public async Task<StartOutcome> RunAsync(StartRequest request, CancellationToken cancellationToken)
    {
        WorkingTree.Require(repository.Root);
        var timebox = request.TimeboxMinutes is { } asked ? Timing.TimeboxText.Check(asked)
            : repository.Config.Timing.TimeboxMinutes is > 0 and var configured ? configured : (int?)null;

        using var held = sessionLock.Acquire("start");

        // Before the engine starts (it would create the database): a lost store is recovered, not rebuilt from older handoffs.
        await access.RequireNoLostStoreAsync(cancellationToken);
        try
        {
            var startup = await runtime.StartAsync(cancellationToken);
            await runtime.PublishAsync(cancellationToken);
            await runtime.RequireNoSessionWorkflowElsewhereAsync(cancellationToken);
            await ingestion.IngestAsync(cancellationToken);
            var latest = await sessions.GetLatestAsync(cancellationToken);
            if (FinishedHere(startup, latest) is { } continued)
            {
                notifier.Note($"the start of session {latest!.SessionId} was interrupted earlier; this command finished it.");
                return new StartOutcome(latest, Mission(continued, latest), continued.InstanceId, Continued: true);
            }

            await SettleAsync(latest, request.NoStash, cancellationToken);
            var input = new JsonObject
            {
                ["force"] = request.Force,
                ["yes"] = request.Yes,
                ["noStash"] = request.NoStash,
            };
            await AddTimingInputsAsync(input, timebox, cancellationToken);
            RunResult result;
            try
            {
                result = await runtime.RunAsync(SessionWorkflows.Start, input, cancellationToken);
            }
            catch (SessionWorkflowException failed) when (failed.Result.Status is WorkflowStatus.Faulted or WorkflowStatus.Cancelled)
            {
                await AbortFailedStartAsync(failed.InstanceId);
                throw;
            }

            var session = await sessions.GetLatestAsync(cancellationToken)
                          ?? throw new SessionException("session-start finished without creating a session; see 'lifecycle journal " + result.InstanceId + "'.");
            if (timebox is not null && session.TimeboxMinutes is null)
            {
                // A repository's own session-start that does not pass the timebox on: it is kept all the same.
                session.TimeboxMinutes = timebox;
                await sessions.SaveAsync(session, cancellationToken);
            }

            var (briefed, others) = await briefing.ApplyAsync(session, request.Agent, cancellationToken);
            var mission = Collaboration.MissionWarnings.With(Mission(result, session), briefed.Warnings);
            return new StartOutcome(briefed, mission + others + await PlanLinesAsync(session.SessionId, cancellationToken), result.InstanceId, Continued: false);
        }
        catch (WorkflowStoppedException stopped)
        {
            throw await InterruptedAsync(stopped);
        }
    }

    /// <summary>
    /// The timebox and the suggestions from the history, as inputs of session-start when it declares
    /// them (a repository's own older definition may not). Suggestions that cannot be made (an
    /// unreadable history) are left out with a note: they never stop a start.
    /// </summary>
    private async Task AddTimingInputsAsync(JsonObject input, int? timebox, CancellationToken cancellationToken)
    {
        var declared = (await runtime.Engine.Store.GetLatestAsync(SessionWorkflows.Start, cancellationToken))?.Inputs;
        if (timebox is { } minutes && declared?.ContainsKey("timebox") == true)
        {
            input["timebox"] = minutes;
        }

        if (declared?.ContainsKey("suggestions") != true)
        {
            return;
        }

        try
        {
            var report = await suggestions.SuggestAsync(cancellationToken);
            input["suggestions"] = new JsonArray([.. report.Suggestions.Select(s => (JsonNode)JsonValue.Create(s.Line))]);
        }
        catch (SessionException unavailable)
        {
            notifier.Note($"no suggestions this time: {unavailable.Message}");
        }
    }

    /// <summary>
    /// A start that failed began nothing: its session is aborted now rather than at the next start,
    /// so task commands meanwhile go to the last session that began (the next start carries them over).
    /// </summary>
    private async Task AbortFailedStartAsync(string instanceId)
    {
        var latest = await sessions.GetLatestAsync(CancellationToken.None);
        if (latest is { State: SessionState.Initializing } && latest.StartedBy == instanceId)
        {
            SessionStateMachine.Fire(latest, SessionTrigger.Abort);
            await sessions.SaveAsync(latest, CancellationToken.None);
        }
    }

    /// <summary>The start of the latest session, interrupted earlier, that this command's engine start finished.</summary>
    private static RunResult? FinishedHere(StartupReport startup, SessionContext? latest) =>
        latest is { State: SessionState.Active }
            ? startup.Recovered.FirstOrDefault(r => r.WorkflowId == SessionWorkflows.Start && r.Status == WorkflowStatus.Finished && r.InstanceId == latest.StartedBy)
            : null;

    private static string Mission(RunResult result, SessionContext session) =>
        result.Outputs["mission"]?.GetValue<string>() ?? $"Session {session.SessionId} is ACTIVE.";

    /// <summary>What the latest session left behind is settled before the next one starts.</summary>
    private async Task SettleAsync(SessionContext? latest, bool noStash, CancellationToken cancellationToken)
    {
        switch (latest?.State)
        {
            case SessionState.Initializing:
                // Its start failed (its instance faulted): nothing began, so nothing carries over from it.
                SessionStateMachine.Fire(latest, SessionTrigger.Abort);
                await sessions.SaveAsync(latest, cancellationToken);
                notifier.Note($"session {latest.SessionId} never finished starting; it was aborted.");
                break;
            case SessionState.Closing:
                notifier.Note($"session {latest.SessionId} was never closed; closing it from its recorded facts (recovered close).");
                await CloseAsync(latest, "recovered", noStash, cancellationToken);
                break;
            case SessionState.Active:
                await CloseIfIdleAsync(latest, noStash, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// An ACTIVE session idle for longer than the auto-close setting is closed as the spec's
    /// inactivity auto-close would have closed it, only late; one still in use is a conflict.
    /// </summary>
    private async Task CloseIfIdleAsync(SessionContext active, bool noStash, CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromMinutes(repository.Config.InactivityAutoCloseMinutes);
        var last = await LastActivity.OfAsync(active, sessions, repository.Root, cancellationToken);
        var idle = time.GetUtcNow() - last;
        if (idle < limit)
        {
            throw new SessionException(
                $"Session {active.SessionId} is ACTIVE (last activity {Minutes(idle)} ago). End it with 'lifecycle end' first, or keep working in it; " +
                $"it closes by itself after {Minutes(limit)} without activity.",
                ErrorKind.Conflict);
        }

        notifier.Note($"session {active.SessionId} had no activity for {Minutes(idle)} (auto-close after {Minutes(limit)}); closing it as an inactivity auto-close.");
        await CloseAsync(active, "inactivity", noStash, cancellationToken);
    }

    /// <summary>Closes <paramref name="session"/> from its recorded facts; <paramref name="noStash"/> (start's <c>--no-stash</c>) leaves the work tree alone.</summary>
    private async Task CloseAsync(SessionContext session, string reason, bool noStash, CancellationToken cancellationToken)
    {
        try
        {
            await runtime.RunAsync(SessionWorkflows.End,
                new JsonObject { ["session"] = session.SessionId, ["recovered"] = true, ["yes"] = true, ["reason"] = reason, ["noStash"] = noStash }, cancellationToken);
        }
        catch (SessionWorkflowException failed)
        {
            throw new SessionException(
                $"The {(reason == "inactivity" ? "inactivity auto-close" : "recovered close")} of session {session.SessionId} failed: {failed.Message}",
                failed.Kind, failed);
        }
    }

    private async Task<SessionInterruptedException> InterruptedAsync(WorkflowStoppedException stopped)
    {
        var latest = await sessions.GetLatestAsync(CancellationToken.None);
        if (stopped.WorkflowId == SessionWorkflows.End && latest is { State: SessionState.Active })
        {
            // The auto-close stopped before it began: nothing changed, and no later engine start
            // should finish it with this start's options (as EndSession does for an end).
            await runtime.AbandonAsync(stopped.InstanceId, "Stopped (Ctrl-C or SIGTERM) before the close began: nothing was changed; the session stays ACTIVE.");
            return new SessionInterruptedException(
                $"Interrupted before the close of session {latest.SessionId} began: nothing was changed; it is still ACTIVE. Run 'lifecycle start' again (or 'lifecycle end').", stopped);
        }

        var what = stopped.WorkflowId == SessionWorkflows.End
            ? $"the close of session {latest?.SessionId} stopped at a safe point, still CLOSING"
            : latest is { State: SessionState.Initializing }
                ? $"session {latest.SessionId} stopped at a safe point, still INITIALIZING (stashed work stays in 'git stash list' until every file is back)"
                : $"'{stopped.WorkflowId}' stopped at a safe point";
        return new SessionInterruptedException($"Interrupted: {what}. Run 'lifecycle start' again to finish the job.", stopped);
    }

    internal static string Minutes(TimeSpan span) =>
        span.TotalMinutes < 1 ? "less than a minute"
        : span.TotalMinutes < 120 ? $"{(int)span.TotalMinutes} minute{((int)span.TotalMinutes == 1 ? "" : "s")}"
        : $"{span.TotalHours:0.#} hours";

    /// <summary>The plan made between sessions for this one (<c>lifecycle plan</c> before <c>start</c>), as the mission's last lines; empty without one.</summary>
    private async Task<string> PlanLinesAsync(string sessionId, CancellationToken cancellationToken)
    {
        var plan = (await plans.OfSessionAsync(sessionId, cancellationToken)).Plan;
        return plan is null
            ? ""
            : $"\nPlan made before this session ({Planning.PlanService.Describe(plan)}):\n"
              + string.Join("\n", plan.Planned.Select(t => $"  {t.Id} ({t.Reason}, {Planning.PlanText.Effort(t.Effort)} min): {t.Title}")) + "\n";
    }
}
