using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Reality;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Activities.Handoff;

/// <summary>
/// The entries of the session log, one factory per thing that happens; pure text, no clock (the
/// caller passes the time). Lists in an entry are cut after ten names ("…, and 12 more").
/// </summary>
public static class SessionLogEntries
{
    /// <summary>
    /// The entry for a recorded event: <c>[commit] a1b2c3d subject (on main)</c>,
    /// <c>[branch] switched to feature from main</c>, <c>[error] message</c>, <c>[file] path</c>,
    /// <c>[heartbeat] …</c>, the task commands' events (<c>[task] added T5 (priority 1): title</c>,
    /// <c>done</c>, <c>blocked … (reason)</c>, <c>edited</c>, <c>reopened</c>, <c>removed</c>,
    /// <c>switched to</c>, from their <c>task</c>, <c>title</c>, <c>priority</c> and <c>reason</c>);
    /// any other type is <c>[event] type key=value …</c>.
    /// </summary>
    public static SessionLogEntry Event(SessionEvent sessionEvent)
    {
        ArgumentNullException.ThrowIfNull(sessionEvent);
        var data = sessionEvent.Data;
        var time = sessionEvent.Timestamp;
        return sessionEvent.Type switch
        {
            SessionEventTypes.GitCommit => new(time, SessionLogEntryKind.Commit, Commit(data)),
            SessionEventTypes.BranchSwitched => new(time, SessionLogEntryKind.Branch, BranchSwitch(data)),
            SessionEventTypes.ErrorOccurred => new(time, SessionLogEntryKind.Error, SessionError.MessageOf(sessionEvent)),
            SessionEventTypes.FileModified => new(time, SessionLogEntryKind.File, Text(data, "path") ?? "a file changed (no path given)"),
            SessionEventTypes.Heartbeat => new(time, SessionLogEntryKind.Heartbeat, Text(data, "message") ?? "still working"),
            SessionEventTypes.TaskAdded => new(time, SessionLogEntryKind.Task, $"added {TaskOf(data, withPriority: true)}"),
            SessionEventTypes.TaskCompleted => new(time, SessionLogEntryKind.Task, $"done {TaskOf(data)}"),
            SessionEventTypes.TaskBlocked => new(time, SessionLogEntryKind.Task, $"blocked {TaskOf(data)} ({Text(data, "reason") ?? "no reason given"})"),
            SessionEventTypes.TaskEdited => new(time, SessionLogEntryKind.Task, $"edited {TaskOf(data, withPriority: true)}"),
            SessionEventTypes.TaskReopened => new(time, SessionLogEntryKind.Task, $"reopened {TaskOf(data)}"),
            SessionEventTypes.TaskRemoved => new(time, SessionLogEntryKind.Task, $"removed {TaskOf(data)}"),
            SessionEventTypes.TaskSwitched => new(time, SessionLogEntryKind.Task, $"switched to {TaskOf(data)}"),
            SessionEventTypes.TaskAssigned => new(time, SessionLogEntryKind.Task,
                Text(data, "assignee") is { } assignee ? $"assigned {TaskOf(data)} to {assignee}" : $"unassigned {TaskOf(data)}"),
            SessionEventTypes.Note => new(time, SessionLogEntryKind.Note, Text(data, "message") ?? "(empty note)"),
            SessionEventTypes.Reminder => new(time, SessionLogEntryKind.Note, $"reminder: {Text(data, "message") ?? Text(data, "kind") ?? "(no message)"}"),
            _ => new(time, SessionLogEntryKind.Event, sessionEvent.Type + Pairs(data)),
        };
    }

    /// <summary><c>[task] added T5 (priority 1): title</c>.</summary>
    public static SessionLogEntry TaskAdded(DateTimeOffset time, SessionTask task) =>
        new(time, SessionLogEntryKind.Task, $"added {Described(task)}");

    /// <summary><c>[task] done T5: title</c>.</summary>
    public static SessionLogEntry TaskDone(DateTimeOffset time, SessionTask task) =>
        new(time, SessionLogEntryKind.Task, $"done {task.Id}: {task.Title}");

