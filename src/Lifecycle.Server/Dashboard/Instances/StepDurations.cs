using Lifecycle.Workflows.Journal;

namespace Lifecycle.Server.Dashboard.Instances;

/// <summary>
/// How long each step took: from an activity's Started entry to the Completed, Faulted or
/// Interrupted entry that ends it, matched per activity (innermost start first, as loops start the
/// same activity again only after it ended).
/// </summary>
public static class StepDurations
{
    /// <summary>
    /// The duration of each entry of <paramref name="page"/> that ends a step, by sequence.
    /// <paramref name="before"/> are the entries just before the page, read only to find the starts
    /// of steps that end on it.
    /// </summary>
    public static IReadOnlyDictionary<long, TimeSpan> Of(IEnumerable<JournalEntry> before, IReadOnlyList<JournalEntry> page)
    {
        var open = new Dictionary<string, Stack<DateTimeOffset>>(StringComparer.Ordinal);
        var durations = new Dictionary<long, TimeSpan>();
        foreach (var entry in before.Concat(page))
        {
            switch (entry.Event)
            {
                case JournalEvent.Started:
                    if (!open.TryGetValue(entry.ActivityId, out var starts))
                    {
                        open[entry.ActivityId] = starts = new Stack<DateTimeOffset>();
                    }

                    starts.Push(entry.Timestamp);
                    break;
                case JournalEvent.Completed or JournalEvent.Faulted or JournalEvent.Interrupted:
                    if (open.TryGetValue(entry.ActivityId, out var pending) && pending.TryPop(out var started))
                    {
                        durations[entry.Sequence] = entry.Timestamp - started;
                    }

                    break;
            }
        }

        return durations;
    }

    /// <summary>A duration as people read it: 850 ms, 12.3 s, 4 min 05 s, 2 h 03 min, 3 d 4 h.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        return duration.TotalSeconds switch
        {
            < 1 => $"{(int)duration.TotalMilliseconds} ms",
            < 60 => $"{duration.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s",
            < 3600 => $"{(int)duration.TotalMinutes} min {duration.Seconds:00} s",
            < 86400 => $"{(int)duration.TotalHours} h {duration.Minutes:00} min",
            _ => $"{(int)duration.TotalDays} d {duration.Hours} h",
        };
    }
}
