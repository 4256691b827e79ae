namespace Lifecycle.Activities.Handoff;

/// <summary>What a line of the session log records; written in lowercase between brackets.</summary>
public enum SessionLogEntryKind
{
    /// <summary>A recorded session event of a type without a kind of its own.</summary>
    Event,

    /// <summary>The context was persisted.</summary>
    Checkpoint,

    /// <summary>A protocol warning or anything the user should look at.</summary>
    Warning,

    /// <summary>Free text from the user or a workflow.</summary>
    Note,

    /// <summary>The session started.</summary>
    Start,

    /// <summary>A reality check: the consensus and each agent, and what a failing agent printed.</summary>
    Reality,

    /// <summary>A task was added, done, blocked, edited or switched to.</summary>
    Task,

    /// <summary>A commit, with its short sha and subject line.</summary>
    Commit,

    /// <summary>The branch was switched.</summary>
    Branch,

    /// <summary>An error was recorded, with its message.</summary>
    Error,

    /// <summary>A protocol rule was overridden (<c>--force</c>) or a required action confirmed (<c>--yes</c>, or at the terminal).</summary>
    Override,

    /// <summary>Stashed work was restored at start, or uncommitted work put away at close.</summary>
    Stash,

    /// <summary>A file changed.</summary>
    File,

    /// <summary>An agent or tool said it is still working.</summary>
    Heartbeat,

    /// <summary>The session closed: the handoff was written.</summary>
    Close,
}