    /// <summary><c>[task] blocked T4: title (reason)</c>.</summary>
    public static SessionLogEntry TaskBlocked(DateTimeOffset time, SessionTask task) =>
        new(time, SessionLogEntryKind.Task, $"blocked {task.Id}: {task.Title} ({task.BlockedReason ?? "no reason given"})");

    /// <summary><c>[task] edited T3 (priority 2, open): title</c>: the task as it is after the edit.</summary>
    public static SessionLogEntry TaskEdited(DateTimeOffset time, SessionTask task) =>
        new(time, SessionLogEntryKind.Task, $"edited {task.Id} (priority {task.Priority}, {Status(task)}): {task.Title}");

    /// <summary><c>[checkpoint] state saved: ACTIVE, 3 open tasks, 1 blocker</c>.</summary>
    public static SessionLogEntry Checkpoint(DateTimeOffset time, SessionContext session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new(time, SessionLogEntryKind.Checkpoint,
            $"state saved: {session.State.ToString().ToUpperInvariant()}, {DocText.Count(session.OpenTasks.Count, "open task")}, {DocText.Count(session.AllBlockers().Count, "blocker")}");
    }

    /// <summary><c>[note] text</c>.</summary>
    public static SessionLogEntry Note(DateTimeOffset time, string text) => new(time, SessionLogEntryKind.Note, text);

    /// <summary><c>[start] session 00004 started on branch main after session 00003</c>, at the session's start time.</summary>
    public static SessionLogEntry Start(SessionContext session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var after = session.PreviousSession is { } previous ? $"after session {previous}" : "(first session)";
        return new(session.StartTime, SessionLogEntryKind.Start,
            $"session {session.SessionId} started on {SessionBranch.Describe(session.ActiveBranch, session.DetachedHead, session.StartSha)} {after}");
    }

    /// <summary>
    /// The reality check: <c>[reality] consensus 97% at start: build 91%, git 100%</c>, then one
    /// entry per agent below 100% that said why (<c>[reality] build 0%: exited with code 1: …</c>).
    /// </summary>
    public static IReadOnlyList<SessionLogEntry> Reality(DateTimeOffset time, double consensus, IReadOnlyList<AgentReport> agents, bool atClose)
    {
        ArgumentNullException.ThrowIfNull(agents);
        var when = atClose ? "at close (quick check)" : "at start";
        var each = agents.Count == 0 ? " (no agents ran)" : ": " + string.Join(", ", agents.Select(a => $"{a.Name} {DocText.Percent(a.Health)}"));
        var entries = new List<SessionLogEntry> { new(time, SessionLogEntryKind.Reality, $"consensus {DocText.Percent(consensus)} {when}{each}") };
        entries.AddRange(agents.Where(a => a.Health < 1 && !string.IsNullOrWhiteSpace(a.Reason)).Select(a =>
            new SessionLogEntry(time, SessionLogEntryKind.Reality, $"{a.Name} {DocText.Percent(a.Health)}: {a.Reason}")));
        return entries;
    }

    /// <summary><c>[override] text</c>, e.g. a rule overridden with --force, or an action confirmed with --yes.</summary>
    public static SessionLogEntry Override(DateTimeOffset time, string text) => new(time, SessionLogEntryKind.Override, text);

    /// <summary>
    /// What the start did with the previous session's stash (the <c>RestoreStash</c> status and
    /// files); null when there was nothing to restore.
    /// </summary>
    public static SessionLogEntry? Restore(DateTimeOffset time, string status, IReadOnlyList<string> files, string? previousSession)
    {
        ArgumentNullException.ThrowIfNull(files);
        var whose = previousSession is null ? "the previous session" : $"session {previousSession}";
        var text = status switch
        {
            "restored" => $"restored {DocText.Count(files.Count, "file")} put away by {whose}: {LongList.Names(files)}",
            "partial" => $"restored {DocText.Count(files.Count, "file")} put away by {whose}, but not all: the stash is kept (see the blockers): {LongList.Names(files)}",
            "conflict" => $"not restored: the stash of {whose} is kept, because {DocText.Count(files.Count, "file")} changed since it was made: {LongList.Names(files)}",
            "skipped" => $"restore skipped: the stash of {whose}, if any, stays in 'git stash list'",
            _ => null,
        };
        return text is null ? null : new(time, SessionLogEntryKind.Stash, text);
    }

