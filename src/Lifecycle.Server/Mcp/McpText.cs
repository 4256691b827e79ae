using Lifecycle.Activities;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;
using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Mcp;

/// <summary>
/// What the tools answer, in the CLI's words: an agent reads the same lines a person reads at the
/// terminal, so the docs and the agent's context never disagree.
/// </summary>
public static class McpText
{
    /// <summary>The refusal for a call that needs an ACTIVE session, with what to do.</summary>
    public const string NoActiveSession = "No session is active; nothing was recorded. Start one with 'lifecycle start' (MCP tool 'start').";

    /// <summary><c>Added T3: title</c>, and a line when the task carries over because the session is not ACTIVE (as <c>task add</c> prints).</summary>
    public static string Task(string verb, TaskChange change)
    {
        var task = change.Task;
        var line = $"{verb} {task.Id}: {task.Title}{(task.BlockedReason is null ? "" : $" (blocked: {task.BlockedReason})")}";
        return change.SessionState switch
        {
            SessionState.Active => line,
            SessionState.Closing => $"{line}\nSession {change.SessionId} is still closing (its end did not finish): its open tasks carry over to the next 'lifecycle start'.",
            _ => $"{line}\nSession {change.SessionId} is closed: its open tasks carry over to the next 'lifecycle start'.",
        };
    }

    /// <summary>One line per task: id, priority, status, title (<c>task list</c>'s table as lines).</summary>
    public static string Tasks(TaskListing listing)
    {
        if (listing.Tasks.Count == 0)
        {
            return $"Session {listing.SessionId} has no tasks. Add one with 'task_add'.";
        }

        return string.Join("\n", listing.Tasks.Select(listed =>
        {
            var (sessionId, task) = listed;
            var status = task.Status switch
            {
                SessionTaskStatus.Done => sessionId == listing.SessionId ? "done" : $"done in {sessionId}",
                SessionTaskStatus.Blocked => $"blocked: {task.BlockedReason}",
                _ => "open",
            };
            return $"{task.Id} (priority {task.Priority}, {status}): {task.Title}";
        }));
    }

    /// <summary>The session as <c>status</c> shows it: state, branch, counts, errors, open tasks, blockers.</summary>
    public static string Status(SessionStatus status)
    {
        var session = status.Session;
        var lines = new List<string>
        {
            $"Session {session.SessionId}: {session.State.ToString().ToUpperInvariant()} since {(session.State == SessionState.Dormant && session.EndTime is { } ended ? ended : session.ActiveSince ?? session.StartTime):O}"
            + (status.LastActivity is { } last ? $", last activity {last:O}" : ""),
            $"  branch: {status.Branch ?? session.ActiveBranch ?? "-"}   previous: {session.PreviousSession ?? "-"}",
            $"  commits: {session.Commits}, files modified: {session.FilesModified}, lines changed: {session.LinesChanged}, uncommitted now: {session.UncommittedFiles.Count}",
            $"  events: {status.Events}   errors: {status.Errors.Count}",
        };
        if (session.State == SessionState.Closing)
        {
            lines.Add("  its close did not finish: run 'lifecycle end' (MCP tool 'end') to finish it.");
        }

        lines.AddRange(status.Errors.TakeLast(3).Select(e => $"  error at {e.Timestamp:O}: {e.Data?["message"]}"));
        lines.AddRange(session.OpenTasks.Select(t => $"  task {t.Id} (priority {t.Priority}): {t.Title}{(t.BlockedReason is null ? "" : $" [blocked: {t.BlockedReason}]")}"));
        lines.AddRange(session.Blockers.Select(b => $"  blocker: {b}"));
        lines.AddRange(Reminders(status).Select(r => $"  reminder: {r}"));
        return string.Join("\n", lines);
    }

    /// <summary>The reminders due now (time left, timebox ended, a break), as <c>status</c> shows them.</summary>
    public static IReadOnlyList<string> Reminders(SessionStatus status) =>
        [.. status.Timing?.Reminders.Select(r => r.Message) ?? []];

    /// <summary>
    /// The handoff an agent continues from, as Markdown (<c>SESSION-NNNNN-HANDOFF.md</c>): the
    /// latest closed session's, that is the previous one's while a session is ACTIVE.
    /// </summary>
    public static async Task<string> HandoffAsync(ISessionApi sessions, CancellationToken cancellationToken)
    {
        var session = (await sessions.StatusAsync(cancellationToken)).Session;
        var closed = session.State == SessionState.Dormant && session.EndTime is not null ? session.SessionId : session.PreviousSession;
        if (closed is null)
        {
            throw new SessionException("No session has ended yet, so there is no handoff; end one with 'lifecycle end'.", ErrorKind.NotFound);
        }

        var details = await sessions.ShowAsync(closed, cancellationToken);
        return details.Handoff is { } handoff
            ? HandoffMarkdown.Render(handoff)
            : throw new SessionException($"Session {closed}'s handoff cannot be read (its -HANDOFF.json is missing or damaged); 'lifecycle sessions show {closed}' shows what was recorded.", ErrorKind.NotFound);
    }
}
