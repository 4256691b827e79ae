namespace Lifecycle.Server.Sessions;

/// <summary>
/// The session use cases, one method each: what the CLI, the HTTP API, the dashboard and the MCP
/// server call. Errors are <see cref="Lifecycle.Activities.SessionException"/>s whose
/// <see cref="Lifecycle.Activities.ErrorKind"/> each adapter maps to its own form (exit code,
/// Problem Details status).
/// </summary>
public sealed class SessionService(
    StartSession start,
    EndSession end,
    SessionTasks tasks,
    SessionEvents events,
    SessionQueries queries,
    SessionCheckpoints checkpoints,
    SessionRecovery recovery,
    HookEventIngestion ingestion,
    Reports.ReportService reports,
    SessionSearch search,
    Planning.PlanService plans,
    Suggestions.SuggestionService suggestions,
    Lifecycle.Activities.Sessions.RepositoryContext repository) : ISessionApi
{
    /// <summary>Runs workflow session-start (settling what the last session left first) and returns the mission.</summary>
    public Task<StartOutcome> StartAsync(StartRequest request, CancellationToken cancellationToken) => start.RunAsync(request, cancellationToken);

    /// <summary>Runs workflow session-end (or finishes an interrupted close) and returns the handoff.</summary>
    public Task<EndOutcome> EndAsync(EndRequest request, CancellationToken cancellationToken) => end.RunAsync(request, cancellationToken);

    /// <summary>The current session, live while it is ACTIVE; verifies the checkpoint on the way.</summary>
    public async Task<SessionStatus> StatusAsync(CancellationToken cancellationToken)
    {
        await ingestion.IngestAsync(cancellationToken);
        SessionStatus status;
        using (Lifecycle.Workflows.Hosting.CommandTrace.Begin("session: status"))
        {
            status = await queries.StatusAsync(cancellationToken);
        }

        using (Lifecycle.Workflows.Hosting.CommandTrace.Begin("session: verify the checkpoint"))
        {
            await checkpoints.ReadAsync(cancellationToken);
        }

        return status;
    }

    public Task<TaskChange> AddTaskAsync(string title, int priority, CancellationToken cancellationToken) =>
        IngestedAsync(() => tasks.AddAsync(title, priority, cancellationToken), cancellationToken);

    public Task<TaskChange> CompleteTaskAsync(string id, CancellationToken cancellationToken) =>
        IngestedAsync(() => tasks.CompleteAsync(id, cancellationToken), cancellationToken);

    public Task<TaskChange> BlockTaskAsync(string id, string reason, CancellationToken cancellationToken) =>
        IngestedAsync(() => tasks.BlockAsync(id, reason, cancellationToken), cancellationToken);

    public Task<TaskChange> EditTaskAsync(string id, string? title, int? priority, CancellationToken cancellationToken) =>
        IngestedAsync(() => tasks.EditAsync(id, title, priority, cancellationToken), cancellationToken);

    public Task<TaskChange> ReopenTaskAsync(string id, CancellationToken cancellationToken) =>
        IngestedAsync(() => tasks.ReopenAsync(id, cancellationToken), cancellationToken);

    public Task<TaskChange> RemoveTaskAsync(string id, CancellationToken cancellationToken) =>
        IngestedAsync(() => tasks.RemoveAsync(id, cancellationToken), cancellationToken);

    public Task<TaskListing> ListTasksAsync(bool all, CancellationToken cancellationToken) => tasks.ListAsync(all, cancellationToken);

    /// <summary>Records an event in the active session (nothing, without one) after checking what it names exists.</summary>
    public Task<EventOutcome> RecordEventAsync(EventRequest request, CancellationToken cancellationToken) =>
        IngestedAsync(() => events.RecordAsync(request, cancellationToken), cancellationToken);

    /// <summary>Writes <c>.lifecycle/state.json</c> now.</summary>
    public Task<CheckpointOutcome> CheckpointAsync(CancellationToken cancellationToken) =>
        IngestedAsync(() => checkpoints.WriteAsync(cancellationToken), cancellationToken);

    /// <summary>A closed session's report (md, json or html); the last closed one when no id is given.</summary>
    public Task<ReportDocument> ReportAsync(string? sessionId, string format, CancellationToken cancellationToken) =>
        reports.SessionDocumentAsync(sessionId, format, cancellationToken);

    /// <summary>The report across the closed sessions started in a range of local dates (html or json).</summary>
    public Task<ReportDocument> ReportAcrossAsync(DateOnly? since, DateOnly? until, string format, CancellationToken cancellationToken) =>
        reports.AcrossDocumentAsync(since, until, format, cancellationToken);

    public Task<IReadOnlyList<Lifecycle.Activities.Sessions.SessionContext>> ListAsync(CancellationToken cancellationToken) => queries.ListAsync(cancellationToken);

    /// <summary>A page of the sessions, oldest first, with how many there are.</summary>
    public Task<Lifecycle.Activities.Sessions.Page<Lifecycle.Activities.Sessions.SessionContext>> ListPageAsync(int offset, int limit, CancellationToken cancellationToken) =>
        queries.ListPageAsync(offset, limit, cancellationToken);

    /// <summary>A page of the sessions that pass a filter (dates, branch, state, score), with how many do, and the figures of the closed ones.</summary>
    public Task<Lifecycle.Activities.Sessions.Page<SessionListItem>> SearchAsync(SessionFilter filter, int offset, int limit, CancellationToken cancellationToken) =>
        search.SearchAsync(filter, offset, limit, cancellationToken);

    /// <summary>A page of a session's events, filtered by type and time (<paramref name="until"/> excluded), with how many match.</summary>
    public Task<Lifecycle.Activities.Sessions.Page<Lifecycle.Activities.Sessions.SessionEvent>> EventsAsync(
        string sessionId, string? type, DateTimeOffset? since, DateTimeOffset? until, int offset, int limit, CancellationToken cancellationToken) =>
        queries.EventsAsync(sessionId, type, since, until, offset, limit, cancellationToken);

    /// <summary>A session's log as written so far; null when it has none.</summary>
    public Task<ReportDocument?> LogAsync(string sessionId, CancellationToken cancellationToken) => queries.LogAsync(sessionId, cancellationToken);

    public Task<SessionDetails> ShowAsync(string sessionId, CancellationToken cancellationToken) => queries.ShowAsync(sessionId, cancellationToken);

    /// <summary>Rebuilds the store from the committed handoffs and the checkpoint, saying what it found and used.</summary>
    public Task<RecoveryReport> RecoverAsync(CancellationToken cancellationToken) => recovery.RunAsync(cancellationToken);

    public Task<TaskChange> AddTaskAsync(string title, int priority, string? assignee, CancellationToken cancellationToken) =>
        IngestedAsync(() => tasks.AddAsync(title, priority, assignee, cancellationToken), cancellationToken);

    public Task<TaskChange> AssignTaskAsync(string id, string? assignee, CancellationToken cancellationToken) =>
        IngestedAsync(() => tasks.AssignAsync(id, assignee, cancellationToken), cancellationToken);

    /// <summary>Records what the git hooks spooled, then does <paramref name="work"/>.</summary>
    private async Task<T> IngestedAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await ingestion.IngestAsync(cancellationToken);
        return await work();
    }

    /// <summary>The next session and each open task's effort, predicted with intervals.</summary>
    public Task<Planning.Predictions> PredictAsync(CancellationToken cancellationToken) =>
        IngestedAsync(() => plans.PredictAsync(cancellationToken), cancellationToken);

    /// <summary>Makes the next session's plan (hours null: the predicted duration) and keeps it with the session.</summary>
    public Task<Lifecycle.Activities.Prediction.SessionPlan> PlanAsync(double? hours, CancellationToken cancellationToken) =>
        IngestedAsync(() => plans.MakeAsync(hours, cancellationToken), cancellationToken);

    /// <summary>The current plan (the ACTIVE session's, or the one made for the next); null when none was made.</summary>
    public Task<Lifecycle.Activities.Prediction.SessionPlan?> CurrentPlanAsync(CancellationToken cancellationToken) => plans.CurrentAsync(cancellationToken);

    /// <summary>A session's plan and, once it closed, how it went.</summary>
    public Task<Planning.PlanOfSession> PlanOfAsync(string sessionId, CancellationToken cancellationToken) => plans.OfSessionAsync(sessionId, cancellationToken);

    /// <summary>The optimization suggestions from the closed sessions, each with its evidence.</summary>
    public Task<Suggestions.SuggestionReport> SuggestAsync(CancellationToken cancellationToken) => suggestions.SuggestAsync(cancellationToken);

    /// <summary>Who is on what: the handoffs committed on every ref, and this repository's current session.</summary>
    public async Task<Collaboration.WhoReport> WhoAsync(CancellationToken cancellationToken)
    {
        SessionStatus? current;
        try
        {
            current = await StatusAsync(cancellationToken);
        }
        catch (Lifecycle.Activities.SessionException none) when (none.Kind is Lifecycle.Activities.ErrorKind.NotFound)
        {
            current = null;
        }

        return Collaboration.WhoIsOn.Build(repository, current);
    }
}
