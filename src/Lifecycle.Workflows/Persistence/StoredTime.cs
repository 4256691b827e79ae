namespace Lifecycle.Workflows.Persistence;

/// <summary>
/// How both stores keep a <see cref="DateTimeOffset"/>: the INTEGER that EF Core's
/// <c>DateTimeOffsetToBinaryConverter</c> writes (the contexts configure it for every
/// DateTimeOffset), so rows written by EF Core and by the stores' SQL read the same.
/// </summary>
/// <remarks>
/// The clock time in units of 0.1 ms in the high bits and the offset in minutes in the low 11:
/// integers sort and compare as the times do when the offsets agree (all stored times are UTC).
/// Written out here rather than calling the converter, which would load EF Core and compile its
/// expression trees in every process.
/// </remarks>
public static class StoredTime
{
    /// <summary>The stored INTEGER for <paramref name="time"/> (sub-0.1 ms precision is dropped, as EF Core drops it).</summary>
    public static long ToStored(DateTimeOffset time) =>
        ((time.Ticks / 1000) << 11) | ((long)time.Offset.TotalMinutes & 0x7FF);

    public static long? ToStored(DateTimeOffset? time) => time is { } t ? ToStored(t) : null;

    /// <summary>The time a stored INTEGER stands for.</summary>
    public static DateTimeOffset FromStored(long stored) =>
        new(new DateTime((stored >> 11) * 1000), new TimeSpan(0, (int)((stored << 53) >> 53), 0));
}
