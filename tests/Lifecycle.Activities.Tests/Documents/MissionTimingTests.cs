using Lifecycle.Activities.Documents;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Tests.Documents;

/// <summary>The mission's timebox line and suggestions; and reminders, which are notices, show no activity.</summary>
public sealed class MissionTimingTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_WithATimeboxAndSuggestions_EndsWithThem()
    {
        var session = new SessionContext { SessionId = "00004", StartTime = Start, ActiveSince = Start.AddMinutes(2), State = SessionState.Active, TimeboxMinutes = 90 };

        var mission = DisplayMission.Render(session, suggestions: ["Plan shorter sessions. Evidence: 6 sessions ..."], zone: TimeZoneInfo.Utc);

        Assert.EndsWith(
            "Timebox: 90 minutes, until 15:32 ('lifecycle status' shows the time left and the reminders)\n" +
            "Suggestions from your history (1):\n  - Plan shorter sessions. Evidence: 6 sessions ...\n", mission);
    }

    [Fact]
    public void Render_WithoutEither_SaysNothingOfThem()
    {
        var mission = DisplayMission.Render(new SessionContext { SessionId = "00001", StartTime = Start });

        Assert.DoesNotContain("Timebox", mission);
        Assert.DoesNotContain("Suggestions", mission);
    }

    [Fact]
    public void A_reminder_event_shows_no_activity()
    {
        var reminder = new SessionEvent("00001", SessionEventTypes.Reminder, Start);
        var heartbeat = new SessionEvent("00001", SessionEventTypes.Heartbeat, Start);

        Assert.Empty(HeartbeatPulse.ActivityTimes(reminder));
        Assert.Single(HeartbeatPulse.ActivityTimes(heartbeat));
        Assert.Contains(SessionEventTypes.Reminder, SessionEventTypes.All);
        Assert.DoesNotContain(SessionEventTypes.Reminder, SessionEventTypes.Recordable);
    }
}
