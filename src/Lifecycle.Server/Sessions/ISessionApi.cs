using Lifecycle.Activities.Sessions;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// The session use cases the CLI's commands call: <see cref="SessionService"/> in this process
/// (embedded), or the repository's running server over HTTP (<c>Cli/Remote</c>). Both answer the
/// same results and throw the same <see cref="Lifecycle.Activities.SessionException"/> kinds, so
/// a command prints the same either way.
/// </summary>
public interface ISessionApi
{
    Task<StartOutcome> StartAsync(StartRequest request, CancellationToken cancellationToken);

    Task<EndOutcome> EndAsync(EndRequest request, CancellationToken cancellationToken);

    Task<SessionStatus> StatusAsync(CancellationToken cancellationToken);

    Task<TaskChange> AddTaskAsync(string title, int priority, CancellationToken cancellationToken);

    Task<TaskChange> CompleteTaskAsync(string id, CancellationToken cancellationToken);

    Task<TaskChange> BlockTaskAsync(string id, string reason, CancellationToken cancellationToken);

    Task<TaskChange> EditTaskAsync(string id, string? title, int? priority, CancellationToken cancellationToken);

    Task<TaskChange> ReopenTaskAsync(string id, CancellationToken cancellationToken);

    Task<TaskChange> RemoveTaskAsync(string id, CancellationToken cancellationToken);

    Task<TaskListing> ListTasksAsync(bool all, CancellationToken cancellationToken);

    Task<EventOutcome> RecordEventAsync(EventRequest request, CancellationToken cancellationToken);

    Task<CheckpointOutcome> CheckpointAsync(CancellationToken cancellationToken);

    /// <summary>A closed session's report as md, json or html; the last closed one when <paramref name="sessionId"/> is null.</summary>
    Task<ReportDocument> ReportAsync(string? sessionId, string format, CancellationToken cancellationToken);

    /// <summary>The report across the closed sessions started from <paramref name="since"/> to <paramref name="until"/> (local dates), as html or json.</summary>
    Task<ReportDocument> ReportAcrossAsync(DateOnly? since, DateOnly? until, string format, CancellationToken cancellationToken);

    Task<IReadOnlyList<SessionContext>> ListAsync(CancellationToken cancellationToken);

    Task<SessionDetails> ShowAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>The next session and each open task's effort, predicted with intervals.</summary>
    Task<Planning.Predictions> PredictAsync(CancellationToken cancellationToken);

    /// <summary>Makes the next session's plan fitted into <paramref name="hours"/> (null: the predicted duration) and keeps it with the session.</summary>
    Task<Lifecycle.Activities.Prediction.SessionPlan> PlanAsync(double? hours, CancellationToken cancellationToken);
    /// <summary>Adds a task given to <paramref name="assignee"/> (null: to anyone).</summary>
    Task<TaskChange> AddTaskAsync(string title, int priority, string? assignee, CancellationToken cancellationToken);

    /// <summary>Gives a task to <paramref name="assignee"/>; null takes it back.</summary>
    Task<TaskChange> AssignTaskAsync(string id, string? assignee, CancellationToken cancellationToken);
    /// <summary>The optimization suggestions from the closed sessions, each with its evidence.</summary>
    Task<Suggestions.SuggestionReport> SuggestAsync(CancellationToken cancellationToken);

    /// <summary>Who is on what: each person's and agent's branch, newest session, open tasks, last seen and handoff addressee.</summary>
    Task<Collaboration.WhoReport> WhoAsync(CancellationToken cancellationToken);
}
