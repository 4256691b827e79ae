using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Microsoft.Data.Sqlite;

namespace Lifecycle.Workflows.Persistence;

public sealed partial class SqliteWorkflowStore
{
    public async Task InsertAsync(WorkflowExecution execution, string? owner, CancellationToken cancellationToken)
    {
        // The journal of a new instance waits for its next save: one row less in this commit, and
        // the instance row alone is what recovery needs.
        using var span = CommandTrace.Begin("store: insert");
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

    public Task SaveAsync(WorkflowExecution execution, string? owner, CancellationToken cancellationToken) =>
        WriteInstanceAsync(execution, owner, durable: true, cancellationToken);

    public Task CheckpointAsync(WorkflowExecution execution, string? owner, CancellationToken cancellationToken) =>
        WriteInstanceAsync(execution, owner, durable: false, cancellationToken);

    private async Task WriteInstanceAsync(WorkflowExecution execution, string? owner, bool durable, CancellationToken cancellationToken)
    {
        using var span = CommandTrace.Begin(durable ? "store: save" : "store: checkpoint");
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
        var saved = await WriteAsync(w => w.Update(record, execution.Revision, execution.StoredBookmarks > 0, execution.Bookmarks, journal, durable), cancellationToken);
        if (!saved)
        {
            throw new ConcurrencyConflictException(execution.InstanceId);
        }

        execution.Revision = record.Revision;
        execution.StoredBookmarks = execution.Bookmarks.Count;
        execution.MarkJournalPersisted();
        if (journal is not null)
        {
            _journalCommits?.Notify();
        }
    }

    public async Task<StoredInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        var record = await SelectInstance(connection, instanceId).ReadFirstAsync(WorkflowRows.Instance, cancellationToken);
        return record is null
            ? null
            : new StoredInstance(record.Id, record.DefinitionId, record.Version, Enum.Parse<WorkflowStatus>(record.Status),
                record.Error, record.FaultActivityId, record.FaultCode, record.CreatedAt, record.UpdatedAt, record.FinishedAt,
                record.Revision, record.JournalSequence, record.Owner, record.Snapshot);
    }

