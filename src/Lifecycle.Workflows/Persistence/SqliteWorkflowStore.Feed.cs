using Lifecycle.Workflows.Journal;

namespace Lifecycle.Workflows.Persistence;

/// <summary>The journal as a feed: committed entries after a store-wide position (see <see cref="IJournalFeed"/>).</summary>
public sealed partial class SqliteWorkflowStore
{
    public async Task<IReadOnlyList<FeedEntry>> ReadAfterAsync(JournalPosition after, string? instanceId, string? workflowId, int maxSegments,
        CancellationToken cancellationToken)
    {
        // The segment of 'after' is read again for its entries past after.Sequence.
        var sql = """
            SELECT j.Position, j.InstanceId, i.DefinitionId, j.Entries
            FROM WorkflowJournal j JOIN WorkflowInstances i ON i.Id = j.InstanceId
            WHERE j.Position >= $segment
            """ +
                  (instanceId is null ? "" : " AND j.InstanceId = $instanceId") +
                  (workflowId is null ? "" : " AND i.DefinitionId = $workflowId") +
                  " ORDER BY j.Position LIMIT $limit";
        await using var connection = _database.Open();
        var segments = await connection.Command(sql, ("$segment", after.Segment), ("$instanceId", instanceId), ("$workflowId", workflowId), ("$limit", maxSegments))
            .ReadAllAsync(r => (Position: r.GetInt64(0), InstanceId: r.GetString(1), WorkflowId: r.GetString(2), Entries: r.GetFieldValue<byte[]>(3)),
                cancellationToken);
        var entries = new List<FeedEntry>();
        foreach (var segment in segments)
        {
            foreach (var entry in JournalCompression.Decompress(segment.Entries))
            {
                var position = new JournalPosition(segment.Position, entry.Sequence);
                if (position > after)
                {
                    entries.Add(new FeedEntry(position, segment.InstanceId, segment.WorkflowId, entry));
                }
            }
        }

        return entries;
    }

    public async Task<JournalPosition> HeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        var head = await connection.Command("SELECT Position, LastSequence FROM WorkflowJournal ORDER BY Position DESC LIMIT 1")
            .ReadAllAsync(r => new JournalPosition(r.GetInt64(0), r.GetInt64(1)), cancellationToken);
        return head.Count == 0 ? JournalPosition.Start : head[0];
    }
}
