using Lifecycle.Activities.Sessions;

namespace Lifecycle.Server.Sessions;

/// <summary>One item of the live session stream: a new <see cref="Snapshot"/>, a recorded <see cref="Event"/>, or neither (a heartbeat).</summary>
public sealed record SessionStreamItem(SessionSnapshot? Snapshot, SessionEvent? Event)
{
    public static readonly SessionStreamItem Heartbeat = new(null, null);
}
