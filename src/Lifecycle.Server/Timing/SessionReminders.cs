using System.Text.Json.Nodes;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Timing;

/// <summary>
/// The time management use cases: what is due for the current session now (<c>status</c>, with or
/// without a server) and firing it (the server's reminder job), each reminder recorded once as a
/// <c>reminder</c> event so it reaches the live stream, the session log and the dashboard.
/// </summary>
public sealed class SessionReminders(ISessionStore sessions, EventWriter writer, RepositoryContext repository, TimeProvider time)
{
    /// <summary>The timing of <paramref name="session"/> now; null unless it is ACTIVE.</summary>
    /// <param name="session">The session.</param>
    /// <param name="events">Its events.</param>
    /// <param name="lastActivity">Its last activity when known (it counts writes to uncommitted files, which no event records).</param>
    public SessionTiming? Of(SessionContext session, IReadOnlyList<SessionEvent> events, DateTimeOffset? lastActivity)
    {
        if (session.State != SessionState.Active)
        {
            return null;
        }

        var activity = events.SelectMany(HeartbeatPulse.ActivityTimes);
        if (lastActivity is { } last)
        {
            activity = activity.Append(last);
        }

        var recorded = events.Where(e => e.Type == SessionEventTypes.Reminder)
            .Select(e => e.Data?["key"]?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return ReminderSchedule.At(session.ActiveSince ?? session.StartTime, session.TimeboxMinutes, activity, time.GetUtcNow(),
            repository.Config.Timing, TimeSpan.FromMinutes(repository.Config.IdleThresholdMinutes), recorded, time.LocalTimeZone);
    }

    /// <summary>Records each reminder due now for the ACTIVE session that is not recorded yet; returns those it recorded.</summary>
    public async Task<IReadOnlyList<Reminder>> FireDueAsync(CancellationToken cancellationToken)
    {
        if (await sessions.GetLatestAsync(cancellationToken) is not { State: SessionState.Active } session)
        {
            return [];
        }

        var events = await sessions.GetEventsAsync(session.SessionId, cancellationToken);
        var last = await LastActivity.OfAsync(session, sessions, repository.Root, cancellationToken, events);
        var fired = new List<Reminder>();
        foreach (var reminder in Of(session, events, last)?.Reminders.Where(r => !r.Recorded) ?? [])
        {
            await writer.AppendAsync(new SessionEvent(session.SessionId, SessionEventTypes.Reminder, time.GetUtcNow(), new JsonObject
            {
                ["kind"] = reminder.Kind,
                ["key"] = reminder.Key,
                ["dueAt"] = reminder.DueAt.ToString("O"),
                ["message"] = reminder.Message,
            }), cancellationToken);
            fired.Add(reminder with { Recorded = true });
        }

        return fired;
    }
}
