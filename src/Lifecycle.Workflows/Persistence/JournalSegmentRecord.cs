namespace Lifecycle.Workflows.Persistence;

/// <summary>
/// The journal entries one persist wrote, as one compressed JSON array in one row: a run writes one row per
/// stretch instead of one per entry, which keeps journaling off the hot path.
/// </summary>
public sealed class JournalSegmentRecord
{
    /// <summary>
    /// Where the segment stands among every segment of the store, strictly increasing in commit
    /// order and never reused (AUTOINCREMENT); the live journal stream resumes after one.
    /// </summary>
    public long Position { get; set; }

    public required string InstanceId { get; set; }

    public long FirstSequence { get; set; }

    public long LastSequence { get; set; }

    /// <summary>The entries as a JSON array, deflated (see <see cref="JournalCompression"/>).</summary>
    public required byte[] Entries { get; set; }
}
