using System.Globalization;

namespace Lifecycle.Server.Reports;

/// <summary>
/// The reports as one self-contained HTML page that opens offline: inline CSS, charts as inline
/// svg (<see cref="ReportCharts"/>), every figure also in a table, and no external URL anywhere.
/// </summary>
public static class ReportHtml
{
    /// <summary>The headers of the per-session figures table (<c>#sessions</c>), in the order of <see cref="SessionRow"/>.</summary>
    public static readonly IReadOnlyList<string> SessionHeaders =
        ["Session", "Started", "Setup (min)", "Active (min)", "Idle (min)", "Active share", "Commits", "Lines changed", "Tasks done", "Errors", "Commits per hour", "Score", "Figures from"];

    /// <summary>One session's figures as the tables print them (the JSON's numbers, as <see cref="ReportNumbers.Text(double)"/> writes them).</summary>
    public static IReadOnlyList<string> SessionRow(SessionFigures s, TimeZoneInfo zone) =>
    [
        s.SessionId, TimeZoneInfo.ConvertTime(s.StartTime, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ReportNumbers.Text(s.SetupMinutes), ReportNumbers.Text(s.ActiveMinutes), ReportNumbers.Text(s.IdleMinutes), ReportNumbers.Text(s.ActiveShare),
        Count(s.Commits), Count(s.LinesChanged), Count(s.TasksCompleted), Count(s.Errors), ReportNumbers.Text(s.CommitsPerHour), ReportNumbers.Text(s.Score), s.Source,
    ];

    /// <summary>One session's report.</summary>
    public static string Render(SessionReportModel report, TimeZoneInfo zone)
    {
        var f = report.Figures;
        var h = report.Handoff;
        var page = new HtmlPage($"Session {report.SessionId} report",
            $"{Local(f.StartTime, zone)} to {Local(f.EndTime, zone)} ({report.TimeZone}); branch {f.Branch ?? "unknown"}; generated {Local(report.GeneratedAt, zone)}.");
        page.Heading("Figures", "figures")
            .Table("figures", "This session's figures", SessionHeaders, [SessionRow(f, zone)], r => r[0]);
        Goals(page, report.Goals, "Goals for this session");
        page.Heading("Timeline", "timeline")
            .Chart(ReportCharts.Timeline(report), "State transitions, commits, task changes, errors and idle gaps, in minutes since the start.")
            .Table("timeline", "Timeline entries", ["Minute", "Time", "Kind", "What", "Minutes"],
                report.Timeline.Select(e => (IReadOnlyList<string>)[ReportNumbers.Text(e.Minute), Local(e.At, zone), e.Kind, e.Label, ReportNumbers.Text(e.Minutes)]), collapsed: report.Timeline.Count > 30);
        page.Heading("Insights", "insights").List(report.Insights.DefaultIfEmpty("No insight for this session."));
        Suggestions(page, report.Suggestions);
        page.Heading("Handoff", "handoff")
            .Paragraph($"Next session: {h.NextSession}. Commits: {h.WorkCompleted.Commits.Count}; tasks done: {h.WorkCompleted.TasksCompleted}; open: {h.OpenItems.Count}; blockers: {h.Blockers.Count}.");
        page.Table("open-items", "Open tasks", ["Task", "Title", "Status", "Priority"],
            h.OpenItems.Select(t => (IReadOnlyList<string>)[t.Id, t.Title, t.Status.ToString(), Count(t.Priority)]));
        page.Paragraph("Next actions:").List(h.NextActions.DefaultIfEmpty("None."));
        if (h.Blockers.Count > 0)
        {
            page.Paragraph("Blockers:").List(h.Blockers);
        }

        if (!string.IsNullOrWhiteSpace(h.Notes))
        {
            page.Paragraph($"Notes: {h.Notes}");
        }

        ReportPlan.Html(page, report.Plan);
        return page.ToString();
    }

    /// <summary>The report across sessions.</summary>
    public static string Render(AcrossSessionsReport report, TimeZoneInfo zone)
    {
        var range = $"{report.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "the first session"} to {report.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "today"}";
        var t = report.Totals;
        var page = new HtmlPage("Sessions report", $"Closed sessions from {range} ({report.TimeZone}); generated {Local(report.GeneratedAt, zone)}.");
        page.Heading("Totals", "totals")
            .Table("totals", "All sessions in the report", ["Sessions", "Hours", "Active hours", "Idle hours", "Commits", "Lines changed", "Tasks done", "Mean score"],
                [[Count(t.Sessions), ReportNumbers.Text(t.Hours), ReportNumbers.Text(t.ActiveHours), ReportNumbers.Text(t.IdleHours), Count(t.Commits), Count(t.LinesChanged), Count(t.TasksCompleted), ReportNumbers.Text(t.MeanScore)]]);
        page.Heading("This week against last", "week")
            .Table("week", "This week (the report's last day) and the week before, Monday first", ["Week of", "Sessions", "Hours", "Commits", "Mean score"],
                new[] { ("This week", report.Week.ThisWeek), ("Last week", report.Week.LastWeek) }.Select(w => (IReadOnlyList<string>)
                    [$"{w.Item1} ({w.Item2.Start:yyyy-MM-dd})", Count(w.Item2.Sessions), ReportNumbers.Text(w.Item2.Hours), Count(w.Item2.Commits), ReportNumbers.Text(w.Item2.MeanScore)]));
        var s = report.Streaks;
        page.Heading("Streaks", "streaks")
            .Table("streaks", "Consecutive days with a session", ["Current (days)", "Longest (days)", "Longest from", "Longest to"],
                [[Count(s.Current), Count(s.Longest), s.LongestFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-", s.LongestTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"]]);
        page.Heading("Best hours", "best-hours")
            .Table("best-hours", "Hours of the day (start) with the best mean score", ["Hour", "Mean score", "Sessions"],
                report.BestHours.Select(b => (IReadOnlyList<string>)[b.Hour.ToString("00", CultureInfo.InvariantCulture) + ":00", ReportNumbers.Text(b.MeanScore), Count(b.Sessions)]));
        Goals(page, report.Goals, "Goals across the sessions");
        Suggestions(page, report.Suggestions);
        page.Heading("Charts", "charts");
        foreach (var (svg, caption) in Charts(report))
        {
            page.Chart(svg, caption);
        }

        page.Table("weekdays", "Session time per weekday", ["Weekday", "Minutes", "Sessions"],
                report.ByWeekday.Select(b => (IReadOnlyList<string>)[b.Label, ReportNumbers.Text(b.Minutes), Count(b.Sessions)]), collapsed: true)
            .Table("hours", "Session time per hour of the day", ["Hour", "Minutes", "Sessions"],
                report.ByHour.Select(b => (IReadOnlyList<string>)[b.Label, ReportNumbers.Text(b.Minutes), Count(b.Sessions)]), collapsed: true);
        page.Heading("Sessions", "sessions")
            .Table("sessions", "Each session's figures, oldest first", SessionHeaders, report.Sessions.Select(f => SessionRow(f, zone)), r => r[0], collapsed: report.Sessions.Count > 50);
        return page.ToString();
    }

    private static IEnumerable<(string Svg, string Caption)> Charts(AcrossSessionsReport report) => ReportCharts.Across(report);

    private static void Suggestions(HtmlPage page, Suggestions.SuggestionReport? suggestions)
    {
        if (suggestions is null)
        {
            return;
        }

        page.Heading("Suggestions", "suggestions");
        if (suggestions.Suggestions.Count == 0)
        {
            page.Paragraph($"No suggestion: no figure of the {suggestions.Sessions} closed sessions ({suggestions.ScoredSessions} scored) calls for a change.");
        }
        else
        {
            page.Table("suggestions", "Suggestions from the closed sessions, each with its evidence", ["Suggestion", "Evidence", "Sessions", "Needed"],
                suggestions.Suggestions.Select(s => (IReadOnlyList<string>)[s.Advice, s.Evidence, Count(s.Sessions), Count(s.MinimumSessions)]));
        }

        if (suggestions.Withheld.Count > 0)
        {
            page.Paragraph("No suggestion about:").List(suggestions.Withheld);
        }
    }

    private static void Goals(HtmlPage page, IReadOnlyList<GoalCheck> goals, string caption)
    {
        page.Heading("Goals", "goals");
        if (goals.Count == 0)
        {
            page.Paragraph("No goals are set (goals in .lifecycle/config.json).");
            return;
        }

        page.Table("goals", caption, ["Goal", "Figure", "Range", "Verdict", "Sessions that met it"],
            goals.Select(g => (IReadOnlyList<string>)[g.Label, ReportNumbers.Text(g.Actual), g.Range, g.Verdict, $"{g.SessionsMet} of {g.SessionsMeasured}"]), r => r[0]);
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Local(DateTimeOffset time, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(time, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
