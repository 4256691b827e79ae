using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Lifecycle.Workflows.Persistence;

public sealed partial class SqliteWorkflowStore
{
    public async Task InsertAsync(WorkflowExecution execution, string? owner, CancellationToken cancellationToken)
    {
        // The journal of a new instance waits for its next save: one row less in this commit, and
        // the instance row alone is what recovery needs.
        var record = ToRecord(execution, owner, writesJournal: false);
        record.Revision = 1;
        await WriteAsync(w =>
        {
            w.Insert(record, execution.Bookmarks);
            return true;
        }, cancellationToken);
        execution.Revision = record.Revision;
        execution.StoredBookmarks = execution.Bookmarks.Count;
    }

    public async Task SaveAsync(WorkflowExecution execution, string? owner, CancellationToken cancellationToken)
    {
        var record = ToRecord(execution, owner, writesJournal: true);
        record.Revision = execution.Revision + 1;
        var pending = execution.PendingJournal;
        var journal = pending.Count == 0
            ? null
            : new JournalSegmentRecord
            {
                InstanceId = execution.InstanceId,
                FirstSequence = pending[0].Sequence,
                LastSequence = pending[^1].Sequence,
                Entries = JournalCompression.Compress(pending),
            };
        var saved = await WriteAsync(w => w.Update(record, execution.Revision, execution.StoredBookmarks > 0, execution.Bookmarks, journal), cancellationToken);
        if (!saved)
        {
            throw new ConcurrencyConflictException(execution.InstanceId);
        }

        execution.Revision = record.Revision;
        execution.StoredBookmarks = execution.Bookmarks.Count;
        execution.MarkJournalPersisted();
    }

