using Lifecycle.Activities.Handoff;

namespace Lifecycle.Server.Reports;

/// <summary>
/// One session's report as Markdown: the spec's example layout (<see cref="SessionReport"/>, what
/// the close commits as <c>SESSION-NNNNN-REPORT.md</c>) with the goals checked against its figures.
/// </summary>
public static class ReportMarkdown
{
    /// <summary>The report's text.</summary>
    public static string Render(SessionReportModel report) =>
        SessionReport.Render(report.Handoff, goals: GoalLines(report.Goals)) + ReportPlan.Markdown(report.Plan) + SuggestionSection(report.Suggestions);

    /// <summary>The suggestions from the history, each with its evidence; empty without them.</summary>
    public static string SuggestionSection(Suggestions.SuggestionReport? suggestions)
    {
        if (suggestions is null)
        {
            return "";
        }

        var lines = new List<string> { "", "## Suggestions from the history", "" };
        lines.AddRange(suggestions.Suggestions.Count == 0
            ? [$"- None: no figure of the {suggestions.Sessions} closed sessions calls for a change."]
            : suggestions.Suggestions.Select(s => $"- {s.Advice} Evidence: {s.Evidence}"));
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>One line per goal: ✅ met, ❌ not met, ➖ not measured, with the figure and the range.</summary>
    public static IReadOnlyList<string> GoalLines(IReadOnlyList<GoalCheck> goals) =>
        [.. goals.Select(g => $"- {Mark(g.Met)} {g.Label}: {ReportNumbers.Text(g.Actual)} (goal {g.Range}, {g.Verdict})")];

    internal static string Mark(bool? met) => met switch { true => "✅", false => "❌", null => "➖" };
}
