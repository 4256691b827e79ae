namespace Lifecycle.Activities.Sessions;

/// <summary>A trigger that the session's current state does not permit (exit 4: conflict).</summary>
public sealed class IllegalTransitionException(SessionState state, SessionTrigger trigger, string message)
    : SessionException(message, ErrorKind.Conflict)
{
    public SessionState State { get; } = state;

    public SessionTrigger Trigger { get; } = trigger;
}
