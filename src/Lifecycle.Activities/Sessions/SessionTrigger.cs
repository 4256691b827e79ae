namespace Lifecycle.Activities.Sessions;

/// <summary>What moves a session from one state to another.</summary>
public enum SessionTrigger
{
    /// <summary>DORMANT → INITIALIZING: a start begins.</summary>
    Start,

    /// <summary>INITIALIZING → ACTIVE: setup is done.</summary>
    Activate,

    /// <summary>INITIALIZING → DORMANT: the start was blocked or failed; nothing began.</summary>
    Abort,

    /// <summary>ACTIVE → CLOSING: a close begins (by command, inactivity, or a recovered close).</summary>
    Close,

    /// <summary>CLOSING → DORMANT: the handoff is written and the work put away.</summary>
    Finish,

    /// <summary>ACTIVE → DORMANT: the session is dropped without a close (forced, manual mode).</summary>
    Abandon,

    /// <summary>CLOSING → ACTIVE: a close failed before it put anything away or committed; the session goes on.</summary>
    Reopen,
}
