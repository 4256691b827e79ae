namespace Lifecycle.Activities.Sessions;

/// <summary>The event types a session records; metrics and the tracking workflow read them.</summary>
public static class SessionEventTypes
{
    public const string FileModified = "file_modified";
    public const string GitCommit = "git_commit";
    public const string TaskCompleted = "task_completed";
    public const string ErrorOccurred = "error_occurred";
    public const string Heartbeat = "heartbeat";
    public const string BranchSwitched = "branch_switched";
    public const string TaskSwitched = "task_switched";

    // Recorded by the task commands themselves (not through 'lifecycle event').
    public const string TaskAdded = "task_added";
    public const string TaskBlocked = "task_blocked";
    public const string TaskEdited = "task_edited";
    public const string TaskReopened = "task_reopened";
    public const string TaskRemoved = "task_removed";

    /// <summary>A session plan was made (<c>lifecycle plan</c>); its data is the plan.</summary>
    public const string PlanMade = "plan_made";
    // Recorded by the close: how many secrets were redacted from the session docs, by kind (never the secrets).
    public const string SecretsRedacted = "secrets_redacted";

    // Recorded by 'task assign' / 'task unassign' (and 'task add --assignee'): the task's assignee changed.
    public const string TaskAssigned = "task_assigned";

    // Recorded by the server's reminder job (time left, timebox ended, take a break): a notice to
    // the user, not a sign of activity (idle time and the last activity ignore it).
    public const string Reminder = "reminder";

    /// <summary>What <c>lifecycle event</c>, the hooks and agents record.</summary>
    public static readonly IReadOnlyList<string> Recordable =
        [FileModified, GitCommit, TaskCompleted, ErrorOccurred, Heartbeat, BranchSwitched, TaskSwitched, Note];

    /// <summary>Every type a session's events may have.</summary>
    public static readonly IReadOnlyList<string> All =
        [.. Recordable, TaskAdded, TaskBlocked, TaskEdited, TaskReopened, TaskRemoved, PlanMade, SecretsRedacted, TaskAssigned, Reminder];

    /// <summary>A note an agent or a person left in the session's log (a decision, a finding); its <c>message</c> is the text.</summary>
    public const string Note = "note";

    /// <summary>False for the events the system records on its own (reminders, the close's redaction counts): they show no activity.</summary>
    public static bool ShowsActivity(string type) => type is not (Reminder or SecretsRedacted);
}
