using System.Net.Http.Headers;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Scheduling;
using Lifecycle.Server.Serving;
using Lifecycle.Server.Sessions;
using Lifecycle.Server.Tests.Scheduling;
using Lifecycle.Server.Tests.Support;
using Lifecycle.Server.Timing;
using Microsoft.Extensions.Time.Testing;

namespace Lifecycle.Server.Tests.Timing;

/// <summary>
/// The server's reminder job on a real repository, its SQLite file and Quartz, on a fake clock: a
/// timebox's "time left" and "timebox ended" reminders are recorded once each as events, reach the
/// live stream and status, and a restarted server does not fire them again.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReminderJobTests : IDisposable
{
    private static readonly SchedulingOptions Scheduling = RepositoryServer.Fast with { ReminderCheckInterval = TimeSpan.FromSeconds(30) };
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());

    public ReminderJobTests()
    {
        SessionRepositories.Prepare(_folder);
    }

    [Fact]
    public async Task Time_left_and_timebox_ended_are_fired_once_each_reach_the_stream_and_survive_a_restart()
    {
        string sessionId;
        using (var server = new RepositoryServer(_folder.Path, Scheduling, _clock))
        {
            var started = await server.Get<SessionService>().StartAsync(new StartRequest(Yes: true, TimeboxMinutes: 30), CancellationToken.None);
            sessionId = started.Session.SessionId;
            Assert.Equal(30, started.Session.TimeboxMinutes);
            Assert.Contains("Timebox: 30 minutes, until", started.Mission);

            using var client = server.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken.Read(Lifecycle.Activities.Setup.LifecyclePaths.For(_folder.Path).TokenFile)!);
            await using var stream = await SseClient.ConnectAsync(client, "/api/sessions/current/stream");
            Assert.Equal("session", (await stream.NextAsync(Timeout())).Event);

            // Fifteen minutes before the end of the 30-minute timebox, the job's next run fires "time left".
            _clock.Advance(TimeSpan.FromMinutes(15));
            var timeLeft = await AdvanceUntilAsync(server, sessionId, ReminderKinds.TimeLeft);
            Assert.Contains("left in the 30 min timebox", timeLeft.Data!["message"]!.GetValue<string>());

            var live = await stream.ReadUntilAsync(e => e.Event == "event" && (string?)e.Data?["type"] == SessionEventTypes.Reminder, Timeout());
            Assert.Equal(ReminderKinds.TimeLeft, (string?)live[^1].Data!["data"]!["kind"]);

            var status = await server.Get<SessionService>().StatusAsync(CancellationToken.None);
            var due = Assert.Single(status.Timing!.Reminders);
            Assert.True(due.Recorded);
            Assert.InRange(status.Timing.MinutesLeft!.Value, 1, 15);
        }

        // A restarted server runs the job again while "time left" is still due: it is not fired twice.
        _clock.Advance(TimeSpan.FromMinutes(1));
        using (var restarted = new RepositoryServer(_folder.Path, Scheduling, _clock))
        {
            var scheduler = await restarted.StandbySchedulerAsync();
            var since = _clock.GetUtcNow();
            await scheduler.Start();
            await AdvanceUntilAsync(async () =>
                (await scheduler.GetTrigger(new Quartz.TriggerKey(SchedulerKeys.ReminderJob.Name, SchedulerKeys.ReminderJob.Group)))?.PreviousFireTimeUtc > since);
            Assert.Single(await RemindersAsync(restarted, sessionId), e => (string?)e.Data!["kind"] == ReminderKinds.TimeLeft);

            // The end of the timebox: "timebox ended", once, however many runs follow.
            _clock.Advance(TimeSpan.FromMinutes(14));
            await AdvanceUntilAsync(restarted, sessionId, ReminderKinds.TimeboxEnded);
            var after = _clock.GetUtcNow();
            await AdvanceUntilAsync(async () =>
                (await scheduler.GetTrigger(new Quartz.TriggerKey(SchedulerKeys.ReminderJob.Name, SchedulerKeys.ReminderJob.Group)))?.PreviousFireTimeUtc > after + TimeSpan.FromMinutes(1));
            var reminders = await RemindersAsync(restarted, sessionId);
            Assert.Equal([ReminderKinds.TimeLeft, ReminderKinds.TimeboxEnded], reminders.Select(e => (string)e.Data!["kind"]!));

            // Reminders are notices, not activity: the inactivity rules still see the session idle since its start (its log's write).
            var session = (await restarted.Get<ISessionStore>().GetAsync(sessionId, CancellationToken.None))!;
            var last = await LastActivity.OfAsync(session, restarted.Get<ISessionStore>(), _folder.Path, CancellationToken.None);
            Assert.True(last < reminders[0].Timestamp - TimeSpan.FromMinutes(10), $"last activity {last:O}, first reminder {reminders[0].Timestamp:O}");
        }
    }

    [Fact]
    public async Task Ninety_minutes_of_activity_without_an_idle_gap_bring_a_break_reminder_once()
    {
        using var server = new RepositoryServer(_folder.Path, Scheduling, _clock);
        var sessions = server.Get<SessionService>();
        var sessionId = (await sessions.StartAsync(new StartRequest(Yes: true), CancellationToken.None)).Session.SessionId;

        // A heartbeat every 10 minutes (under the 15-minute idle threshold) for 90 minutes.
        for (var minute = 10; minute <= 90; minute += 10)
        {
            _clock.Advance(TimeSpan.FromMinutes(10));
            await sessions.RecordEventAsync(new EventRequest("heartbeat", new System.Text.Json.Nodes.JsonObject { ["message"] = $"minute {minute}" }), CancellationToken.None);
        }

        var reminder = await AdvanceUntilAsync(server, sessionId, ReminderKinds.Break);

        Assert.StartsWith("90 minutes of activity without a break (since ", reminder.Data!["message"]!.GetValue<string>());
        var status = await sessions.StatusAsync(CancellationToken.None);
        Assert.True(Assert.Single(status.Timing!.Reminders).Recorded);
        Assert.Single(await RemindersAsync(server, sessionId));
    }

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    private static async Task<List<SessionEvent>> RemindersAsync(RepositoryServer server, string sessionId) =>
        [.. (await server.Get<ISessionStore>().GetEventsAsync(sessionId, CancellationToken.None)).Where(e => e.Type == SessionEventTypes.Reminder)];

    /// <summary>Moves the fake clock on by 10 seconds at a time until a reminder of <paramref name="kind"/> is recorded.</summary>
    private async Task<SessionEvent> AdvanceUntilAsync(RepositoryServer server, string sessionId, string kind)
    {
        SessionEvent? found = null;
        await AdvanceUntilAsync(async () =>
        {
            found = (await RemindersAsync(server, sessionId)).FirstOrDefault(e => (string?)e.Data!["kind"] == kind);
            return found is not null;
        });
        return found!;
    }

    /// <remarks>Each step gives the scheduler up to 300 ms of real time to act on it before the clock moves again.</remarks>
    private async Task AdvanceUntilAsync(Func<Task<bool>> done)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(40), "the reminder job did not run in time");
            _clock.Advance(TimeSpan.FromSeconds(10));
            var step = System.Diagnostics.Stopwatch.StartNew();
            while (step.Elapsed < TimeSpan.FromMilliseconds(300) && !await done())
            {
                await Task.Delay(20);
            }
        }
    }
}
