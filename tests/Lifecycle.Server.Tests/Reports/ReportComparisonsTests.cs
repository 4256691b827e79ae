using Lifecycle.Activities.Configuration;
using Lifecycle.Server.Reports;

namespace Lifecycle.Server.Tests.Reports;

/// <summary>The comparisons, splits, trend and goals as pure functions on a constructed history with fixed times.</summary>
public class ReportComparisonsTests
{
    // A zone two hours ahead of UTC: local dates and hours differ from UTC ones near midnight.
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone("Test+2", TimeSpan.FromHours(2), "Test+2", "Test+2");

    private static SessionFigures Session(string id, string localStart, double hours, int commits = 0, double? score = null, double active = 0, double idle = 0, double? rate = null)
    {
        var start = DateTimeOffset.Parse(localStart + "+02:00", System.Globalization.CultureInfo.InvariantCulture);
        return new SessionFigures(id, start, start.AddHours(hours), "main", 1, active, idle, commits, 10, 1, 0, rate, score, "record");
    }

    [Fact]
    public void Week_ComparesTheWeekOfTheDayWithTheOneBefore_MondayFirst_InLocalTime()
    {
        var sessions = new[]
        {
            Session("1", "2026-11-23T09:00", 2, commits: 3, score: 0.5),  // Monday of last week
            Session("2", "2026-11-29T23:30", 1, commits: 1, score: 0.7),  // Sunday night local (21:30 UTC): still last week
            Session("3", "2026-11-30T00:30", 1.5, commits: 4, score: 0.9), // Monday 00:30 local, Sunday 22:30 UTC: this week
            Session("4", "2026-12-02T10:00", 0.5, commits: 2),            // unscored
        };

        var week = ReportComparisons.Week(sessions, new DateOnly(2026, 12, 3), Zone);

        Assert.Equal(new WeekFigures(new DateOnly(2026, 11, 30), 2, 2, 6, 0.9), week.ThisWeek);
        Assert.Equal(new WeekFigures(new DateOnly(2026, 11, 23), 2, 3, 4, 0.6), week.LastWeek);
    }

    [Fact]
    public void Streaks_CountTheCurrentRunUpToTodayOrYesterday_AndTheLongestRun()
    {
        var sessions = new[]
        {
            Session("1", "2026-11-01T09:00", 1), Session("2", "2026-11-02T09:00", 1), Session("3", "2026-11-03T09:00", 1),
            Session("4", "2026-11-03T15:00", 1), Session("5", "2026-11-04T23:30", 1), // four days in a row (two sessions on the 3rd)
            Session("6", "2026-11-10T09:00", 1), Session("7", "2026-11-11T09:00", 1),
        };

        Assert.Equal(new Streaks(2, 4, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 4)), ReportComparisons.Streaks(sessions, new DateOnly(2026, 11, 11), Zone));
        Assert.Equal(2, ReportComparisons.Streaks(sessions, new DateOnly(2026, 11, 12), Zone).Current); // today has none yet: not broken
        Assert.Equal(0, ReportComparisons.Streaks(sessions, new DateOnly(2026, 11, 13), Zone).Current);
        Assert.Equal(new Streaks(0, 0, null, null), ReportComparisons.Streaks([], new DateOnly(2026, 11, 13), Zone));
    }

    [Fact]
    public void BestHours_RankTheLocalStartHoursByMeanScore_WithHowManySessionsBackThem()
    {
        var sessions = new[]
        {
            Session("1", "2026-11-01T09:10", 1, score: 0.8), Session("2", "2026-11-02T09:40", 1, score: 0.6),
            Session("3", "2026-11-03T14:00", 1, score: 0.9), Session("4", "2026-11-04T20:00", 1, score: 0.2),
            Session("5", "2026-11-05T07:00", 1), // unscored: not counted
        };

        var best = ReportComparisons.BestHours(sessions, Zone, count: 2);

        Assert.Equal([new BestHour(14, 0.9, 1), new BestHour(9, 0.7, 2)], best);
    }

    [Fact]
    public void TimeSplit_SharesASessionAcrossTheHoursAndDaysItSpans()
    {
        var sessions = new[] { Session("1", "2026-11-29T23:30", 1) }; // Sunday 23:30 to Monday 00:30 local

        var days = ReportTimeSplit.ByWeekday(sessions, Zone);
        var hours = ReportTimeSplit.ByHour(sessions, Zone);

        Assert.Equal(30, days.Single(d => d.Label == "Sun").Minutes);
        Assert.Equal(30, days.Single(d => d.Label == "Mon").Minutes);
        Assert.Equal((30, 1), (hours[23].Minutes, hours[23].Sessions));
        Assert.Equal((30, 1), (hours[0].Minutes, hours[0].Sessions));
        Assert.Equal(60, hours.Sum(h => h.Minutes));
    }

    [Fact]
    public void TimeSplit_FollowsTheLocalHours_OfAZoneHalfAnHourOffUtc()
    {
        var india = TimeZoneInfo.CreateCustomTimeZone("Test+5:30", new TimeSpan(5, 30, 0), "Test+5:30", "Test+5:30");
        var start = new DateTimeOffset(2026, 11, 30, 3, 45, 0, TimeSpan.Zero); // 09:15 local
        var session = new SessionFigures("1", start, start.AddMinutes(90), null, 0, 90, 0, 0, 0, 0, 0, null, null, "record");

        var hours = ReportTimeSplit.ByHour([session], india);

        Assert.Equal([45, 45], new[] { hours[9].Minutes, hours[10].Minutes });
        Assert.Equal(90, hours.Sum(h => h.Minutes));
    }

    [Fact]
    public void Trend_IsAMovingAverageAndALeastSquaresSlope_SkippingUnscoredSessions()
    {
        var trend = ScoreTrends.Of([0.2, null, 0.4, 0.6], window: 2);

        Assert.Equal([0.2, 0.2, 0.3, 0.5], trend.MovingAverage);
        Assert.Equal(0.1286, trend.SlopePerSession); // points (0, .2), (2, .4), (3, .6): 0.6 / (42 / 9)
        Assert.Null(ScoreTrends.Of([0.5]).SlopePerSession);
    }

    [Fact]
    public void Goals_AreMetOrNot_OverallAndPerSession_AndAnUnsetGoalIsLeftOut()
    {
        var sessions = new[]
        {
            Session("1", "2026-11-01T09:00", 1, commits: 2, score: 0.7, active: 50, idle: 10, rate: 2),
            Session("2", "2026-11-02T09:00", 1, commits: 5, score: 0.4, active: 30, idle: 30, rate: 5),
        };
        var goals = new GoalsConfig { Score = new GoalRange() };

        var checks = ReportGoals.Check(goals, sessions);

        Assert.Equal(["commitsPerHour", "activeShare"], checks.Select(c => c.Goal));
        var rate = checks[0];
        Assert.Equal((3.5, false, 1, 2, "1 to 3", "not met"), (rate.Actual!.Value, rate.Met!.Value, rate.SessionsMet, rate.SessionsMeasured, rate.Range, rate.Verdict));
        var share = checks[1];
        Assert.Equal((0.667, false, 1), (share.Actual!.Value, share.Met!.Value, share.SessionsMet));
        Assert.True(ReportGoals.Check(new GoalsConfig(), [sessions[0]]).All(c => c.Met == true));
        Assert.Equal("not measured", ReportGoals.Check(new GoalsConfig(), [Session("3", "2026-11-03T09:00", 0.1)]).Single(c => c.Goal == "score").Verdict);
    }
}
