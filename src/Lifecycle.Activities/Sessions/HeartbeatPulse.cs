using System.Text.Json.Nodes;

namespace Lifecycle.Activities.Sessions;

/// <summary>
/// Heartbeats merged as ActivityWatch merges them: a heartbeat that repeats the session's previous
/// event (a heartbeat with the same details) within <see cref="Window"/> of that one's end extends
/// it instead of adding a row. An agent that beats every few seconds for an hour leaves one row.
/// </summary>
/// <remarks>
/// <para>
/// Stored shape: the first heartbeat's row keeps its <see cref="SessionEvent.Timestamp"/> (when the
/// pulse began) and its details, plus <c>duration</c> (seconds from the first heartbeat to the last,
/// a number) and <c>heartbeats</c> (how many were merged, counting the first). A heartbeat that was
/// never merged has neither key. Its end is <c>Timestamp + duration</c>.
/// </para>
/// <para>
/// Not merged: a heartbeat after any other event of the session (a commit, a file save: the pulse
/// is "consecutive" heartbeats), with different details (another message), more than
/// <see cref="Window"/> after the previous pulse ended, or older than the pulse's start.
/// </para>
/// </remarks>
public static class HeartbeatPulse
{
    /// <summary>The pulse time: how long after a pulse's last heartbeat the next one still extends it.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(120);

    /// <summary>The details key holding a merged pulse's length in seconds.</summary>
    public const string DurationKey = "duration";

    /// <summary>The details key holding how many heartbeats a merged pulse is made of.</summary>
    public const string CountKey = "heartbeats";

    // Activity points inside a pulse are at most this far apart, below any idle threshold (whole minutes).
    private static readonly TimeSpan ActivityStep = TimeSpan.FromMinutes(1);

    /// <summary>How long the event lasted: a merged heartbeat's pulse, zero for anything else.</summary>
    public static TimeSpan DurationOf(SessionEvent recorded) =>
        recorded.Type == SessionEventTypes.Heartbeat && recorded.Data?[DurationKey] is JsonValue value && value.TryGetValue<double>(out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.Zero;

    /// <summary>When the event ended: its time plus <see cref="DurationOf"/>.</summary>
    public static DateTimeOffset EndOf(SessionEvent recorded) => recorded.Timestamp + DurationOf(recorded);

    /// <summary>
    /// The moments the session showed activity through this event: its time, and for a merged pulse
    /// a point every minute up to its end, so idle time is measured as if every heartbeat were stored.
    /// None for a reminder (<see cref="SessionEventTypes.ShowsActivity"/>): the server wrote it, not the user.
    /// </summary>
    public static IEnumerable<DateTimeOffset> ActivityTimes(SessionEvent recorded)
    {
        if (!SessionEventTypes.ShowsActivity(recorded.Type))
        {
            yield break;
        }

        var end = EndOf(recorded);
        for (var at = recorded.Timestamp; at < end; at += ActivityStep)
        {
            yield return at;
        }

        yield return end;
    }

    /// <summary>
    /// <paramref name="previous"/> extended by <paramref name="next"/> when they are one pulse;
    /// null when <paramref name="next"/> is a row of its own.
    /// </summary>
    /// <param name="previous">The session's latest stored event.</param>
    /// <param name="next">The event about to be stored in the same session.</param>
    public static SessionEvent? Merge(SessionEvent previous, SessionEvent next)
    {
        if (previous.Type != SessionEventTypes.Heartbeat || next.Type != SessionEventTypes.Heartbeat || previous.SessionId != next.SessionId ||
            next.Timestamp < previous.Timestamp || next.Timestamp > EndOf(previous) + Window || !SameDetails(previous.Data, next.Data))
        {
            return null;
        }

        var data = (JsonObject?)previous.Data?.DeepClone() ?? [];
        var count = data[CountKey] is JsonValue value && value.TryGetValue<long>(out var merged) ? merged : 1;
        var duration = next.Timestamp + DurationOf(next) - previous.Timestamp;
        data[DurationKey] = Math.Round((duration > DurationOf(previous) ? duration : DurationOf(previous)).TotalSeconds, 3);
        data[CountKey] = count + (next.Data?[CountKey] is JsonValue more && more.TryGetValue<long>(out var inNext) ? inNext : 1);
        return previous with { Data = data };
    }

    private static bool SameDetails(JsonObject? first, JsonObject? second) =>
        JsonNode.DeepEquals(Details(first), Details(second));

    private static JsonObject Details(JsonObject? data)
    {
        var details = new JsonObject();
        foreach (var (key, value) in data ?? [])
        {
            if (key is not (DurationKey or CountKey))
            {
                details[key] = value?.DeepClone();
            }
        }

        return details;
    }
}
