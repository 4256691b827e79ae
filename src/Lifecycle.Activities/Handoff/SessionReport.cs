using System.Globalization;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Activities.Handoff;

/// <summary>The <c>SESSION-NNNNN-REPORT.md</c> document, laid out like the spec's example session report.</summary>
/// <remarks>
/// Times are shown in UTC, and the summary says so, unless a time zone is passed. Tasks are marked
/// ✅ done, ⏳ open, ⏸️ blocked. Durations are rounded to the minute. Long lists of commits, files
/// and errors are summarised (see <see cref="LongList"/>); the JSON handoff has them all.
/// </remarks>
public static class SessionReport
{
    /// <summary>The report's text (LF line endings, trailing newline).</summary>
    /// <param name="handoff">The session's handoff.</param>
    /// <param name="zone">The zone times are shown in; UTC when null.</param>
    /// <param name="goals">
    /// Lines of a <c>## Goals</c> section after the insights (the goals of the repository's config
    /// checked by <c>lifecycle report</c>); none when null, as in the document the close commits.
    /// </param>
    public static string Render(Handoff handoff, TimeZoneInfo? zone = null, IReadOnlyList<string>? goals = null)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var text = new DocText(zone);
        var lines = new List<string> { $"# Session {handoff.SessionId} Lifecycle Report", "" };
        Summary(lines, handoff, text);
        Work(lines, handoff, text);
        Analysis(lines, handoff, text);
        Continuity(lines, handoff);
        Insights(lines, handoff);
        if (goals is { Count: > 0 })
        {
            lines.Add("## Goals");
            lines.AddRange(goals);
            lines.Add("");
        }

