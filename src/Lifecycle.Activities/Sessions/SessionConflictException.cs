namespace Lifecycle.Activities.Sessions;

/// <summary>
/// A session was saved by another process (a git hook recording an event, a second command) after
/// this one read it: saving the older copy would undo that change, so nothing was saved.
/// </summary>
public sealed class SessionConflictException(string sessionId)
    : SessionException($"Session {sessionId} was changed by another lifecycle process while this command was working on it; nothing was overwritten. Run the command again.", ErrorKind.Conflict)
{
    public string SessionId { get; } = sessionId;
}
