using Lifecycle.Activities.Sessions;

namespace Lifecycle.Server.Sessions;

/// <summary>An event as <see cref="EventWriter"/> stored it.</summary>
/// <param name="Stored">The row: the event itself, or the heartbeat pulse it extended.</param>
/// <param name="Merged">True when it extended the session's previous heartbeat instead of adding a row.</param>
public sealed record AppendedEvent(SessionEvent Stored, bool Merged);
