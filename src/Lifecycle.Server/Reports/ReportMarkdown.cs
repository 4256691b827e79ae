using Lifecycle.Activities.Handoff;

namespace Lifecycle.Server.Reports;

/// <summary>
/// One session's report as Markdown: the spec's example layout (<see cref="SessionReport"/>, what
/// the close commits as <c>SESSION-NNNNN-REPORT.md</c>) with the goals checked against its figures.
/// </summary>
public static class ReportMarkdown
{
    /// <summary>The report's text.</summary>
    public static string Render(SessionReportModel report) => SessionReport.Render(report.Handoff, goals: GoalLines(report.Goals)) + ReportPlan.Markdown(report.Plan);

    /// <summary>One line per goal: ✅ met, ❌ not met, ➖ not measured, with the figure and the range.</summary>
    public static IReadOnlyList<string> GoalLines(IReadOnlyList<GoalCheck> goals) =>
        [.. goals.Select(g => $"- {Mark(g.Met)} {g.Label}: {ReportNumbers.Text(g.Actual)} (goal {g.Range}, {g.Verdict})")];

    internal static string Mark(bool? met) => met switch { true => "✅", false => "❌", null => "➖" };
}
