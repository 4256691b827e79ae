namespace Lifecycle.Activities.Handoff;

/// <summary>What a line of the session log records; written in lowercase between brackets.</summary>
public enum SessionLogEntryKind
{
    /// <summary>A recorded session event (file change, commit, task, error, …).</summary>
    Event,

    /// <summary>The context was persisted.</summary>
    Checkpoint,

    /// <summary>A protocol warning or anything the user should look at.</summary>
    Warning,

    /// <summary>Free text from the user or a workflow.</summary>
    Note,
}
