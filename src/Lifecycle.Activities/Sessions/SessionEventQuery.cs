namespace Lifecycle.Activities.Sessions;

/// <summary>
/// Which of a session's events to read, a page at a time: of one type, within a time range
/// (inclusive <paramref name="Since"/>, exclusive <paramref name="Until"/>), in the order recorded.
/// </summary>
/// <param name="SessionId">The session.</param>
/// <param name="Type">Only events of this type; null for all.</param>
/// <param name="Since">Only events at or after this time; null for no lower bound.</param>
/// <param name="Until">Only events before this time; null for no upper bound.</param>
/// <param name="Offset">How many matching events to skip.</param>
/// <param name="Limit">At most this many events.</param>
/// <param name="AfterSequence">Only events recorded after the one with this sequence (a stream resuming); null for all.</param>
public sealed record SessionEventQuery(string SessionId, string? Type = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null, int Offset = 0, int Limit = 100, long? AfterSequence = null)
{
    /// <summary>True when <paramref name="recorded"/> is one the query asks for (paging aside).</summary>
    public bool Matches(SessionEvent recorded) =>
        recorded.SessionId == SessionId
        && (Type is null || recorded.Type == Type)
        && (Since is not { } since || recorded.Timestamp >= since)
        && (Until is not { } until || recorded.Timestamp < until)
        && (AfterSequence is not { } after || recorded.Sequence > after);
}
