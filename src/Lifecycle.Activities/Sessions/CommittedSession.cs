namespace Lifecycle.Activities.Sessions;

/// <summary>One committed <c>SESSION-NNNNN-HANDOFF.json</c>.</summary>
/// <param name="SessionId">The id its file name carries.</param>
/// <param name="Path">The file.</param>
/// <param name="Session">The closed session it describes; null when it does not read.</param>
/// <param name="Problem">Why it does not read, when it does not.</param>
public sealed record CommittedSession(string SessionId, string Path, SessionContext? Session, string? Problem);
