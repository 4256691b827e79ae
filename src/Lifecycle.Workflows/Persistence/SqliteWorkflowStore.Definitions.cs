using Lifecycle.Workflows.Definitions;

namespace Lifecycle.Workflows.Persistence;

public sealed partial class SqliteWorkflowStore
{
    private const string SelectDefinitions = $"SELECT {WorkflowRows.DefinitionColumns} FROM WorkflowDefinitions";

    public async Task<(WorkflowDefinition Definition, bool Created)> PublishAsync(WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();

        // BEGIN IMMEDIATE takes the write lock before reading the latest version, so two processes
        // publishing at once cannot both add the same version: the second waits, then sees the first's.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var latest = await transaction.Command($"{SelectDefinitions} WHERE Id = $id ORDER BY Version DESC LIMIT 1", ("$id", definition.Id))
            .ReadFirstAsync(WorkflowRows.Definition, cancellationToken);
        if (latest is not null && latest.ContentHash == definition.ContentHash)
        {
            return (Published(definition, latest.Version), false);
        }

        var record = new DefinitionRecord
        {
            Id = definition.Id,
            Version = (latest?.Version ?? 0) + 1,
            Name = definition.Name,
            Description = definition.Description,
            ContentHash = definition.ContentHash,
            Source = definition.Source,
            TriggerEvents = string.Join(' ', definition.Triggers.Where(t => t.Event is not null).Select(t => t.Event)),
            PublishedAt = _time.GetUtcNow(),
        };
        await using (var insert = transaction.Command($"INSERT INTO WorkflowDefinitions ({WorkflowRows.DefinitionColumns}) " +
                                                      "VALUES ($id, $version, $name, $description, $contentHash, $source, $triggerEvents, $publishedAt)",
                         ("$id", record.Id), ("$version", record.Version), ("$name", record.Name), ("$description", record.Description),
                         ("$contentHash", record.ContentHash), ("$source", record.Source), ("$triggerEvents", record.TriggerEvents),
                         ("$publishedAt", StoredTime.ToStored(record.PublishedAt))))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (Published(definition, record.Version), true);
    }

    /// <summary>
    /// The definition just read, as the stored version it is (same content hash), without reading
    /// the stored source again; the one instance every later lookup of that version gets.
    /// </summary>
    private WorkflowDefinition Published(WorkflowDefinition definition, int version) =>
        _definitions.GetOrAdd((definition.Id, version), _ =>
        {
            definition.Version = version;
            return definition;
        });

    public async Task<IReadOnlyList<DefinitionSummary>> ListDefinitionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        var rows = await connection.Command("SELECT Id, Version, Name, Description, PublishedAt FROM WorkflowDefinitions")
            .ReadAllAsync(r => new SummaryRow(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetNullableString(3), r.GetTime(4)), cancellationToken);
        return rows.GroupBy(r => r.Id)
            .Select(g =>
            {
                var latest = g.MaxBy(r => r.Version)!;
                return new DefinitionSummary(g.Key, latest.Name, latest.Description, latest.Version, g.Count(), latest.PublishedAt);
            })
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<DefinitionVersion>> ListVersionsAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        return await connection.Command("SELECT Version, ContentHash, PublishedAt FROM WorkflowDefinitions WHERE Id = $id ORDER BY Version", ("$id", id))
            .ReadAllAsync(r => new DefinitionVersion(r.GetInt32(0), r.GetString(1), r.GetTime(2)), cancellationToken);
    }

    public async ValueTask<WorkflowDefinition?> GetLatestAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        var latest = await connection.Command($"{SelectDefinitions} WHERE Id = $id ORDER BY Version DESC LIMIT 1", ("$id", id))
            .ReadFirstAsync(WorkflowRows.Definition, cancellationToken);
        return latest is null ? null : ToDefinition(latest);
    }

    public async ValueTask<WorkflowDefinition?> GetAsync(string id, int version, CancellationToken cancellationToken)
    {
        if (_definitions.TryGetValue((id, version), out var cached))
        {
            return cached;
        }

        await using var connection = _database.Open();
        var record = await connection.Command($"{SelectDefinitions} WHERE Id = $id AND Version = $version LIMIT 1", ("$id", id), ("$version", version))
            .ReadFirstAsync(WorkflowRows.Definition, cancellationToken);
        return record is null ? null : ToDefinition(record);
    }

    /// <remarks>
    /// Asked for every recorded event: only the latest version of each definition whose triggers
    /// name the event is read, by the query (TriggerEvents is the names separated by spaces).
    /// </remarks>
    public async Task<IReadOnlyList<WorkflowDefinition>> FindTriggeredAsync(string eventName, CancellationToken cancellationToken)
    {
        var rows = _database.ReadPrepared("""
            SELECT d.Id, d.Version, d.TriggerEvents FROM WorkflowDefinitions d
            WHERE instr(' ' || d.TriggerEvents || ' ', ' ' || $event || ' ') > 0
              AND d.Version = (SELECT MAX(v.Version) FROM WorkflowDefinitions v WHERE v.Id = d.Id)
            ORDER BY d.Id
            """, [("$event", eventName)], r => new TriggerRow(r.GetString(0), r.GetInt32(1), r.GetString(2)));

        var result = new List<WorkflowDefinition>();
        foreach (var row in rows.Where(r => r.TriggerEvents.Split(' ').Contains(eventName)))
        {
            if (await GetAsync(row.Id, row.Version, cancellationToken) is { } definition)
            {
                result.Add(definition);
            }
        }

        return result;
    }

    private WorkflowDefinition ToDefinition(DefinitionRecord record) =>
        _definitions.GetOrAdd((record.Id, record.Version), _ =>
        {
            var definition = _reader.Read(record.Source, new DefinitionReaderOptions { SourceName = $"workflow '{record.Id}' version {record.Version}" });
            definition.Version = record.Version;
            return definition;
        });

    private sealed record SummaryRow(string Id, int Version, string Name, string? Description, DateTimeOffset PublishedAt);

    private sealed record TriggerRow(string Id, int Version, string TriggerEvents);
}
