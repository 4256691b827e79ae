namespace Lifecycle.Activities.Sessions;

/// <summary>
/// A session's id and state, read without the session itself: what recording an event needs to
/// know (is there an active session, and which) before it writes anything.
/// </summary>
public sealed record SessionHead(string SessionId, SessionState State);
