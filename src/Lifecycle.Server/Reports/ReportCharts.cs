using Lifecycle.Activities.Configuration;
using ScottPlot;

namespace Lifecycle.Server.Reports;

/// <summary>
/// The reports' charts, drawn with ScottPlot: each method returns one inline, self-contained
/// <c>&lt;svg&gt;</c> (see <see cref="ChartSvg"/>) for a report model, so the HTML report and the
/// dashboard show the same pictures. Sessions are numbered from 1, the oldest in the report; the
/// goals of <c>.lifecycle/config.json</c> are drawn as a shaded band (a range) or a dashed line.
/// </summary>
public static class ReportCharts
{
    private static readonly Color Blue = Color.FromHex("#1f5fa8");
    private static readonly Color Orange = Color.FromHex("#c2570c");
    private static readonly Color Green = Color.FromHex("#2e7d32");
    private static readonly Color Grey = Color.FromHex("#8a8a8a");
    private static readonly Color Red = Color.FromHex("#b3261e");
    private static readonly Color Purple = Color.FromHex("#6a3d9a");

    private const string SessionAxis = "Session (1 = oldest in the report)";

    /// <summary>Productivity score per session, its moving average and least-squares line, and the score goal.</summary>
    public static string ScoreTrend(AcrossSessionsReport report)
    {
        var plot = ChartSvg.New("Productivity score per session", SessionAxis, "Score (0 to 1)");
        var points = report.Sessions.Select((s, i) => (X: i + 1.0, Y: s.Score)).Where(p => p.Y is not null).ToList();
        Goal(plot, Find(report.Goals, "score"));
        if (points.Count > 0)
        {
            var scores = plot.Add.ScatterPoints(points.Select(p => p.X).ToArray(), points.Select(p => p.Y!.Value).ToArray(), Blue);
            scores.LegendText = "Score";
            scores.MarkerSize = 6;
        }

        var average = report.Trend.MovingAverage.Select((v, i) => (X: i + 1.0, Y: v)).Where(p => p.Y is not null).ToList();
        if (average.Count > 1)
        {
            var line = plot.Add.ScatterLine(average.Select(p => p.X).ToArray(), average.Select(p => p.Y!.Value).ToArray(), Orange);
            line.LegendText = $"Moving average ({report.Trend.Window} sessions)";
            line.LineWidth = 2;
        }

        if (report.Trend.SlopePerSession is { } slope && points.Count > 1)
        {
            var meanX = points.Average(p => p.X - 1);
            var meanY = points.Average(p => p.Y!.Value);
            var first = points[0].X;
            var last = points[^1].X;
            var trend = plot.Add.ScatterLine(new[] { first, last }, new[] { meanY + slope * (first - 1 - meanX), meanY + slope * (last - 1 - meanX) }, Purple);
            trend.LegendText = $"Trend ({(slope * 100).ToString("+0.0##;-0.0##;0", System.Globalization.CultureInfo.InvariantCulture)} per 100 sessions)";
            trend.LineWidth = 2;
        }

        plot.Axes.SetLimitsY(0, 1.05);
        Limits(plot, report.Sessions.Count);
        Legend(plot);
        return ChartSvg.Render(plot, $"Productivity score of {report.Sessions.Count} sessions; mean {ReportNumbers.Text(report.Totals.MeanScore)}, trend {ReportNumbers.Text(report.Trend.SlopePerSession)} per session.");
    }

