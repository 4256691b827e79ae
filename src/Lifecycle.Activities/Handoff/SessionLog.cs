using System.Text.RegularExpressions;
using Lifecycle.Activities.Continuity;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Activities.Handoff;

/// <summary>
/// The <c>SESSION-NNNNN-LOG.md</c> document: a header written at start, one line per entry during the
/// session, and a closing section. Pure text functions; the caller writes or appends the file.
/// </summary>
/// <remarks>Times are in UTC unless a time zone is passed; the header names the zone.</remarks>
public static class SessionLog
{
    /// <summary>The log as created at start, ending with an empty <c>## Log</c> section to append entries to.</summary>
    /// <param name="context">The starting session (id, start time, branch, previous session, consensus, agents, tasks, blockers).</param>
    /// <param name="continuation">The mission: how this session continues the previous one.</param>
    /// <param name="warnings">Warnings raised at start (e.g. "Previous session missing handoff").</param>
    /// <param name="zone">The zone to show times in; UTC by default.</param>
    public static string Start(SessionContext context, Continuation continuation, IReadOnlyList<string> warnings, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(warnings);
        var text = new DocText(zone);
        var agents = context.AgentHealth.Count == 0
            ? ""
            : $" ({string.Join(", ", context.AgentHealth.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} {DocText.Percent(a.Value)}"))})";
        var open = context.OpenTasks;
        var blockers = context.AllBlockers();

        var lines = new List<string>
        {
            $"# Session {context.SessionId} Log",
            "",
            $"- **Started**: {text.DateTime(context.StartTime)} {text.ZoneName}",
            $"- **Branch**: {SessionBranch.Name(context.ActiveBranch, context.DetachedHead, context.StartSha)}",
            $"- **Previous Session**: {context.PreviousSession ?? "none (first session)"}",
            $"- **Reality Consensus**: {DocText.Percent(context.RealityConsensus)}{agents}",
            "",
            "## Mission",
            HandoffMarkdown.Strategy(continuation),
            "",
            $"## Open Tasks ({open.Count})",
        };
        lines.AddRange(open.Count == 0 ? ["- None"] : open.Select(t => $"- {t.Id} (priority {t.Priority}{(t.Status == SessionTaskStatus.Blocked ? ", blocked" : "")}): {DocText.OneLine(t.Title)}"));
        lines.Add("");
        lines.Add($"## Blockers ({blockers.Count})");
        lines.AddRange(blockers.Count == 0 ? ["- None"] : blockers.Select(b => $"- {DocText.OneLine(b)}"));
        lines.Add("");
        lines.Add($"## Warnings ({warnings.Count})");
        lines.AddRange(warnings.Count == 0 ? ["- None"] : warnings.Select(w => $"- {DocText.OneLine(w)}"));
        lines.Add("");
        lines.Add("## Log");
        return DocText.Lines(lines);
    }

    /// <summary>One log line, e.g. <c>- 2026-11-24 14:23:05 [event] git_commit sha=abc1234</c>, with its newline.</summary>
    public static string Entry(SessionLogEntry entry, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var kind = entry.Kind.ToString().ToLowerInvariant();
        return $"- {new DocText(zone).Stamp(entry.Time)} [{kind}] {DocText.OneLine(entry.Text)}\n";
    }

    /// <summary>The log with <paramref name="entry"/> appended (a missing final newline is added first).</summary>
    public static string Append(string log, SessionLogEntry entry, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        return EndLine(log) + Entry(entry, zone);
    }

    /// <summary>The heading the closing section starts with; nothing is appended after it.</summary>
    public const string ClosedHeading = "## Closed";

    /// <summary>
    /// The closing section, starting with a blank line, to append when the session closes: when it
    /// ended, score, work, files by folder, work put away, health, the documents, the docs commit
    /// and the errors recorded (the first and last ten when there are many).
    /// </summary>
    /// <param name="handoff">The closing session's handoff.</param>
    /// <param name="zone">The zone to show times in; UTC by default.</param>
    /// <param name="docsCommit">What happens to the documents, e.g. "committed with this log at close"; left out when null.</param>
    public static string Closing(Handoff handoff, TimeZoneInfo? zone = null, string? docsCommit = null)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var text = new DocText(zone);
        var docs = SessionDocs.For(null, handoff.SessionId);
        var work = handoff.WorkCompleted;
        var lines = new List<string>
        {
            "",
            ClosedHeading,
            $"- **Ended**: {text.DateTime(handoff.EndTime)} {text.ZoneName}",
            $"- **Duration**: {DocText.Span(handoff.EndTime - handoff.StartTime)}",
            $"- **Productivity Score**: {DocText.Score(handoff.ProductivityScore, handoff.Metrics.ScoreUnavailableReason)}",
            $"- **Work**: {DocText.Count(work.Commits.Count, "commit")}, {DocText.Count(work.TasksCompleted, "task")} completed, {DocText.Count(handoff.OpenItems.Count, "open item")}",
        };
        if (work.Files.Count > 0)
        {
            lines.Add($"- **Files Changed**: {work.Files.Count} ({LongList.ByFolder(work.Files.Select(f => f.Path))})");
        }

        lines.Add($"- **Work Put Away**: {HandoffMarkdown.PutAway(handoff.Stash)}");
        lines.Add($"- **Health Status**: {HandoffMarkdown.Status(handoff.Health.Status)}");
        lines.Add($"- **Handoff**: {Path.GetFileName(docs.Handoff)}, {Path.GetFileName(docs.HandoffJson)}, {Path.GetFileName(docs.Report)}");
        if (docsCommit is not null)
        {
            lines.Add($"- **Docs Commit**: {DocText.OneLine(docsCommit)}");
        }

        lines.Add($"- **Next Session**: {handoff.NextSession}");
        lines.Add($"- **Errors**: {handoff.Errors.Count}");
        lines.AddRange(LongList.Ends(handoff.Errors, (e, _) => $"  - {text.ClockSince(e.Time, handoff.StartTime)} {DocText.OneLine(e.Message)}", "errors", Path.GetFileName(docs.HandoffJson))
            .Select(line => line.StartsWith("- … ", StringComparison.Ordinal) ? "  " + line : line));
        return DocText.Lines(lines);
    }

    /// <summary>The log with the closing section appended.</summary>
    public static string Close(string log, Handoff handoff, TimeZoneInfo? zone = null, string? docsCommit = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        return EndLine(log) + Closing(handoff, zone, docsCommit);
    }

    /// <summary>The log without its closing section (from the last <see cref="ClosedHeading"/> line on), ending with a newline.</summary>
    public static string WithoutClosing(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var at = log.LastIndexOf("\n" + ClosedHeading + "\n", StringComparison.Ordinal);
        return at < 0 ? EndLine(log) : log[..(at + 1)].TrimEnd('\n') + "\n";
    }

    /// <summary>True when the log has its closing section: the session is over and nothing more is appended.</summary>
    public static bool IsClosed(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return log.Contains("\n" + ClosedHeading + "\n", StringComparison.Ordinal);
    }

    /// <summary>True when the log has an entry of <paramref name="kind"/> (e.g. the start's, or the close's).</summary>
    public static bool HasEntry(string log, SessionLogEntryKind kind)
    {
        ArgumentNullException.ThrowIfNull(log);
        var pattern = $@"^- \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d \[{kind.ToString().ToLowerInvariant()}\] ";
        return Regex.IsMatch(log, pattern, RegexOptions.Multiline | RegexOptions.CultureInvariant);
    }

    /// <summary>The lines of <paramref name="entries"/>, each with its newline.</summary>
    public static string Entries(IEnumerable<SessionLogEntry> entries, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return string.Concat(entries.Select(e => Entry(e, zone)));
    }

    private static string EndLine(string log) => log.Length == 0 || log.EndsWith('\n') ? log : log + "\n";
}
