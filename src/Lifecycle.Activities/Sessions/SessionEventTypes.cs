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

    // Recorded by the server's reminder job (time left, timebox ended, take a break): a notice to
    // the user, not a sign of activity (idle time and the last activity ignore it).
    public const string Reminder = "reminder";

    /// <summary>What <c>lifecycle event</c>, the hooks and agents record.</summary>
    public static readonly IReadOnlyList<string> Recordable =
        [FileModified, GitCommit, TaskCompleted, ErrorOccurred, Heartbeat, BranchSwitched, TaskSwitched];

    /// <summary>Every type a session's events may have.</summary>
    public static readonly IReadOnlyList<string> All =
        [.. Recordable, TaskAdded, TaskBlocked, TaskEdited, TaskReopened, TaskRemoved, Reminder];

    /// <summary>False for the events the system records to tell the user something (reminders): they show no activity.</summary>
    public static bool ShowsActivity(string type) => type != Reminder;
}
