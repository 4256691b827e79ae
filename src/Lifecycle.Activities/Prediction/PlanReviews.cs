using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Prediction;

/// <summary>The review of a closing session's plan, read from the store: what the close writes in the log and the report shows.</summary>
public static class PlanReviews
{
    /// <summary>The review of <paramref name="session"/>'s plan; null when it had none.</summary>
    /// <param name="store">The sessions' store.</param>
    /// <param name="session">The session, closing or closed.</param>
    /// <param name="now">When the review is made (the end of a session not yet ended).</param>
    /// <param name="idleThreshold">The configuration's idle threshold: pauses longer than it are not counted in a task's time.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<PlanReview?> OfAsync(ISessionStore store, SessionContext session, DateTimeOffset now, TimeSpan? idleThreshold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(session);
        if (await SessionPlans.ForAsync(store, session, cancellationToken) is not { } plan)
        {
            return null;
        }

        var sessions = (await store.ListAsync(cancellationToken)).Where(s => string.CompareOrdinal(s.SessionId, session.SessionId) <= 0).ToList();
        var efforts = await SessionPlans.TaskHistoryAsync(store, sessions, session.EndTime ?? now, idleThreshold, cancellationToken);
        return PlanReview.Of(plan, session, efforts, now);
    }
}
