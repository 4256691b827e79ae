using System.Text.Json.Nodes;
using Lifecycle.Workflows.History;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Microsoft.Data.Sqlite;

namespace Lifecycle.Workflows.Persistence;

/// <summary>The execution history: listings without the instances' data, journal pages, cancel, delete, retention.</summary>
public sealed partial class SqliteWorkflowStore
{
    private const string HeaderColumns = "Id, DefinitionId, Version, Status, Correlation, CreatedAt, UpdatedAt, FinishedAt, Error, FaultActivityId";

    private static readonly string[] EndedStatuses = [nameof(WorkflowStatus.Finished), nameof(WorkflowStatus.Faulted), nameof(WorkflowStatus.Cancelled)];

    public async Task<InstancePage> QueryInstancesAsync(InstanceFilter filter, InstanceCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        var (where, parameters) = Where(filter);
        long total;
        await using (var count = connection.Command($"SELECT COUNT(*) FROM WorkflowInstances{where}", parameters))
        {
            count.WithList("$statuses", filter.Statuses?.Select(s => s.ToString()) ?? []);
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        var page = where;
        if (after is { } cursor)
        {
            page += (where.Length == 0 ? " WHERE " : " AND ") + "(CreatedAt < $afterCreated OR (CreatedAt = $afterCreated AND Id < $afterId))";
            parameters = [.. parameters, ("$afterCreated", StoredTime.ToStored(cursor.CreatedAt)), ("$afterId", cursor.InstanceId)];
        }

        var rows = await connection.Command($"SELECT {HeaderColumns} FROM WorkflowInstances{page} ORDER BY CreatedAt DESC, Id DESC LIMIT $limit",
                [.. parameters, ("$limit", limit + 1)])
            .WithList("$statuses", filter.Statuses?.Select(s => s.ToString()) ?? [])
            .ReadAllAsync(ReadHeader, cancellationToken);
        var next = rows.Count > limit ? new InstanceCursor(rows[limit - 1].CreatedAt, rows[limit - 1].InstanceId).ToString() : null;
        return new InstancePage(rows.Take(limit).ToList(), total, next);
    }

    public async Task<InstanceDetails?> GetDetailsAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        var rows = await connection.Command($"SELECT {HeaderColumns}, Outputs, JournalSequence FROM WorkflowInstances WHERE Id = $id", ("$id", instanceId))
            .ReadAllAsync(r => (Header: ReadHeader(r), Outputs: r.GetString(10), Journal: r.GetInt64(11)), cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var row = rows[0];
        var bookmarks = await connection.Command($"SELECT {WorkflowRows.BookmarkColumns} FROM WorkflowBookmarks WHERE InstanceId = $id ORDER BY BookmarkId", ("$id", instanceId))
            .ReadAllAsync(WorkflowRows.Bookmark, cancellationToken);
        return new InstanceDetails(row.Header, JsonNode.Parse(row.Outputs)?.AsObject() ?? [],
            bookmarks.Select(b => new BookmarkSummary(b.Event, b.ActivityId, b.Correlation, b.DueAt)).ToList(), row.Journal);
    }

    public async Task<JournalPage> GetJournalPageAsync(JournalQuery query, CancellationToken cancellationToken)
    {
        // Segments are read a few at a time: a filter may skip most entries, and a page needs only enough.
        const int segmentsPerRead = 32;
        await using var connection = _database.Open();
        var entries = new List<JournalEntry>();
        var after = query.AfterSequence;
        while (true)
        {
            var segments = await connection.Command("""
                SELECT Entries FROM WorkflowJournal WHERE InstanceId = $id AND LastSequence > $after ORDER BY FirstSequence LIMIT $segments
                """, ("$id", query.InstanceId), ("$after", after), ("$segments", segmentsPerRead))
                .ReadAllAsync(r => r.GetFieldValue<byte[]>(0), cancellationToken);
            foreach (var entry in segments.SelectMany(JournalCompression.Decompress))
            {
                if (entry.Sequence <= after)
                {
                    continue;
                }

                after = entry.Sequence;
                if ((query.ActivityId is null || entry.ActivityId == query.ActivityId) && (query.Event is null || entry.Event == query.Event))
                {
                    entries.Add(entry);
                    if (entries.Count == query.Limit)
                    {
                        return new JournalPage(entries, await HasJournalAfterAsync(connection, query.InstanceId, after, cancellationToken) ? after : null);
                    }
                }
            }

            if (segments.Count < segmentsPerRead)
            {
                return new JournalPage(entries, null);
            }
        }
    }

    public async Task<IReadOnlyList<InstanceClaim>> GetClaimsAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        return await connection.Command("SELECT Id, DefinitionId, Status, Owner, Revision FROM WorkflowInstances WHERE Id IN ($ids)")
            .WithList("$ids", instanceIds)
            .ReadAllAsync(r => new InstanceClaim(r.GetString(0), r.GetString(1), Enum.Parse<WorkflowStatus>(r.GetString(2)), r.GetNullableString(3), r.GetInt64(4)),
                cancellationToken);
    }

