namespace Lifecycle.Activities.Documents;

/// <summary>How a write to a session log ended.</summary>
public enum SessionLogWriteStatus
{
    /// <summary>The entries were written.</summary>
    Written,

    /// <summary>Nothing was written, on purpose: the session is closed, or the entries are there already.</summary>
    Skipped,

    /// <summary>The log could not be written (permissions, disk full, the lock held too long); <see cref="SessionLogWrite.Detail"/> says what happened.</summary>
    Failed,
}