    public async Task<StoredInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = Open();
        var record = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        return record is null
            ? null
            : new StoredInstance(record.Id, record.DefinitionId, record.Version, Enum.Parse<WorkflowStatus>(record.Status),
                record.Error, record.FaultActivityId, record.FaultCode, record.CreatedAt, record.UpdatedAt, record.FinishedAt,
                record.Revision, record.JournalSequence, record.Owner, record.Snapshot);
    }

    public async Task<bool> HasBookmarksAsync(string instanceId, IReadOnlyCollection<int> bookmarkIds, CancellationToken cancellationToken)
    {
        await using var db = Open();
        return await db.Bookmarks.AnyAsync(b => b.InstanceId == instanceId && bookmarkIds.Contains(b.BookmarkId), cancellationToken);
    }

    public async Task FaultAsync(StoredInstance stored, string error, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = Open();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await db.Instances.FirstOrDefaultAsync(i => i.Id == stored.Id && i.Revision == stored.Revision, cancellationToken);
        if (record is null)
        {
            return;
        }

        record.Status = nameof(WorkflowStatus.Faulted);
        record.Error = error;
        record.FaultActivityId = "$.root";
        record.UpdatedAt = at;
        record.FinishedAt = at;
        record.Owner = null;
        record.Revision++;
        record.JournalSequence++;
        var entry = new JournalEntry(record.JournalSequence, at, "$.root", "Workflow", JournalEvent.Faulted, error);
        db.Journal.Add(new JournalSegmentRecord
        {
            InstanceId = record.Id,
            FirstSequence = entry.Sequence,
            LastSequence = entry.Sequence,
            Entries = JournalCompression.Compress([entry]),
        });
        await db.Bookmarks.Where(b => b.InstanceId == stored.Id).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task ReleaseAsync(string instanceId, long revision, CancellationToken cancellationToken)
    {
        await using var db = Open();
        await db.Instances.Where(i => i.Id == instanceId && i.Revision == revision)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Owner, (string?)null), cancellationToken);
    }

    public async Task<IReadOnlyList<BookmarkMatch>> FindBookmarksAsync(string eventName, string? correlation, string? instanceId, CancellationToken cancellationToken)
    {
        await using var db = Open();
        var query = db.Bookmarks.AsNoTracking().Where(b => b.Event == eventName);
        query = correlation is null
            ? query.Where(b => b.Correlation == null)
            : query.Where(b => b.Correlation == null || b.Correlation == correlation);
        if (instanceId is not null)
        {
            query = query.Where(b => b.InstanceId == instanceId);
        }

        return await query.OrderBy(b => b.InstanceId).ThenBy(b => b.BookmarkId)
            .Select(b => new BookmarkMatch(b.InstanceId, b.BookmarkId)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<BookmarkMatch>> FindDueTimersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = Open();
        return await db.Bookmarks.AsNoTracking()
            .Where(b => b.Event == Bookmark.TimerEvent && b.DueAt != null && b.DueAt <= now)
            .OrderBy(b => b.DueAt)
            .Select(b => new BookmarkMatch(b.InstanceId, b.BookmarkId))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(string InstanceId, string? Owner)>> FindRunningAsync(CancellationToken cancellationToken)
    {
        var running = nameof(WorkflowStatus.Running);
        await using var db = Open();
        var rows = await db.Instances.AsNoTracking().Where(i => i.Status == running)
            .Select(i => new { i.Id, i.Owner }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Owner)).ToList();
    }

    public async Task<IReadOnlyList<InstanceSummary>> ListInstancesAsync(WorkflowStatus? status, string? workflowId, int limit, CancellationToken cancellationToken)
    {
        await using var db = Open();
        var query = db.Instances.AsNoTracking();
        if (status is { } s)
        {
            var name = s.ToString();
            query = query.Where(i => i.Status == name);
        }

        if (workflowId is not null)
        {
            query = query.Where(i => i.DefinitionId == workflowId);
        }

        var records = await query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(limit).ToListAsync(cancellationToken);
        var ids = records.Select(r => r.Id).ToList();
        var bookmarks = await db.Bookmarks.AsNoTracking().Where(b => ids.Contains(b.InstanceId)).ToListAsync(cancellationToken);
        return records.Select(r => ToSummary(r, bookmarks.Where(b => b.InstanceId == r.Id))).ToList();
    }

    public async Task<InstanceSummary?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = Open();
        var record = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var bookmarks = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instanceId).ToListAsync(cancellationToken);
        return ToSummary(record, bookmarks);
    }

    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence, CancellationToken cancellationToken)
    {
        await using var db = Open();
        var segments = await db.Journal.AsNoTracking()
            .Where(j => j.InstanceId == instanceId && j.LastSequence > afterSequence)
            .OrderBy(j => j.FirstSequence)
            .Select(j => j.Entries)
            .ToListAsync(cancellationToken);
        return segments
            .SelectMany(JournalCompression.Decompress)
            .Where(e => e.Sequence > afterSequence)
            .ToList();
    }

    private static InstanceSummary ToSummary(InstanceRecord record, IEnumerable<BookmarkRecord> bookmarks) =>
        new(record.Id, record.DefinitionId, record.Version, Enum.Parse<WorkflowStatus>(record.Status), record.CreatedAt,
            record.UpdatedAt, record.FinishedAt, record.Error, JsonNode.Parse(record.Outputs)?.AsObject() ?? [],
            bookmarks.OrderBy(b => b.BookmarkId).Select(b => new BookmarkSummary(b.Event, b.ActivityId, b.Correlation, b.DueAt)).ToList());

    private static InstanceRecord ToRecord(WorkflowExecution execution, string? owner, bool writesJournal) => new()
    {
        Id = execution.InstanceId,
        DefinitionId = execution.Definition.Id,
        Version = execution.Definition.Version,
        Status = execution.Status.ToString(),
        Error = execution.Fault?.Message,
        FaultActivityId = execution.Fault?.ActivityId,
        FaultCode = execution.Fault?.Code,
        CreatedAt = execution.CreatedAt,
        UpdatedAt = execution.UpdatedAt,
        FinishedAt = execution.FinishedAt,
        Outputs = execution.Outputs.ToJsonString(WorkflowJson.Options),
        Snapshot = WorkflowRunner.Snapshot(execution),
        Owner = execution.Status == WorkflowStatus.Running ? owner : null,
        JournalSequence = writesJournal ? execution.JournalSequence : execution.JournalSequence - execution.PendingJournal.Count,
    };

}
