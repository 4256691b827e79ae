using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Server.Reports;

/// <summary>
/// A closed session's timeline from its handoff (the state transitions' times, its commits) and its
/// recorded events: task changes, errors, and the idle gaps (a gap between activity longer than the
/// idle threshold, measured as the productivity metrics measure it).
/// </summary>
public static class SessionTimeline
{
    /// <summary>The entries in time order.</summary>
    public static IReadOnlyList<TimelineEntry> Build(Handoff handoff, IReadOnlyList<SessionEvent> events, TimeSpan idleThreshold)
    {
        var start = handoff.StartTime;
        var entries = new List<TimelineEntry>();
        void Add(DateTimeOffset at, string kind, string label, double? minutes = null) =>
            entries.Add(new TimelineEntry(at, ReportNumbers.Round((at - start).TotalMinutes), kind, Lifecycle.Activities.Redaction.SecretRedactor.Redact(label).Text, minutes is { } m ? ReportNumbers.Round(m) : null));

        var setupEnd = handoff.ActiveSince ?? handoff.ClosingSince;
        Add(start, TimelineKinds.State, "INITIALIZING", (setupEnd - start).TotalMinutes);
        if (handoff.ActiveSince is { } active)
        {
            Add(active, TimelineKinds.State, "ACTIVE", (handoff.ClosingSince - active).TotalMinutes);
        }

        Add(handoff.ClosingSince, TimelineKinds.State, "CLOSING", (handoff.EndTime - handoff.ClosingSince).TotalMinutes);
        // The commits the close found in git (a commit made without its hook has no event), at their commit times.
        foreach (var commit in handoff.WorkCompleted.Commits)
        {
            Add(commit.Time < start ? start : commit.Time, TimelineKinds.Commit, $"{commit.Sha[..Math.Min(7, commit.Sha.Length)]} {commit.Message.ReplaceLineEndings(" ").Trim()}");
        }

        foreach (var recorded in events)
        {
            switch (recorded.Type)
            {
                case SessionEventTypes.ErrorOccurred:
                    Add(recorded.Timestamp, TimelineKinds.Error, SessionError.From([recorded])[0].Message);
                    break;
                case var type when type.StartsWith("task_", StringComparison.Ordinal):
                    var task = Text(recorded, "task");
                    var title = Text(recorded, "title");
                    Add(recorded.Timestamp, TimelineKinds.Task, $"{type["task_".Length..].Replace('_', ' ')}{(task is null ? "" : $" {task}")}{(title is null ? "" : $": {title}")}");
                    break;
            }
        }

        if (handoff.ActiveSince is { } from)
        {
            var previous = from;
            var moments = events.SelectMany(HeartbeatPulse.ActivityTimes).Where(t => t > from && t < handoff.ClosingSince).Order().Append(handoff.ClosingSince);
            foreach (var moment in moments)
            {
                if (moment - previous > idleThreshold)
                {
                    Add(previous, TimelineKinds.Idle, $"idle {DocMinutes(moment - previous)}", (moment - previous).TotalMinutes);
                }

                previous = moment;
            }
        }

        return [.. entries.OrderBy(e => e.At).ThenBy(e => TimelineKinds.All.ToList().IndexOf(e.Kind))];
    }

    private static string DocMinutes(TimeSpan span) => $"{Math.Round(span.TotalMinutes)} min";

    private static string? Text(SessionEvent recorded, string key) =>
        recorded.Data?[key] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)
            ? text.ReplaceLineEndings(" ").Trim()
            : null;
}
