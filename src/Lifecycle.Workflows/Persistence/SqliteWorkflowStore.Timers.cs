using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Workflows.Persistence;

public sealed partial class SqliteWorkflowStore
{
    public async Task<IReadOnlyList<TimerMatch>> FindTimersAsync(CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        return await connection.Command($"""
            SELECT InstanceId, BookmarkId, DueAt FROM WorkflowBookmarks
            WHERE Event = '{Bookmark.TimerEvent}' AND DueAt IS NOT NULL
            ORDER BY DueAt, InstanceId, BookmarkId
            """).ReadAllAsync(r => new TimerMatch(r.GetString(0), r.GetInt32(1), r.GetTime(2)), cancellationToken);
    }
}
