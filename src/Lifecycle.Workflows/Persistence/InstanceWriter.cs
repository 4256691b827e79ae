using Lifecycle.Workflows.Runtime;
using Microsoft.Data.Sqlite;

namespace Lifecycle.Workflows.Persistence;

/// <summary>
/// The two writes on a workflow's run path (insert at start, save at every suspension and at the
/// end) as prepared statements on one connection kept open. EF Core's migrations define these
/// tables; the store's other queries are one-off commands on pooled connections.
/// </summary>
/// <remarks>
/// Measured on the persisted benchmark, EF Core spent about 100 µs of CPU per write (change
/// tracking or raw SQL alike) against about 100 µs for the durable commit itself; prepared
/// statements bring a run's two commits close to the disk's limit (docs/PERFORMANCE.md).
/// Not thread-safe: the store serializes callers.
/// </remarks>
internal sealed class InstanceWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _deleteBookmarks;
    private readonly SqliteCommand _insertBookmark;
    private readonly SqliteCommand _insertJournal;

    public InstanceWriter(SqliteDatabase database)
    {
        _connection = database.Open();
        _insert = Prepare("""
            INSERT INTO WorkflowInstances (Id, DefinitionId, Version, Status, Error, FaultActivityId, FaultCode, CreatedAt, UpdatedAt,
                FinishedAt, Outputs, Snapshot, Owner, Revision, JournalSequence, Correlation)
            VALUES ($id, $definitionId, $version, $status, $error, $faultActivityId, $faultCode, $createdAt, $updatedAt,
                $finishedAt, $outputs, $snapshot, $owner, $revision, $journalSequence, $correlation)
            """, "$id", "$definitionId", "$version", "$status", "$error", "$faultActivityId", "$faultCode", "$createdAt", "$updatedAt",
            "$finishedAt", "$outputs", "$snapshot", "$owner", "$revision", "$journalSequence", "$correlation");
        _update = Prepare("""
            UPDATE WorkflowInstances
            SET Status = $status, Error = $error, FaultActivityId = $faultActivityId, FaultCode = $faultCode, UpdatedAt = $updatedAt,
                FinishedAt = $finishedAt, Outputs = $outputs, Snapshot = $snapshot, Owner = $owner,
                Revision = $revision, JournalSequence = $journalSequence, Correlation = COALESCE(Correlation, $correlation)
            WHERE Id = $id AND Revision = $expectedRevision
            """, "$id", "$status", "$error", "$faultActivityId", "$faultCode", "$updatedAt", "$finishedAt", "$outputs", "$snapshot",
            "$owner", "$revision", "$journalSequence", "$expectedRevision", "$correlation");
        _deleteBookmarks = Prepare("DELETE FROM WorkflowBookmarks WHERE InstanceId = $id", "$id");
        _insertBookmark = Prepare("""
            INSERT INTO WorkflowBookmarks (InstanceId, BookmarkId, Event, Correlation, DueAt, ActivityId)
            VALUES ($id, $bookmarkId, $event, $correlation, $dueAt, $activityId)
            """, "$id", "$bookmarkId", "$event", "$correlation", "$dueAt", "$activityId");
        _insertJournal = Prepare("""
            INSERT INTO WorkflowJournal (InstanceId, FirstSequence, LastSequence, Entries)
            VALUES ($id, $first, $last, $entries)
            """, "$id", "$first", "$last", "$entries");
    }

    /// <summary>Writes a new instance row and its bookmarks in one durable transaction.</summary>
    public void Insert(InstanceRecord record, IReadOnlyList<Bookmark> bookmarks)
    {
        SqlitePragmas.SetSynchronous(_connection, durable: true);
        using var transaction = _connection.BeginTransaction();
        Execute(_insert, transaction,
            record.Id, record.DefinitionId, record.Version, record.Status, record.Error, record.FaultActivityId, record.FaultCode,
            Ticks(record.CreatedAt), Ticks(record.UpdatedAt), Ticks(record.FinishedAt), record.Outputs, record.Snapshot,
            record.Owner, record.Revision, record.JournalSequence, record.Correlation);
        InsertBookmarks(transaction, record.Id, bookmarks);
        transaction.Commit();
    }

    /// <summary>
    /// Updates the instance row if it is still at <paramref name="expectedRevision"/>, replaces its
    /// bookmarks and appends a journal segment, in one transaction. False when the revision moved.
    /// </summary>
    /// <remarks>
    /// With <c>durable</c> false (an intermediate checkpoint) the commit does not fsync (SQLite's
    /// <c>synchronous=NORMAL</c> in WAL mode): it survives a killed process, and a power cut once a
    /// later durable commit has synced the WAL, which holds every earlier commit too.
    /// </remarks>
    public bool Update(InstanceRecord record, long expectedRevision, bool deleteBookmarks, IReadOnlyList<Bookmark> bookmarks, JournalSegmentRecord? journal, bool durable = true)
    {
        SqlitePragmas.SetSynchronous(_connection, durable);
        using var transaction = _connection.BeginTransaction();
        var updated = Execute(_update, transaction,
            record.Id, record.Status, record.Error, record.FaultActivityId, record.FaultCode, Ticks(record.UpdatedAt), Ticks(record.FinishedAt),
            record.Outputs, record.Snapshot, record.Owner, record.Revision, record.JournalSequence, expectedRevision, record.Correlation);
        if (updated == 0)
        {
            transaction.Rollback();
            return false;
        }

        if (deleteBookmarks)
        {
            Execute(_deleteBookmarks, transaction, record.Id);
        }

        InsertBookmarks(transaction, record.Id, bookmarks);
        if (journal is not null)
        {
            Execute(_insertJournal, transaction, journal.InstanceId, journal.FirstSequence, journal.LastSequence, journal.Entries);
        }

        transaction.Commit();
        return true;
    }

    public void Dispose()
    {
        foreach (var command in new[] { _insert, _update, _deleteBookmarks, _insertBookmark, _insertJournal })
        {
            command.Dispose();
        }

        _connection.Dispose();
    }

    private void InsertBookmarks(SqliteTransaction transaction, string instanceId, IReadOnlyList<Bookmark> bookmarks)
    {
        foreach (var b in bookmarks)
        {
            Execute(_insertBookmark, transaction, instanceId, b.Id, b.Event, b.Correlation, Ticks(b.DueAt), b.ActivityId);
        }
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        command.Prepare();
        return command;
    }

    private static int Execute(SqliteCommand command, SqliteTransaction transaction, params object?[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command.ExecuteNonQuery();
    }

    private static long? Ticks(DateTimeOffset? time) => StoredTime.ToStored(time);
}