    /// <summary>Active and idle minutes per session, stacked, with the share active (right axis) and its goal.</summary>
    public static string ActiveIdle(AcrossSessionsReport report)
    {
        var plot = ChartSvg.New("Active and idle time per session", SessionAxis, "Minutes");
        var sessions = report.Sessions;
        var bars = new List<Bar>();
        for (var i = 0; i < sessions.Count; i++)
        {
            bars.Add(new Bar { Position = i + 1, ValueBase = 0, Value = sessions[i].ActiveMinutes, FillColor = Green, LineWidth = 0 });
            bars.Add(new Bar { Position = i + 1, ValueBase = sessions[i].ActiveMinutes, Value = sessions[i].WorkingMinutes, FillColor = Grey, LineWidth = 0 });
        }

        plot.Add.Bars(bars);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Active", FillColor = Green });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Idle", FillColor = Grey });
        var shares = sessions.Select((s, i) => (X: i + 1.0, Y: s.ActiveShare)).Where(p => p.Y is not null).ToList();
        if (shares.Count > 0)
        {
            var share = plot.Add.ScatterPoints(shares.Select(p => p.X).ToArray(), shares.Select(p => p.Y!.Value * 100).ToArray(), Blue);
            share.Axes.YAxis = plot.Axes.Right;
            share.LegendText = "Active share (%, right axis)";
        }

        if (Find(report.Goals, "activeShare") is { } goal)
        {
            foreach (var bound in new[] { goal.Min, goal.Max }.OfType<double>())
            {
                var line = plot.Add.HorizontalLine(bound * 100, 2, Blue, LinePattern.Solid);
                line.Axes.YAxis = plot.Axes.Right;
                line.LegendText = $"Goal: active share {goal.Range}";
            }
        }

        plot.Axes.Right.Label.Text = "Active share (%)";
        plot.Axes.SetLimitsY(0, 105, plot.Axes.Right);
        plot.Axes.SetLimitsY(0, Math.Max(1, sessions.Select(s => s.WorkingMinutes).DefaultIfEmpty().Max()) * 1.05);
        Limits(plot, sessions.Count);
        Legend(plot);
        return ChartSvg.Render(plot, $"Active and idle minutes of {sessions.Count} sessions: {ReportNumbers.Text(report.Totals.ActiveHours)} hours active, {ReportNumbers.Text(report.Totals.IdleHours)} hours idle.");
    }

    /// <summary>Commits (bars, left axis) and changed lines (points, right axis) per session.</summary>
    public static string CommitsAndLines(AcrossSessionsReport report)
    {
        var plot = ChartSvg.New("Commits and changed lines per session", SessionAxis, "Commits");
        var positions = Positions(report.Sessions.Count);
        var commits = plot.Add.Bars(positions, report.Sessions.Select(s => (double)s.Commits).ToArray());
        commits.Color = Blue;
        commits.LegendText = "Commits";
        var lines = plot.Add.ScatterPoints(positions, report.Sessions.Select(s => (double)s.LinesChanged).ToArray(), Orange);
        lines.Axes.YAxis = plot.Axes.Right;
        lines.LegendText = "Lines changed (right axis)";
        plot.Axes.Right.Label.Text = "Lines changed (added + deleted)";
        plot.Axes.SetLimitsY(0, Math.Max(1, report.Sessions.Select(s => s.LinesChanged).DefaultIfEmpty().Max()) * 1.1, plot.Axes.Right);
        plot.Axes.SetLimitsY(0, Math.Max(1, report.Sessions.Select(s => s.Commits).DefaultIfEmpty().Max()) * 1.1);
        Limits(plot, report.Sessions.Count);
        Legend(plot);
        return ChartSvg.Render(plot, $"Commits and changed lines of {report.Sessions.Count} sessions: {report.Totals.Commits} commits, {report.Totals.LinesChanged} lines.");
    }

    /// <summary>Commits per hour of working time per session, with the commits-per-hour goal as a band.</summary>
    public static string CommitRate(AcrossSessionsReport report)
    {
        var plot = ChartSvg.New("Commits per hour of working time", SessionAxis, "Commits per hour");
        Goal(plot, Find(report.Goals, "commitsPerHour"));
        var rated = report.Sessions.Select((s, i) => (X: i + 1.0, Y: s.CommitsPerHour)).Where(p => p.Y is not null).ToList();
        if (rated.Count > 0)
        {
            var points = plot.Add.ScatterPoints(rated.Select(p => p.X).ToArray(), rated.Select(p => p.Y!.Value).ToArray(), Blue);
            points.LegendText = "Commits per hour";
            points.MarkerSize = 6;
        }

        var top = Math.Max(rated.Select(p => p.Y!.Value).DefaultIfEmpty().Max(), Find(report.Goals, "commitsPerHour")?.Max ?? 0);
        plot.Axes.SetLimitsY(0, Math.Max(1, top) * 1.15);
        Limits(plot, report.Sessions.Count);
        Legend(plot);
        return ChartSvg.Render(plot, $"Commits per hour of {rated.Count} scored sessions; goal {Find(report.Goals, "commitsPerHour")?.Range ?? "none"}.");
    }

    /// <summary>Tasks completed per session.</summary>
    public static string Tasks(AcrossSessionsReport report) =>
        PerSession(report, "Tasks completed per session", "Tasks completed", s => s.TasksCompleted, Green,
            $"Tasks completed in {report.Sessions.Count} sessions: {report.Totals.TasksCompleted} in all.");

    /// <summary>Setup time (start until ACTIVE) per session.</summary>
    public static string Setup(AcrossSessionsReport report) =>
        PerSession(report, "Setup time per session", "Setup (minutes)", s => s.SetupMinutes, Purple,
            $"Setup minutes of {report.Sessions.Count} sessions; mean {ReportNumbers.Text(report.Sessions.Count == 0 ? null : ReportNumbers.Round(report.Sessions.Average(s => s.SetupMinutes)))} minutes.");

    /// <summary>Hours of sessions per weekday (local), Monday first.</summary>
    public static string Weekdays(AcrossSessionsReport report) =>
        Buckets(report.ByWeekday, "Session time per weekday", $"Weekday ({report.TimeZone})", "Weekday");

    /// <summary>Hours of sessions per hour of the day (local).</summary>
    public static string Hours(AcrossSessionsReport report) =>
        Buckets(report.ByHour, "Session time per hour of the day", $"Hour of the day ({report.TimeZone})", "Hour");

    /// <summary>
    /// One session's timeline: its states as bars, commits, task changes and errors as marks, idle
    /// gaps as grey bars, against minutes since its start.
    /// </summary>
    public static string Timeline(SessionReportModel report)
    {
        var plot = ChartSvg.New($"Session {report.SessionId} timeline", "Minutes since the session started", "");
        var lanes = TimelineKinds.All;
        var colors = new Dictionary<string, Color>
        {
            [TimelineKinds.State] = Blue, [TimelineKinds.Commit] = Green, [TimelineKinds.Task] = Purple,
            [TimelineKinds.Error] = Red, [TimelineKinds.Idle] = Grey,
        };
        var stateColors = new Dictionary<string, Color> { ["INITIALIZING"] = Orange, ["ACTIVE"] = Green, ["CLOSING"] = Purple };
        foreach (var (kind, lane) in lanes.Select((k, i) => (k, lanes.Count - i)))
        {
            var entries = report.Timeline.Where(e => e.Kind == kind).ToList();
            foreach (var entry in entries.Where(e => e.Minutes is not null))
            {
                var box = plot.Add.Rectangle(entry.Minute, entry.Minute + Math.Max(entry.Minutes!.Value, 0.05), lane - 0.3, lane + 0.3);
                box.FillColor = kind == TimelineKinds.State && stateColors.TryGetValue(entry.Label, out var c) ? c : colors[kind];
                box.LineWidth = 0;
            }

            var moments = entries.Where(e => e.Minutes is null).ToList();
            if (moments.Count > 0)
            {
                var marks = plot.Add.ScatterPoints(moments.Select(e => e.Minute).ToArray(), moments.Select(_ => (double)lane).ToArray(), colors[kind]);
                marks.MarkerSize = 9;
                marks.MarkerShape = kind == TimelineKinds.Error ? MarkerShape.FilledTriangleUp : MarkerShape.FilledCircle;
            }
        }

        foreach (var (state, color) in stateColors)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = state, FillColor = color });
        }

        plot.Axes.Left.SetTicks([.. lanes.Select((_, i) => (double)(lanes.Count - i))], [.. lanes.Select(Lane)]);
        plot.Axes.SetLimitsY(0.4, lanes.Count + 0.6);
        var end = Math.Max(1, report.Timeline.Select(e => e.Minute + (e.Minutes ?? 0)).DefaultIfEmpty().Max());
        plot.Axes.SetLimitsX(0, end * 1.02);
        Legend(plot);
        var counts = lanes.Skip(1).Select(k => $"{report.Timeline.Count(e => e.Kind == k)} {Lane(k).ToLowerInvariant()}");
        return ChartSvg.Render(plot, $"Timeline of session {report.SessionId} over {ReportNumbers.Text(ReportNumbers.Round(end))} minutes: {string.Join(", ", counts)}.");
    }

    private static string Lane(string kind) => kind switch
    {
        TimelineKinds.State => "State",
        TimelineKinds.Commit => "Commits",
        TimelineKinds.Task => "Tasks",
        TimelineKinds.Error => "Errors",
        _ => "Idle gaps",
    };

    private static string PerSession(AcrossSessionsReport report, string title, string yLabel, Func<SessionFigures, double> value, Color color, string description)
    {
        var plot = ChartSvg.New(title, SessionAxis, yLabel);
        var bars = plot.Add.Bars(Positions(report.Sessions.Count), report.Sessions.Select(value).ToArray());
        bars.Color = color;
        plot.Axes.SetLimitsY(0, Math.Max(1, report.Sessions.Select(value).DefaultIfEmpty().Max()) * 1.1);
        Limits(plot, report.Sessions.Count);
        return ChartSvg.Render(plot, description);
    }

    private static string Buckets(IReadOnlyList<TimeBucket> buckets, string title, string xLabel, string what)
    {
        var plot = ChartSvg.New(title, xLabel, "Hours of sessions");
        var bars = plot.Add.Bars(buckets.Select(b => (double)b.Index).ToArray(), buckets.Select(b => ReportNumbers.Round(b.Minutes / 60, 2)).ToArray());
        bars.Color = Blue;
        plot.Axes.Bottom.SetTicks([.. buckets.Select(b => (double)b.Index)], [.. buckets.Select(b => b.Label)]);
        plot.Axes.SetLimitsY(0, Math.Max(1, buckets.Max(b => b.Minutes / 60)) * 1.1);
        plot.Axes.SetLimitsX(-0.6, buckets.Count - 0.4);
        var busiest = buckets.MaxBy(b => b.Minutes)!;
        return ChartSvg.Render(plot, $"Hours of sessions per {what.ToLowerInvariant()}; the most in {busiest.Label} ({ReportNumbers.Text(ReportNumbers.Round(busiest.Minutes / 60, 2))} hours).");
    }

    /// <summary>A range goal as a shaded band; a one-sided goal as a line.</summary>
    private static void Goal(Plot plot, GoalCheck? goal)
    {
        if (goal is null)
        {
            return;
        }

        if (goal is { Min: { } min, Max: { } max })
        {
            var band = plot.Add.VerticalSpan(min, max);
            band.FillStyle.Color = Green.WithAlpha(0.12);
            band.LineStyle.Width = 0;
            band.LegendText = $"Goal: {goal.Range}";
            return;
        }

        var line = plot.Add.HorizontalLine(goal.Min ?? goal.Max!.Value, 2, Green, LinePattern.Solid);
        line.LegendText = $"Goal: {goal.Range}";
    }

    /// <summary>The legend below the chart, in a row, where it hides no data.</summary>
    private static void Legend(Plot plot)
    {
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
    }

    private static GoalCheck? Find(IReadOnlyList<GoalCheck> goals, string name) => goals.FirstOrDefault(g => g.Goal == name);

    private static double[] Positions(int count) => [.. Enumerable.Range(1, count).Select(i => (double)i)];

    private static void Limits(Plot plot, int sessions) => plot.Axes.SetLimitsX(0.4, Math.Max(1, sessions) + 0.6);

    private static readonly (Func<AcrossSessionsReport, string> Draw, string Caption)[] AcrossCharts =
    [
        (ScoreTrend, "Productivity score per session with its moving average, least-squares trend and goal."),
        (ActiveIdle, "Active and idle minutes per session; the share active on the right axis with its goal."),
        (CommitsAndLines, "Commits (bars) and changed lines (points, right axis) per session."),
        (CommitRate, "Commits per hour of working time with the goal band."),
        (Tasks, "Tasks completed per session."),
        (Setup, "Setup time per session."),
        (Weekdays, "Hours of sessions per weekday."),
        (Hours, "Hours of sessions per hour of the day."),
    ];

    /// <summary>
    /// The charts across sessions, in order, drawn side by side: each is its own plot and canvas, and
    /// with a thousand sessions drawing them is a third of the report's time.
    /// </summary>
    public static IReadOnlyList<(string Svg, string Caption)> Across(AcrossSessionsReport report)
    {
        var svgs = new string[AcrossCharts.Length];
        Parallel.For(0, AcrossCharts.Length, i => svgs[i] = AcrossCharts[i].Draw(report));
        return [.. svgs.Select((svg, i) => (svg, AcrossCharts[i].Caption))];
    }
}
