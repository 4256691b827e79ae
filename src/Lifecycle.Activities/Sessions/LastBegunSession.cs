namespace Lifecycle.Activities.Sessions;

/// <summary>
/// The session the next one carries over from: the newest that began (became ACTIVE), skipping
/// starts that were aborted before that (blocked, or failed half-way).
/// </summary>
/// <remarks>
/// An aborted start carries nothing forward; linking to it would lose what came before it, such as
/// the work the last close put away, and a task added to it would never reach the next session.
/// </remarks>
public static class LastBegunSession
{
    /// <summary>The newest session at or before <paramref name="latest"/> that began; null when none did.</summary>
    public static async Task<SessionContext?> FindAsync(ISessionStore sessions, SessionContext? latest, CancellationToken cancellationToken)
    {
        var session = latest;
        while (session is { PreviousSession: { } before } && !Began(session))
        {
            session = await sessions.GetAsync(before, cancellationToken);
        }

        return session is not null && Began(session) ? session : null;
    }

    private static bool Began(SessionContext session) =>
        session.ActiveSince is not null || session.State is SessionState.Active or SessionState.Closing;
}
