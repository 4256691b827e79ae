using System.Text.Json.Nodes;
using Lifecycle.Activities.Metrics;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Tests.Sessions;

public class HeartbeatPulseTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Merge_SameDetailsWithinTheWindow_ExtendsThePulse()
    {
        var first = Beat(Start, "tests");

        var pulse = HeartbeatPulse.Merge(first, Beat(Start.AddSeconds(90), "tests"))!;
        var longer = HeartbeatPulse.Merge(pulse, Beat(pulse.Timestamp + TimeSpan.FromSeconds(90) + HeartbeatPulse.Window, "tests"))!;

        Assert.Equal(Start, longer.Timestamp);
        Assert.Equal(TimeSpan.FromSeconds(90) + HeartbeatPulse.Window, HeartbeatPulse.DurationOf(longer));
        Assert.Equal(3, longer.Data![HeartbeatPulse.CountKey]!.GetValue<long>());
        Assert.Equal("tests", longer.Data["message"]!.GetValue<string>());
    }

    [Fact]
    public void Merge_PastTheWindow_OtherDetails_OtherTypes_OrOlder_IsNull()
    {
        var first = Beat(Start, "tests");

        Assert.Null(HeartbeatPulse.Merge(first, Beat(Start + HeartbeatPulse.Window + TimeSpan.FromMilliseconds(1), "tests")));
        Assert.Null(HeartbeatPulse.Merge(first, Beat(Start.AddSeconds(1), "docs")));
        Assert.Null(HeartbeatPulse.Merge(first, Beat(Start.AddSeconds(-1), "tests")));
        Assert.Null(HeartbeatPulse.Merge(new SessionEvent("00001", SessionEventTypes.FileModified, Start, new JsonObject { ["path"] = "a" }), Beat(Start, "tests")));
        Assert.Null(HeartbeatPulse.Merge(first, Beat(Start, "tests") with { SessionId = "00002" }));
    }

    [Fact]
    public void AMergedPulse_CountsAsActiveTime_AsIfEveryHeartbeatWereStored()
    {
        var pulse = Beat(Start, null);
        for (var at = Start.AddMinutes(1); at <= Start.AddMinutes(30); at = at.AddMinutes(1))
        {
            pulse = HeartbeatPulse.Merge(pulse, Beat(at, null))!;
        }

        var metrics = new ProductivityCalculator(new ProductivityOptions { IdleThreshold = TimeSpan.FromMinutes(5) }).Calculate(new SessionFacts
        {
            StartedAt = Start,
            ActiveAt = Start,
            EndedAt = Start.AddMinutes(30),
            ActivityTimestamps = [.. HeartbeatPulse.ActivityTimes(pulse)],
        });

        Assert.Equal(Start.AddMinutes(30), HeartbeatPulse.EndOf(pulse));
        Assert.Equal(0, metrics.IdleMinutes, 3);
    }

    private static SessionEvent Beat(DateTimeOffset at, string? message) =>
        new("00001", SessionEventTypes.Heartbeat, at, message is null ? [] : new JsonObject { ["message"] = message });
}
