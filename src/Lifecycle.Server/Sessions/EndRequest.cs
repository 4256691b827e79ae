namespace Lifecycle.Server.Sessions;

/// <summary>What <c>lifecycle end</c> was asked to do.</summary>
/// <param name="Force">Override protocol blocks (recorded in the journal).</param>
/// <param name="Yes">Confirm required actions up front (open tasks, uncommitted work).</param>
/// <param name="NoStash">Leave uncommitted work in the work tree instead of stashing it.</param>
/// <param name="Note">A note for the next session, kept in the handoff.</param>
/// <param name="Reason">Why the session closes, as the handoff says: <c>end</c>, or <c>inactivity</c> for the scheduler's auto-close.</param>
/// <param name="To">Whom the handoff is addressed to (<c>end --to NAME</c>): a person's name or email, or an agent's name; null for anyone.</param>
public sealed record EndRequest(bool Force = false, bool Yes = false, bool NoStash = false, string? Note = null, string Reason = "end", string? To = null);
