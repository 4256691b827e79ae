using System.Text.RegularExpressions;
using Lifecycle.Activities.Configuration;
using Lifecycle.Server.Reports;

namespace Lifecycle.Server.Tests.Reports;

/// <summary>Each chart is one accessible, URL-free inline svg, with or without sessions.</summary>
public class ReportChartsTests
{
    private static AcrossSessionsReport Across(int count)
    {
        var zone = TimeZoneInfo.Utc;
        var start = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var sessions = Enumerable.Range(1, count)
            .Select(i => new SessionFigures($"{i:00000}", start.AddDays(i), start.AddDays(i).AddHours(2), "main", 2, 90, 30, i % 4, 40 * i, i % 3, i % 2, i % 4 / 2.0, i % 2 == 0 ? null : 0.1 * (i % 10), "record"))
            .ToList();
        var day = new DateOnly(2026, 12, 1);
        return new AcrossSessionsReport(start, "UTC", null, day, new ReportTotals(count, 1, 1, 1, 1, 1, 1, null), sessions, ScoreTrends.Of([.. sessions.Select(s => s.Score)]),
            ReportTimeSplit.ByWeekday(sessions, zone), ReportTimeSplit.ByHour(sessions, zone), ReportComparisons.Week(sessions, day, zone),
            ReportComparisons.Streaks(sessions, day, zone), ReportComparisons.BestHours(sessions, zone), ReportGoals.Check(new GoalsConfig(), sessions));
    }

    public static TheoryData<int> Counts => [0, 1, 12];

    [Theory]
    [MemberData(nameof(Counts))]
    public void EveryChart_IsOneSvgWithATextAlternative_AndNoUrl(int count)
    {
        var report = Across(count);
        Func<AcrossSessionsReport, string>[] charts =
            [ReportCharts.ScoreTrend, ReportCharts.ActiveIdle, ReportCharts.CommitsAndLines, ReportCharts.CommitRate, ReportCharts.Tasks, ReportCharts.Setup, ReportCharts.Weekdays, ReportCharts.Hours];

        foreach (var svg in charts.Select(chart => chart(report)))
        {
            Assert.StartsWith("<svg ", svg);
            Assert.EndsWith("</svg>", svg.TrimEnd());
            Assert.Single(Regex.Matches(svg, "<svg"));
            Assert.Matches("^<svg [^>]*role=\"img\" aria-label=\"[^\"]+\"[^>]*><title>[^<]+</title>", svg);
            Assert.DoesNotContain("http", svg, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("viewBox=", svg);
        }
    }

    [Fact]
    public void TheScoreChart_SaysItsTrendAndGoal_InItsTextAlternative()
    {
        var svg = ReportCharts.ScoreTrend(Across(12));

        Assert.Contains("Productivity score per session. Productivity score of 12 sessions", svg);
        Assert.Contains("trend ", svg);
    }
}