    public async Task<bool> HasBookmarksAsync(string instanceId, IReadOnlyCollection<int> bookmarkIds, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.Command("""
            SELECT EXISTS (SELECT 1 FROM WorkflowBookmarks WHERE InstanceId = $id AND BookmarkId IN ($bookmarkIds))
            """, ("$id", instanceId)).WithList("$bookmarkIds", bookmarkIds);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    public async Task FaultAsync(StoredInstance stored, string error, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();

        // BEGIN IMMEDIATE: nobody writes the instance between the revision check and the update.
        await using var transaction = connection.BeginTransaction(deferred: false);
        long journalSequence;
        await using (var select = transaction.Command("SELECT JournalSequence FROM WorkflowInstances WHERE Id = $id AND Revision = $revision LIMIT 1",
                         ("$id", stored.Id), ("$revision", stored.Revision)))
        {
            if (await select.ExecuteScalarAsync(cancellationToken) is not long sequence)
            {
                return;
            }

            journalSequence = sequence + 1;
        }

        await ExecuteAsync(transaction.Command("DELETE FROM WorkflowBookmarks WHERE InstanceId = $id", ("$id", stored.Id)), cancellationToken);
        await ExecuteAsync(transaction.Command("""
            UPDATE WorkflowInstances
            SET Status = $status, Error = $error, FaultActivityId = '$.root', UpdatedAt = $at, FinishedAt = $at, Owner = NULL,
                Revision = $revision + 1, JournalSequence = $journalSequence
            WHERE Id = $id AND Revision = $revision
            """, ("$id", stored.Id), ("$revision", stored.Revision), ("$status", nameof(WorkflowStatus.Faulted)), ("$error", error),
            ("$at", StoredTime.ToStored(at)), ("$journalSequence", journalSequence)), cancellationToken);
        var entry = new JournalEntry(journalSequence, at, "$.root", "Workflow", JournalEvent.Faulted, error);
        await ExecuteAsync(transaction.Command("""
            INSERT INTO WorkflowJournal (InstanceId, FirstSequence, LastSequence, Entries) VALUES ($id, $sequence, $sequence, $entries)
            """, ("$id", stored.Id), ("$sequence", entry.Sequence), ("$entries", JournalCompression.Compress([entry]))), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _journalCommits?.Notify();
    }

    public async Task ReleaseAsync(string instanceId, long revision, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await ExecuteAsync(connection.Command("UPDATE WorkflowInstances SET Owner = NULL WHERE Id = $id AND Revision = $revision",
            ("$id", instanceId), ("$revision", revision)), cancellationToken);
    }

    public Task<IReadOnlyList<BookmarkMatch>> FindBookmarksAsync(string eventName, string? correlation, string? instanceId, CancellationToken cancellationToken)
    {
        var sql = "SELECT InstanceId, BookmarkId FROM WorkflowBookmarks WHERE Event = $event" +
                  (correlation is null ? " AND Correlation IS NULL" : " AND (Correlation IS NULL OR Correlation = $correlation)") +
                  (instanceId is null ? "" : " AND InstanceId = $instanceId") +
                  " ORDER BY InstanceId, BookmarkId";
        // Asked for every recorded event: one of four constant statements, kept prepared.
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<BookmarkMatch>>(
            _database.ReadPrepared(sql, [("$event", eventName), ("$correlation", correlation), ("$instanceId", instanceId)], ReadMatch));
    }

    public async Task<IReadOnlyList<BookmarkMatch>> FindDueTimersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        return await connection.Command($"""
            SELECT InstanceId, BookmarkId FROM WorkflowBookmarks
            WHERE Event = '{Bookmark.TimerEvent}' AND DueAt IS NOT NULL AND DueAt <= $now
            ORDER BY DueAt
            """, ("$now", StoredTime.ToStored(now))).ReadAllAsync(ReadMatch, cancellationToken);
    }

    public async Task<IReadOnlyList<(string InstanceId, string? Owner)>> FindRunningAsync(CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        var rows = await connection.Command("SELECT Id, Owner FROM WorkflowInstances WHERE Status = $running", ("$running", nameof(WorkflowStatus.Running)))
            .ReadAllAsync(r => new RunningRow(r.GetString(0), r.GetNullableString(1)), cancellationToken);
        return rows.Select(r => (r.Id, r.Owner)).ToList();
    }

    public async Task<IReadOnlyList<InstanceSummary>> ListInstancesAsync(WorkflowStatus? status, string? workflowId, int limit, CancellationToken cancellationToken)
    {
        var filters = new List<string>();
        if (status is not null)
        {
            filters.Add("Status = $status");
        }

        if (workflowId is not null)
        {
            filters.Add("DefinitionId = $workflowId");
        }

        var sql = $"SELECT {WorkflowRows.InstanceColumns} FROM WorkflowInstances" +
                  (filters.Count == 0 ? "" : " WHERE " + string.Join(" AND ", filters)) +
                  " ORDER BY CreatedAt DESC, Id DESC LIMIT $limit";
        await using var connection = _database.Open();
        var records = await connection.Command(sql, ("$status", status?.ToString()), ("$workflowId", workflowId), ("$limit", limit))
            .ReadAllAsync(WorkflowRows.Instance, cancellationToken);
        var ids = records.Select(r => r.Id).ToList();
        var bookmarks = await connection.Command($"SELECT {WorkflowRows.BookmarkColumns} FROM WorkflowBookmarks WHERE InstanceId IN ($ids)")
            .WithList("$ids", ids)
            .ReadAllAsync(WorkflowRows.Bookmark, cancellationToken);
        return records.Select(r => ToSummary(r, bookmarks.Where(b => b.InstanceId == r.Id))).ToList();
    }

    public async Task<InstanceSummary?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        var record = await SelectInstance(connection, instanceId).ReadFirstAsync(WorkflowRows.Instance, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var bookmarks = await connection.Command($"SELECT {WorkflowRows.BookmarkColumns} FROM WorkflowBookmarks WHERE InstanceId = $id", ("$id", instanceId))
            .ReadAllAsync(WorkflowRows.Bookmark, cancellationToken);
        return ToSummary(record, bookmarks);
    }

    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        var segments = await connection.Command("""
            SELECT Entries FROM WorkflowJournal WHERE InstanceId = $id AND LastSequence > $after ORDER BY FirstSequence
            """, ("$id", instanceId), ("$after", afterSequence)).ReadAllAsync(r => r.GetFieldValue<byte[]>(0), cancellationToken);
        return segments
            .SelectMany(JournalCompression.Decompress)
            .Where(e => e.Sequence > afterSequence)
            .ToList();
    }

    private static SqliteCommand SelectInstance(SqliteConnection connection, string instanceId) =>
        connection.Command($"SELECT {WorkflowRows.InstanceColumns} FROM WorkflowInstances WHERE Id = $id LIMIT 1", ("$id", instanceId));

    private static BookmarkMatch ReadMatch(SqliteDataReader r) => new(r.GetString(0), r.GetInt32(1));

    private static async Task ExecuteAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
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
        Correlation = execution.Correlation ?? execution.Bookmarks.FirstOrDefault(b => b.Correlation is not null)?.Correlation,
    };

    private sealed record RunningRow(string Id, string? Owner);
}
