using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Prediction;

/// <summary>
/// How long done tasks took, from the task events of every session: from the task's first
/// <c>task_added</c> or <c>task_switched</c> to its last <c>task_completed</c>, counting only the time
/// inside sessions (a task added on Friday and done on Monday morning took the hours worked, not
/// the weekend) and, where a session's activity is known, only its active time: a pause longer than
/// the idle threshold between two recorded events (commits, file saves, heartbeats, task changes)
/// is not counted, as the productivity metrics do not count it.
/// </summary>
public static class TaskEffortHistory
{
    /// <summary>The task events' types: what the windows are read from.</summary>
    public static readonly IReadOnlyList<string> Types =
        [SessionEventTypes.TaskAdded, SessionEventTypes.TaskSwitched, SessionEventTypes.TaskCompleted, SessionEventTypes.TaskReopened];

    /// <summary>Each done task's window: from when it was added (or first switched to) to when it was last done.</summary>
    /// <param name="events">The task events (any order, any sessions).</param>
    public static IReadOnlyList<(string TaskId, int Priority, DateTimeOffset Start, DateTimeOffset Done)> Windows(IEnumerable<SessionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var windows = new List<(string, int, DateTimeOffset, DateTimeOffset)>();
        foreach (var task in events.Where(e => TaskOf(e) is not null).GroupBy(e => TaskOf(e)!, StringComparer.OrdinalIgnoreCase))
        {
            var began = task.Where(e => e.Type is SessionEventTypes.TaskAdded or SessionEventTypes.TaskSwitched).Select(e => (DateTimeOffset?)e.Timestamp).Min();
            var done = task.Where(e => e.Type == SessionEventTypes.TaskCompleted).MaxBy(e => e.Timestamp);
            var reopened = task.Any(e => e.Type == SessionEventTypes.TaskReopened && done is not null && e.Timestamp > done.Timestamp);
            if (began is not { } start || done is null || reopened || done.Timestamp < start)
            {
                continue;
            }

            var priority = task.OrderBy(e => e.Timestamp).Select(e => e.Data?["priority"]?.GetValue<int?>()).LastOrDefault(p => p is not null) ?? Tasks.SessionTask.DefaultPriority;
            windows.Add((task.Key, priority, start, done.Timestamp));
        }

        return windows;
    }

    /// <summary>The done tasks' efforts, in the order they were done.</summary>
    /// <param name="sessions">Every session, oldest first.</param>
    /// <param name="events">The task events of those sessions (any order).</param>
    /// <param name="now">The end of a session still open.</param>
    /// <param name="activity">Each session's recorded event times, where known; a session without them counts its whole time.</param>
    /// <param name="idleThreshold">The longest pause that still counts as work (the configuration's idle threshold).</param>
    public static IReadOnlyList<TaskEffortSample> From(IReadOnlyList<SessionContext> sessions, IEnumerable<SessionEvent> events, DateTimeOffset now,
        IReadOnlyDictionary<string, IReadOnlyList<DateTimeOffset>>? activity = null, TimeSpan? idleThreshold = null)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var spans = sessions.Select(s => (s.SessionId, Start: s.StartTime, End: s.EndTime ?? now)).Where(s => s.End > s.Start).ToList();
        return [.. Windows(events)
            .Select(w => new TaskEffortSample(w.TaskId, w.Priority, spans.Sum(s => Worked(w.Start, w.Done, s.Start, s.End, activity?.GetValueOrDefault(s.SessionId), idleThreshold)), w.Done))
            .OrderBy(s => s.Done)];
    }

    /// <summary>True when the window of a done task overlaps the session from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public static bool Overlaps((string TaskId, int Priority, DateTimeOffset Start, DateTimeOffset Done) window, DateTimeOffset start, DateTimeOffset end) =>
        window.Start < end && window.Done > start;

    private static string? TaskOf(SessionEvent e) =>
        Types.Contains(e.Type) && e.Data?["task"] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var id) ? id.Trim() : null;

    /// <summary>The minutes of the window inside the session: all of them, or without activity data only the gaps up to the idle threshold.</summary>
    private static double Worked(DateTimeOffset start, DateTimeOffset end, DateTimeOffset sessionStart, DateTimeOffset sessionEnd,
        IReadOnlyList<DateTimeOffset>? moments, TimeSpan? idleThreshold)
    {
        var from = start > sessionStart ? start : sessionStart;
        var to = end < sessionEnd ? end : sessionEnd;
        if (to <= from)
        {
            return 0;
        }

        if (moments is null || idleThreshold is not { } threshold)
        {
            return (to - from).TotalMinutes;
        }

        var worked = TimeSpan.Zero;
        var previous = from;
        foreach (var moment in moments.Where(m => m > from && m < to).Order().Append(to))
        {
            var gap = moment - previous;
            worked += gap <= threshold ? gap : TimeSpan.Zero;
            previous = moment;
        }

        return worked.TotalMinutes;
    }
}
