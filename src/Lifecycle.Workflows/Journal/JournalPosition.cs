using System.Globalization;

namespace Lifecycle.Workflows.Journal;

/// <summary>
/// Where an entry stands in the whole store's journal: its segment's store-wide position, then its
/// sequence in the instance. Strictly increasing in the order entries became durable, across
/// instances, so "everything after X" misses nothing and repeats nothing.
/// </summary>
/// <param name="Segment">The segment's position (see <see cref="Persistence.JournalSegmentRecord.Position"/>).</param>
/// <param name="Sequence">The entry's sequence in its instance's journal.</param>
public readonly record struct JournalPosition(long Segment, long Sequence) : IComparable<JournalPosition>
{
    /// <summary>Before every entry.</summary>
    public static JournalPosition Start { get; } = new(0, 0);

    public int CompareTo(JournalPosition other) =>
        Segment != other.Segment ? Segment.CompareTo(other.Segment) : Sequence.CompareTo(other.Sequence);

    public static bool operator <(JournalPosition left, JournalPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(JournalPosition left, JournalPosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(JournalPosition left, JournalPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(JournalPosition left, JournalPosition right) => left.CompareTo(right) >= 0;

    /// <summary>The position as an event id: <c>segment-sequence</c>.</summary>
    public override string ToString() =>
        $"{Segment.ToString(CultureInfo.InvariantCulture)}-{Sequence.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads a position made by <see cref="ToString"/>; false for anything else.</summary>
    public static bool TryParse(string? text, out JournalPosition position)
    {
        position = Start;
        var dash = text?.IndexOf('-') ?? -1;
        if (dash <= 0
            || !long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var segment)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }

        position = new JournalPosition(segment, sequence);
        return true;
    }
}
