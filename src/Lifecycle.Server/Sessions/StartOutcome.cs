using Lifecycle.Activities.Sessions;

namespace Lifecycle.Server.Sessions;

/// <summary>The session a start made ACTIVE, and its mission.</summary>
/// <param name="Session">The new session.</param>
/// <param name="Mission">The mission text (what to work on first and why).</param>
/// <param name="InstanceId">The session-start workflow instance.</param>
/// <param name="Continued">True when this was a start interrupted earlier that this command finished.</param>
public sealed record StartOutcome(SessionContext Session, string Mission, string InstanceId, bool Continued);