        Health(lines, handoff);
        return DocText.Lines(lines);
    }

    private static void Summary(List<string> lines, Handoff handoff, DocText text)
    {
        var dates = text.Date(handoff.StartTime) == text.Date(handoff.EndTime)
            ? $"{text.Date(handoff.StartTime)} (times in {text.ZoneName})"
            : $"{text.Date(handoff.StartTime)} to {text.Date(handoff.EndTime)} (times in {text.ZoneName})";
        lines.AddRange(
        [
            "## Session Summary",
            $"- **Duration**: {DocText.Span(handoff.EndTime - handoff.StartTime)} ({text.Clock(handoff.StartTime)} - {text.ClockSince(handoff.EndTime, handoff.StartTime)})",
            $"- **Date**: {dates}",
            $"- **State Transitions**: {Transitions(handoff)}",
            $"- **Productivity Score**: {DocText.Score(handoff.ProductivityScore, handoff.Metrics.ScoreUnavailableReason)}",
        ]);
        if (handoff.RanBy is { } ranBy)
        {
            lines.Add($"- **Ran By**: {DocText.OneLine(ranBy.Describe())}");
        }

        if (handoff.HandoffTo is { } to)
        {
            lines.Add($"- **Handoff For**: {DocText.OneLine(to)}");
        }

        lines.Add("");
    }

    /// <summary>DORMANT → INITIALIZING (2m) → ACTIVE (2h 33m) → CLOSING (2m) → DORMANT; ACTIVE is left out when it was never reached.</summary>
    internal static string Transitions(Handoff handoff)
    {
        var setupEnd = handoff.ActiveSince ?? handoff.ClosingSince;
        var states = new List<string> { "DORMANT", $"INITIALIZING ({DocText.Span(setupEnd - handoff.StartTime)})" };
        if (handoff.ActiveSince is { } active)
        {
            states.Add($"ACTIVE ({DocText.Span(handoff.ClosingSince - active)})");
        }

        states.Add($"CLOSING ({DocText.Span(handoff.EndTime - handoff.ClosingSince)})");
        states.Add("DORMANT");
        return string.Join(" → ", states);
    }

    private static void Work(List<string> lines, Handoff handoff, DocText text)
    {
        var work = handoff.WorkCompleted;
        var json = Path.GetFileName(SessionDocs.For(null, handoff.SessionId).HandoffJson);
        lines.Add("## Work Completed");
        lines.Add($"### Commits ({work.Commits.Count})");
        lines.AddRange(work.Commits.Count == 0
            ? ["- None"]
            : LongList.Ends(work.Commits, (c, i) => $"{i + 1}. {DocText.OneLine(c.Message)} ({text.ClockSince(c.Time, handoff.StartTime)})", "commits", json));
        lines.Add("");

        var total = work.CompletedTasks.Count + handoff.OpenItems.Count;
        lines.Add($"### Tasks ({work.CompletedTasks.Count}/{total} completed)");
        lines.AddRange(total == 0
            ? ["- None"]
            : work.CompletedTasks.Select(t => $"- ✅ {DocText.OneLine(t.Title)}").Concat(handoff.OpenItems.Select(OpenTask)));
        lines.Add("");

        lines.Add($"### Files Modified ({work.Files.Count})");
        lines.AddRange(work.Files.Count == 0
            ? ["- None"]
            : LongList.Files(work.Files, f => $"- {DocText.OneLine(f.Path)} ({DocText.Count(f.Lines, "line")}{HandoffMarkdown.KindNote(f)}{(f.PutAway ? ", put away" : "")})", json));
        lines.Add("");
    }

    private static string OpenTask(SessionTask task) => task.Status == SessionTaskStatus.Blocked
        ? $"- ⏸️ {DocText.OneLine(task.Title)} (blocked: {DocText.OneLine(task.BlockedReason ?? "no reason given")})"
        : $"- ⏳ {DocText.OneLine(task.Title)} (open, priority {task.Priority})";

    private static void Analysis(List<string> lines, Handoff handoff, DocText text)
    {
        var m = handoff.Metrics;
        var working = m.ActiveTime + m.IdleTime;
        var efficiency = working == 0 ? "no working time" : $"{DocText.Percent(m.ActiveTime / working)} efficiency";
        var done = handoff.WorkCompleted.CompletedTasks.Count;
        var total = done + handoff.OpenItems.Count;
        var coverage = m.TestCoverageDelta is { } delta
            ? $"{(delta * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)} points"
            : $"unavailable ({m.TestCoverageUnavailableReason ?? "not measured"})";
        var debt = $"{m.TechnicalDebtDelta.ToString("+0;-0;0", CultureInfo.InvariantCulture)} marker{(Math.Abs(m.TechnicalDebtDelta) == 1 ? "" : "s")}";
        lines.AddRange(
        [
            "## Productivity Analysis",
            "### Efficiency Breakdown",
            $"- Setup: {DocText.Minutes(m.SetupTime)}",
            $"- Active: {DocText.Minutes(m.ActiveTime)} ({efficiency})",
            $"- Idle: {DocText.Minutes(m.IdleTime)} ({DocText.Count(m.InterruptionCount, "interruption")})",
            "",
            "### Quality Metrics",
            $"- Documentation Ratio: {DocText.Percent(m.DocumentationRatio)}",
            $"- Test Coverage Delta: {coverage}",
            $"- Technical Debt Delta: {debt}",
            $"- Completeness: {(total == 0 ? "n/a (no tasks)" : $"{DocText.Percent((double)done / total)} ({done}/{total} tasks)")}",
            "",
            "### Flow Analysis",
            $"- Interruptions: {m.InterruptionCount}",
            $"- Context Switches: {m.ContextSwitches}",
            $"- Focus Score: {(m.FocusScore * 10).ToString("0.0", CultureInfo.InvariantCulture)}/10",
            "",
        ]);
        if (handoff.Errors.Count > 0)
        {
            var json = Path.GetFileName(SessionDocs.For(null, handoff.SessionId).HandoffJson);
            lines.Add($"### Errors ({handoff.Errors.Count})");
            lines.AddRange(LongList.Ends(handoff.Errors, (e, _) => $"- {text.ClockSince(e.Time, handoff.StartTime)} {DocText.OneLine(e.Message)}", "errors", json));
            lines.Add("");
        }
    }

    private static void Continuity(List<string> lines, Handoff handoff)
    {
        var docs = SessionDocs.For(null, handoff.SessionId);
        lines.Add("## Continuity Setup");
        lines.Add($"### For Session {handoff.NextSession}");
        lines.Add($"- **Branch**: {handoff.Branch ?? "unknown"}{(handoff.HeadSha is null ? "" : $" (at {DocText.Short(handoff.HeadSha)})")}");
        lines.Add($"- **Open Tasks**: {handoff.OpenItems.Count}");
        lines.AddRange(handoff.OpenItems.Select(t => $"  - {DocText.OneLine(t.Title)}"));
        lines.Add($"- **Blockers**: {handoff.Blockers.Count}");
        lines.AddRange(handoff.Blockers.Select(b => $"  - {DocText.OneLine(b)}"));
        lines.Add($"- **Work Put Away**: {HandoffMarkdown.PutAway(handoff.Stash)}");
        lines.Add($"- **Strategy**: {HandoffMarkdown.Strategy(handoff.Continuation)}");
        lines.Add($"- **Context Preserved**: {Preserved(handoff.Stash)}");
        lines.Add($"- **Handoff Generated**: ✅ ({Path.GetFileName(docs.Handoff)})");
        lines.Add("");
    }

    private static string Preserved(StashedWork? stash) => stash is { Skipped.Count: > 0 }
        ? $"⚠️ {DocText.Count(stash.Skipped.Count, "path")} left in place: {LongList.Names(stash.Skipped)}"
        : "✅";

    private static void Insights(List<string> lines, Handoff handoff)
    {
        lines.Add("## Insights & Recommendations");
        var items = handoff.Insights.Select(DocText.OneLine)
            .Append($"**Suggestion**: {DocText.OneLine(handoff.NextActions.FirstOrDefault() ?? "Start new work.")}");
        lines.AddRange(items.Select((item, i) => $"{i + 1}. {item}"));
        lines.Add("");
    }

    private static void Health(List<string> lines, Handoff handoff)
    {
        var health = handoff.Health;
        lines.Add("## System Health Delta");
        lines.Add($"- Start Consensus: {DocText.Percent(health.StartConsensus)}");
        lines.Add($"- End Consensus: {(health.EndConsensus is { } end ? DocText.Percent(end) : "not checked")}");
        lines.Add($"- Health Status: {HandoffMarkdown.Status(health.Status)}");
        if (health.AgentsAtClose.Count > 0)
        {
            lines.Add($"- Checks at Close: {string.Join(", ", health.AgentsAtClose.Select(a => $"{a.Key} {DocText.Percent(a.Value)}"))}");
        }
    }
}