    /// <summary>What the close did with uncommitted work: put away in the stash, left in the work tree, or nothing to do.</summary>
    public static SessionLogEntry PutAway(DateTimeOffset time, SessionContext session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var text = session.PutAway is { } stash
            ? $"put away {DocText.Count(stash.Files.Count, "file")} ({DocText.Count(stash.LinesChanged, "line")}) in stash '{stash.Name}': {LongList.Names([.. stash.Files.Select(f => f.Path)])}"
                + (stash.Skipped.Count == 0 ? "" : $"; left in place: {LongList.Names(stash.Skipped)}")
            : session.UncommittedFiles.Count > 0
                ? $"nothing put away: {DocText.Count(session.UncommittedFiles.Count, "uncommitted file")} left in the work tree: {LongList.Names(session.UncommittedFiles)}"
                : "nothing to put away: no uncommitted work";
        return new(time, SessionLogEntryKind.Stash, text);
    }

    /// <summary><c>[close] handoff written: score 65/100, 3 commits, 2 tasks completed, 3 open items, 1 error</c> (or <c>not scored (…)</c>).</summary>
    public static SessionLogEntry Close(DateTimeOffset time, Handoff handoff)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var work = handoff.WorkCompleted;
        return new(time, SessionLogEntryKind.Close,
            $"handoff written: {(handoff.ProductivityScore is { } score ? $"score {DocText.Score(score)}" : DocText.Score(null, handoff.Metrics.ScoreUnavailableReason))}, "
            + $"{DocText.Count(work.Commits.Count, "commit")}, {DocText.Count(work.TasksCompleted, "task")} completed, "
            + $"{DocText.Count(handoff.OpenItems.Count, "open item")}, {DocText.Count(handoff.Errors.Count, "error")}");
    }

    private static string Described(SessionTask task) => $"{task.Id} (priority {task.Priority}): {task.Title}";

    private static string Status(SessionTask task) => task.Status switch
    {
        SessionTaskStatus.Done => "done",
        SessionTaskStatus.Blocked => $"blocked: {task.BlockedReason ?? "no reason given"}",
        _ => "open",
    };

    // "T5 (priority 1): title", "T5: title" or "T5", as much as the event's data tells.
    private static string TaskOf(JsonObject? data, bool withPriority = false)
    {
        var id = Text(data, "task") ?? "a task";
        var priority = withPriority && data?["priority"] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? $" (priority {value.ToJsonString()})"
            : "";
        return Text(data, "title") is { } title ? $"{id}{priority}: {title}" : id + priority;
    }

    private static string Commit(JsonObject? data)
    {
        var sha = Text(data, "sha");
        var subject = Text(data, "message") ?? Text(data, "subject");
        var branch = Text(data, "branch") is { } name ? $" (on {name})" : "";
        return (sha, subject) switch
        {
            (null, null) => $"a commit (no sha given){branch}",
            (null, _) => $"{subject}{branch}",
            (_, null) => $"{DocText.Short(sha)}{branch}",
            _ => $"{DocText.Short(sha)} {subject}{branch}",
        };
    }

    // The post-checkout hook gives the commits before and after (from, to) and the branch now
    // checked out (branch); fromBranch/toBranch win when the recorder knows them.
    private static string BranchSwitch(JsonObject? data)
    {
        var to = Text(data, "toBranch") ?? Text(data, "branch") ?? (Text(data, "to") is { } toSha ? DocText.Short(toSha) : null);
        var from = Text(data, "fromBranch") ?? (Text(data, "from") is { } fromSha ? DocText.Short(fromSha) : null);
        return (to, from) switch
        {
            (null, null) => "switched branch",
            (_, null) => $"switched to {to}",
            (null, _) => $"switched from {from}",
            _ => $"switched to {to} from {from}",
        };
    }

    private static string? Text(JsonObject? data, string key) =>
        data?[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    private static string Pairs(JsonObject? data) => data is { Count: > 0 } values
        ? " " + string.Join(" ", values.Select(pair => $"{pair.Key}={Value(pair.Value)}"))
        : "";

    private static string Value(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
