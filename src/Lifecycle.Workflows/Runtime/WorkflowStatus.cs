namespace Lifecycle.Workflows.Runtime;

/// <summary>Where a workflow instance stands.</summary>
public enum WorkflowStatus
{
    /// <summary>A process is executing it (or died doing so; it is then recovered on next start).</summary>
    Running,

    /// <summary>Waiting on one or more bookmarks (events, timers).</summary>
    Suspended,

    Finished,

    Faulted,

    Cancelled,
}
