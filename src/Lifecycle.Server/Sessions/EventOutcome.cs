using Lifecycle.Activities.Sessions;

namespace Lifecycle.Server.Sessions;

/// <summary>What recording an event did.</summary>
/// <param name="Recorded">The event as stored (with its sequence number); null when no session was active, so nothing was recorded.</param>
public sealed record EventOutcome(SessionEvent? Recorded);
