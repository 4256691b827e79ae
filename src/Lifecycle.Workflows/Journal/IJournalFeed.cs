namespace Lifecycle.Workflows.Journal;

/// <summary>
/// "The journal entries written since X", for watching the history live. Only committed entries
/// are read, from any process that writes the store.
/// </summary>
/// <remarks>
/// On SQLite, writers commit one at a time, so positions become visible in increasing order and a
/// reader that saw position P will never later see a smaller one. A store whose writers commit
/// concurrently (PostgreSQL) must give the same guarantee, or a notification that replaces polling.
/// </remarks>
public interface IJournalFeed
{
    /// <summary>
    /// Entries after <paramref name="after"/>, in position order, of instances that match the
    /// filters (null for any), from at most <paramref name="maxSegments"/> segments.
    /// </summary>
    Task<IReadOnlyList<FeedEntry>> ReadAfterAsync(JournalPosition after, string? instanceId, string? workflowId, int maxSegments, CancellationToken cancellationToken);

    /// <summary>The position of the last entry written so far (<see cref="JournalPosition.Start"/> when none).</summary>
    Task<JournalPosition> HeadAsync(CancellationToken cancellationToken);
}
