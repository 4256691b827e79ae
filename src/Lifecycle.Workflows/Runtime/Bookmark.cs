namespace Lifecycle.Workflows.Runtime;

/// <summary>
/// A suspended activity waiting for a stimulus: an event (optionally correlated) or a timer.
/// </summary>
/// <param name="Id">Unique within the instance.</param>
/// <param name="FrameId">The frame to resume.</param>
/// <param name="Event">The event name; <see cref="TimerEvent"/> for timers.</param>
/// <param name="Correlation">When set, only a stimulus with the same correlation matches.</param>
/// <param name="DueAt">For timers: when it fires.</param>
/// <param name="ActivityId">The waiting activity's id (or path), for listings.</param>
public sealed record Bookmark(int Id, int FrameId, string Event, string? Correlation, DateTimeOffset? DueAt, string ActivityId)
{
    /// <summary>The event name of timer bookmarks.</summary>
    public const string TimerEvent = "$timer";

    public bool IsTimer => Event == TimerEvent;
}
