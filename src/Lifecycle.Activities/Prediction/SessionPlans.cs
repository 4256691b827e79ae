using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Prediction;

/// <summary>
/// Where a session's plan is kept: a <c>plan_made</c> event whose data is the plan. A plan made
/// while the session is ACTIVE is recorded on it; one made between sessions is recorded on the last
/// session, marked for the next, and the next session takes it as its own: its plan is its latest
/// own plan, or else the latest plan made for it after its previous session.
/// </summary>
public static class SessionPlans
{
    /// <summary>The plan's JSON (camelCase, as the HTTP API gives it).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How many task events of one type the history reads per session.</summary>
    private const int EventsPerSession = 5000;

    /// <summary>The sessions back whose task events the task history reads.</summary>
    public const int HistorySessions = 200;

    /// <summary>The event that records <paramref name="plan"/>.</summary>
    public static SessionEvent ToEvent(SessionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new SessionEvent(plan.SessionId, SessionEventTypes.PlanMade, plan.MadeAt, JsonSerializer.SerializeToNode(plan, Json)!.AsObject());
    }

    /// <summary>The plan a <c>plan_made</c> event records; null for another event or unreadable data.</summary>
    public static SessionPlan? FromEvent(SessionEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (recorded.Type != SessionEventTypes.PlanMade || recorded.Data is null)
        {
            return null;
        }

        try
        {
            return recorded.Data.Deserialize<SessionPlan>(Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The plan of <paramref name="session"/>: its own latest, or the latest made for it between sessions; null when none.</summary>
    public static async Task<SessionPlan?> ForAsync(ISessionStore store, SessionContext session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(session);
        var own = (await PlansOfAsync(store, session.SessionId, cancellationToken)).LastOrDefault(p => !p.ForNextSession);
        if (own is not null || session.PreviousSession is not { } previous)
        {
            return own;
        }

        return (await PlansOfAsync(store, previous, cancellationToken)).LastOrDefault(p => p.ForNextSession && p.MadeAt <= session.StartTime);
    }

    /// <summary>The plan made between sessions that the next start will take; null when none was made since the last session closed.</summary>
    public static async Task<SessionPlan?> PendingAsync(ISessionStore store, SessionContext last, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(last);
        return (await PlansOfAsync(store, last.SessionId, cancellationToken)).LastOrDefault(p => p.ForNextSession);
    }

    /// <summary>
    /// The done tasks' efforts from the task events of the last <see cref="HistorySessions"/>
    /// sessions, counting the active time of the sessions they were worked in.
    /// </summary>
    /// <param name="store">The sessions' store.</param>
    /// <param name="sessions">Every session, oldest first.</param>
    /// <param name="now">The end of a session still open.</param>
    /// <param name="idleThreshold">The configuration's idle threshold; null counts every minute inside sessions.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<IReadOnlyList<TaskEffortSample>> TaskHistoryAsync(ISessionStore store, IReadOnlyList<SessionContext> sessions, DateTimeOffset now,
        TimeSpan? idleThreshold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sessions);
        var recent = sessions.Skip(Math.Max(0, sessions.Count - HistorySessions)).ToList();
        var events = new List<SessionEvent>();
        foreach (var session in recent)
        {
            foreach (var type in TaskEffortHistory.Types)
            {
                events.AddRange((await store.QueryEventsAsync(new SessionEventQuery(session.SessionId, type, Limit: EventsPerSession), cancellationToken)).Items);
            }
        }

        // Only the sessions a done task was worked in have their every event read, for their active time.
        var windows = TaskEffortHistory.Windows(events);
        var activity = new Dictionary<string, IReadOnlyList<DateTimeOffset>>(StringComparer.Ordinal);
        if (idleThreshold is not null)
        {
            foreach (var session in recent.Where(s => windows.Any(w => TaskEffortHistory.Overlaps(w, s.StartTime, s.EndTime ?? now))))
            {
                activity[session.SessionId] = [.. (await store.GetEventsAsync(session.SessionId, cancellationToken)).SelectMany(HeartbeatPulse.ActivityTimes)];
            }
        }

        return TaskEffortHistory.From(recent, events, now, activity, idleThreshold);
    }

    private static async Task<List<SessionPlan>> PlansOfAsync(ISessionStore store, string sessionId, CancellationToken cancellationToken)
    {
        var page = await store.QueryEventsAsync(new SessionEventQuery(sessionId, SessionEventTypes.PlanMade, Limit: EventsPerSession), cancellationToken);
        return [.. page.Items.Select(FromEvent).OfType<SessionPlan>()];
    }
}
