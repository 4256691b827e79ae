using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Prediction;

/// <summary>
/// How long done tasks took, from the task events of every session: from the task's first
/// <c>task_added</c> or <c>task_switched</c> to its last <c>task_completed</c>, counting only the time
/// inside sessions (a task added on Friday and done on Monday morning took the hours worked, not
/// the weekend).
/// </summary>
public static class TaskEffortHistory
{
    /// <summary>The done tasks' efforts, in the order they were done.</summary>
    /// <param name="sessions">Every session, oldest first.</param>
    /// <param name="events">The task events of those sessions (any order).</param>
    /// <param name="now">The end of a session still open.</param>
    public static IReadOnlyList<TaskEffortSample> From(IReadOnlyList<SessionContext> sessions, IEnumerable<SessionEvent> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(events);
        var spans = sessions.Select(s => (Start: s.StartTime, End: s.EndTime ?? now)).Where(s => s.End > s.Start).ToList();
        var samples = new List<TaskEffortSample>();
        foreach (var task in events.Where(e => TaskOf(e) is not null).GroupBy(e => TaskOf(e)!, StringComparer.OrdinalIgnoreCase))
        {
            var began = task.Where(e => e.Type is SessionEventTypes.TaskAdded or SessionEventTypes.TaskSwitched).Select(e => (DateTimeOffset?)e.Timestamp).Min();
            var done = task.Where(e => e.Type == SessionEventTypes.TaskCompleted).MaxBy(e => e.Timestamp);
            var reopened = task.Any(e => e.Type == SessionEventTypes.TaskReopened && done is not null && e.Timestamp > done.Timestamp);
            if (began is not { } start || done is null || reopened || done.Timestamp < start)
            {
                continue;
            }

            var minutes = spans.Sum(s => Overlap(start, done.Timestamp, s.Start, s.End));
            var priority = task.Select(e => e.Data?["priority"]?.GetValue<int?>()).LastOrDefault(p => p is not null) ?? Tasks.SessionTask.DefaultPriority;
            samples.Add(new TaskEffortSample(task.Key, priority, minutes, done.Timestamp));
        }

        return [.. samples.OrderBy(s => s.Done)];
    }

    /// <summary>The task events' types: what this history reads.</summary>
    public static readonly IReadOnlyList<string> Types =
        [SessionEventTypes.TaskAdded, SessionEventTypes.TaskSwitched, SessionEventTypes.TaskCompleted, SessionEventTypes.TaskReopened];

    private static string? TaskOf(SessionEvent e) =>
        Types.Contains(e.Type) && e.Data?["task"] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var id) ? id.Trim() : null;

    private static double Overlap(DateTimeOffset start, DateTimeOffset end, DateTimeOffset sessionStart, DateTimeOffset sessionEnd)
    {
        var from = start > sessionStart ? start : sessionStart;
        var to = end < sessionEnd ? end : sessionEnd;
        return to > from ? (to - from).TotalMinutes : 0;
    }
}
