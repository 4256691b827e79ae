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

    public static readonly IReadOnlyList<string> All =
        [FileModified, GitCommit, TaskCompleted, ErrorOccurred, Heartbeat, BranchSwitched, TaskSwitched];
}
