using Lifecycle.Activities.Sessions;

namespace Lifecycle.Server.Sessions;

/// <summary>One session as <c>sessions show</c> shows it.</summary>
/// <param name="Session">The session as stored.</param>
/// <param name="Handoff">Its handoff when it closed and the document reads; null otherwise.</param>
/// <param name="Events">Its recorded events, oldest first.</param>
public sealed record SessionDetails(SessionContext Session, Lifecycle.Activities.Handoff.Handoff? Handoff, IReadOnlyList<SessionEvent> Events);