    public async Task<bool> CancelAsync(InstanceClaim claim, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var transaction = connection.BeginTransaction(deferred: false);
        long journalSequence;
        await using (var select = transaction.Command("SELECT JournalSequence FROM WorkflowInstances WHERE Id = $id AND Revision = $revision",
                         ("$id", claim.InstanceId), ("$revision", claim.Revision)))
        {
            if (await select.ExecuteScalarAsync(cancellationToken) is not long sequence)
            {
                return false;
            }

            journalSequence = sequence + 1;
        }

        await ExecuteAsync(transaction.Command("DELETE FROM WorkflowBookmarks WHERE InstanceId = $id", ("$id", claim.InstanceId)), cancellationToken);
        await ExecuteAsync(transaction.Command("""
            UPDATE WorkflowInstances
            SET Status = $status, UpdatedAt = $at, FinishedAt = $at, Owner = NULL, Revision = $revision + 1, JournalSequence = $journalSequence
            WHERE Id = $id AND Revision = $revision
            """, ("$id", claim.InstanceId), ("$revision", claim.Revision), ("$status", nameof(WorkflowStatus.Cancelled)),
            ("$at", StoredTime.ToStored(at)), ("$journalSequence", journalSequence)), cancellationToken);
        var entry = new JournalEntry(journalSequence, at, "$.root", "Workflow", JournalEvent.Interrupted, $"Cancelled: {reason}");
        await ExecuteAsync(transaction.Command("""
            INSERT INTO WorkflowJournal (InstanceId, FirstSequence, LastSequence, Entries) VALUES ($id, $sequence, $sequence, $entries)
            """, ("$id", claim.InstanceId), ("$sequence", entry.Sequence), ("$entries", JournalCompression.Compress([entry]))), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _journalCommits?.Notify();
        return true;
    }

    public async Task<IReadOnlyList<string>> DeleteAsync(IReadOnlyCollection<InstanceClaim> claims, CancellationToken cancellationToken)
    {
        if (claims.Count == 0)
        {
            return [];
        }

        await using var connection = _database.Open();
        await using var transaction = connection.BeginTransaction(deferred: false);
        var deleted = new List<string>();
        foreach (var claim in claims)
        {
            await using var delete = transaction.Command("DELETE FROM WorkflowInstances WHERE Id = $id AND Revision = $revision",
                ("$id", claim.InstanceId), ("$revision", claim.Revision));
            if (await delete.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                deleted.Add(claim.InstanceId);
            }
        }

        await DeleteDependentsAsync(transaction, deleted, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    public async Task<int> DeleteEndedBeforeAsync(DateTimeOffset before, int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var transaction = connection.BeginTransaction(deferred: false);
        var ids = await transaction.Command("""
                SELECT Id FROM WorkflowInstances WHERE Status IN ($statuses) AND FinishedAt < $before LIMIT $batch
                """, ("$before", StoredTime.ToStored(before)), ("$batch", batchSize))
            .WithList("$statuses", EndedStatuses)
            .ReadAllAsync(r => r.GetString(0), cancellationToken);
        if (ids.Count > 0)
        {
            await ExecuteAsync(transaction.Command("DELETE FROM WorkflowInstances WHERE Id IN ($ids)").WithList("$ids", ids), cancellationToken);
            await DeleteDependentsAsync(transaction, ids, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ids.Count;
    }

    private static async Task DeleteDependentsAsync(SqliteTransaction transaction, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await ExecuteAsync(transaction.Command("DELETE FROM WorkflowJournal WHERE InstanceId IN ($ids)").WithList("$ids", ids), cancellationToken);
        await ExecuteAsync(transaction.Command("DELETE FROM WorkflowBookmarks WHERE InstanceId IN ($ids)").WithList("$ids", ids), cancellationToken);
    }

    private static async Task<bool> HasJournalAfterAsync(SqliteConnection connection, string instanceId, long after, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT EXISTS (SELECT 1 FROM WorkflowJournal WHERE InstanceId = $id AND LastSequence > $after)",
            ("$id", instanceId), ("$after", after));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    private static (string Sql, (string, object?)[] Parameters) Where(InstanceFilter filter)
    {
        var clauses = new List<string>();
        var parameters = new List<(string, object?)>();
        if (filter.Statuses is { Count: > 0 })
        {
            clauses.Add("Status IN ($statuses)");
        }

        void Add(object? value, string clause, string name)
        {
            if (value is not null)
            {
                clauses.Add(clause);
                parameters.Add((name, value));
            }
        }

        Add(filter.WorkflowId, "DefinitionId = $workflowId", "$workflowId");
        Add(filter.Version, "Version = $version", "$version");
        Add(filter.Correlation, "Correlation = $correlation", "$correlation");
        Add(StoredTime.ToStored(filter.CreatedFrom), "CreatedAt >= $createdFrom", "$createdFrom");
        Add(StoredTime.ToStored(filter.CreatedTo), "CreatedAt < $createdTo", "$createdTo");
        Add(StoredTime.ToStored(filter.UpdatedFrom), "UpdatedAt >= $updatedFrom", "$updatedFrom");
        Add(StoredTime.ToStored(filter.UpdatedTo), "UpdatedAt < $updatedTo", "$updatedTo");
        return (clauses.Count == 0 ? "" : " WHERE " + string.Join(" AND ", clauses), parameters.ToArray());
    }

    private static InstanceHeader ReadHeader(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetInt32(2), Enum.Parse<WorkflowStatus>(r.GetString(3)), r.GetNullableString(4),
        r.GetTime(5), r.GetTime(6), r.GetNullableTime(7), r.GetNullableString(8), r.GetNullableString(9));
}
