using Lifecycle.Activities.Sessions;

namespace Lifecycle.Server.Sessions;

/// <summary>The current session as <c>status</c> shows it.</summary>
/// <param name="Session">
/// The latest session. While it is ACTIVE its counts are live: commits, files modified and lines
/// changed since it started, and the files uncommitted now.
/// </param>
/// <param name="Events">How many events it recorded.</param>
/// <param name="CommitEvents">How many of them are commits.</param>
/// <param name="Errors">The errors it recorded, oldest first.</param>
/// <param name="LastActivity">When it last showed signs of life (ACTIVE only).</param>
/// <param name="Branch">The branch checked out now; null when HEAD is detached.</param>
/// <param name="HeadSha">The commit checked out now.</param>
/// <param name="Timing">ACTIVE only: the timebox, the current stretch of activity and the reminders due now.</param>
public sealed record SessionStatus(
    SessionContext Session,
    int Events,
    int CommitEvents,
    IReadOnlyList<SessionEvent> Errors,
    DateTimeOffset? LastActivity,
    string? Branch,
    string? HeadSha,
    Timing.SessionTiming? Timing = null)
{
    /// <summary>True when HEAD is not on a branch (a checkout of a commit or tag, a rebase in progress).</summary>
    public bool Detached => Branch is null && HeadSha is not null;
}
