using Lifecycle.Activities.Continuity;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Activities.Handoff;

/// <summary>The <c>SESSION-NNNNN-HANDOFF.md</c> document: the handoff for the person (or agent) who takes over.</summary>
/// <remarks>
/// Sections: Summary, Note (only when there is one), What Was Done, Open Items, Blockers, Errors,
/// Next Actions, Continuity Setup. Times are in UTC unless a time zone is passed; the summary names
/// the zone. Long lists of commits, files and errors are summarised (see <see cref="LongList"/>);
/// the JSON document has them all.
/// </remarks>
public static class HandoffMarkdown
{
    /// <summary>The document's text (LF line endings, trailing newline).</summary>
    public static string Render(Handoff handoff, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var text = new DocText(zone);
        var work = handoff.WorkCompleted;
        var json = Path.GetFileName(SessionDocs.For(null, handoff.SessionId).HandoffJson);
        var lines = new List<string>
        {
            $"# Session {handoff.SessionId} Handoff",
            "",
            "## Summary",
            $"- **Session**: {handoff.SessionId} ({(handoff.PreviousSession is null ? "first session" : $"after {handoff.PreviousSession}")})",
            $"- **When**: {text.Period(handoff.StartTime, handoff.EndTime)} ({DocText.Span(handoff.EndTime - handoff.StartTime)})",
            $"- **Branch**: {SessionBranch.Name(handoff.Branch, handoff.DetachedHead, null)}{(handoff.HeadSha is null ? "" : $" at {DocText.Short(handoff.HeadSha)}")}",
            $"- **Productivity Score**: {DocText.Score(handoff.ProductivityScore, handoff.Metrics.ScoreUnavailableReason)}",
            $"- **Work**: {DocText.Count(work.Commits.Count, "commit")}, {DocText.Count(work.TasksCompleted, "task")} completed, "
                + $"{DocText.Count(work.FilesModified, "file")} modified, {DocText.Count(work.LinesChanged, "line")} changed",
        };
        if (handoff.RanBy is { } ranBy)
        {
            lines.Add($"- **Ran By**: {DocText.OneLine(ranBy.Describe())}");
        }

        if (handoff.HandoffTo is { } to)
        {
            lines.Add($"- **Handoff For**: {DocText.OneLine(to)}");
        }

        lines.Add("");

        if (handoff.Notes is { } notes)
        {
            lines.Add("## Note");
            lines.AddRange(notes.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'));
            lines.Add("");
        }

        lines.Add("## What Was Done");
        lines.Add($"### Commits ({work.Commits.Count})");
        lines.AddRange(work.Commits.Count == 0
            ? ["- None"]
            : LongList.Ends(work.Commits, (c, _) => $"- {DocText.Short(c.Sha)} {DocText.OneLine(c.Message)} ({text.ClockSince(c.Time, handoff.StartTime)})", "commits", json));
        lines.Add("");
        lines.Add($"### Tasks Completed ({work.CompletedTasks.Count})");
        lines.AddRange(work.CompletedTasks.Count == 0 ? ["- None"] : work.CompletedTasks.Select(t => $"- ✅ {t.Id}: {DocText.OneLine(t.Title)}"));
        lines.Add("");
        lines.Add($"### Files Modified ({work.Files.Count})");
        lines.AddRange(work.Files.Count == 0
            ? ["- None"]
            : LongList.Files(work.Files, f => $"- {DocText.OneLine(f.Path)} (+{f.Added} -{f.Deleted}{KindNote(f)}{(f.PutAway ? ", put away" : "")})", json));
        lines.Add("");

        lines.Add($"## Open Items ({handoff.OpenItems.Count})");
        lines.AddRange(handoff.OpenItems.Count == 0 ? ["- None"] : handoff.OpenItems.Select(OpenItem));
        lines.Add("");
        lines.Add($"## Blockers ({handoff.Blockers.Count})");
        lines.AddRange(handoff.Blockers.Count == 0 ? ["- None"] : handoff.Blockers.Select(b => $"- {DocText.OneLine(b)}"));
        lines.Add("");
        lines.Add($"## Errors ({handoff.Errors.Count})");
        lines.AddRange(handoff.Errors.Count == 0
            ? ["- None"]
            : LongList.Ends(handoff.Errors, (e, _) => $"- {text.ClockSince(e.Time, handoff.StartTime)} {DocText.OneLine(e.Message)}", "errors", json));
        lines.Add("");
        lines.Add("## Next Actions");
        lines.AddRange(handoff.NextActions.Select((a, i) => $"{i + 1}. {DocText.OneLine(a)}"));
        lines.Add("");

        lines.Add("## Continuity Setup");
        lines.Add($"- **Next Session**: {handoff.NextSession}");
        lines.Add($"- **Strategy**: {Strategy(handoff.Continuation)}");
        lines.Add($"- **Branch**: {SessionBranch.Name(handoff.Branch, handoff.DetachedHead, null)}");
        lines.Add($"- **Work Put Away**: {PutAway(handoff.Stash)}");
        lines.Add($"- **Health at Close**: {(handoff.Health.EndConsensus is { } end ? $"{DocText.Percent(end)} ({Status(handoff.Health.Status)})" : "not checked (no reality check at close)")}");
        return DocText.Lines(lines);
    }

    /// <summary>", added" for a file whose kind of change is known (", renamed from old/path.cs" for a rename); nothing otherwise.</summary>
    internal static string KindNote(HandoffFile file) =>
        file.Kind == Metrics.FileChangeKind.Unknown ? ""
        : file is { Kind: Metrics.FileChangeKind.Renamed, From: { } from } ? $", renamed from {DocText.OneLine(from)}"
        : $", {DocText.Kind(file.Kind)}";

    private static string OpenItem(SessionTask task) => task.Status == SessionTaskStatus.Blocked
        ? $"- ⏸️ {task.Id} (priority {task.Priority}{For(task)}, blocked: {DocText.OneLine(task.BlockedReason ?? "no reason given")}): {DocText.OneLine(task.Title)}"
        : $"- ⏳ {task.Id} (priority {task.Priority}{For(task)}): {DocText.OneLine(task.Title)}";

    // ", for dana" on a task with an assignee.
    private static string For(SessionTask task) => task.Assignee is { } assignee ? $", for {DocText.OneLine(assignee)}" : "";

    internal static string PutAway(StashedWork? stash) => stash is null || stash.Files.Count == 0
        ? "nothing"
        : $"{DocText.Count(stash.Files.Count, "file")} ({DocText.Count(stash.LinesChanged, "line")}) in stash '{stash.Name}', restored by name at the next start";

    internal static string Strategy(Continuation continuation)
    {
        var name = continuation.Strategy switch
        {
            WorkStrategy.ResolveBlockers => "RESOLVE_BLOCKERS",
            WorkStrategy.CompleteInProgress => "COMPLETE_IN_PROGRESS",
            WorkStrategy.ContinueTasks => "CONTINUE_TASKS",
            _ => "START_NEW_WORK",
        };
        return $"{name}: {DocText.OneLine(continuation.Reason)}";
    }

    internal static string Status(HealthStatus status) => status switch
    {
        HealthStatus.Stable => "STABLE ✅",
        HealthStatus.Degraded => "DEGRADED ⚠️",
        HealthStatus.Improved => "IMPROVED ⬆️",
        _ => "UNCHECKED (no reality check at close)",
    };
}
