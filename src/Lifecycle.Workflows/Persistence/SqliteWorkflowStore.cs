using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Lifecycle.Workflows.Persistence;

/// <summary>The store on a SQLite file (WAL), through EF Core.</summary>
public sealed partial class SqliteWorkflowStore : IWorkflowStore, IAsyncDisposable
{
    private readonly PooledDbContextFactory<WorkflowDbContext> _contexts;

    // Instance writes (the run path) go through one connection kept open with prepared statements.
    // SQLite takes one writer at a time anyway; the lock orders this process's.
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private InstanceWriter? _writer;
    private readonly DefinitionReader _reader;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string, int), WorkflowDefinition> _definitions = new();

    public SqliteWorkflowStore(string databasePath, DefinitionReader reader, TimeProvider time)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        _reader = reader;
        _time = time;
        var connection = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = true, DefaultTimeout = 30 };
        _connectionString = connection.ToString();
        _contexts = new PooledDbContextFactory<WorkflowDbContext>(new DbContextOptionsBuilder<WorkflowDbContext>()
            .UseSqlite(connection.ToString())
            .AddInterceptors(new SqlitePragmas())
            .Options);
    }

    public string DatabasePath { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = Open();
        if (File.Exists(DatabasePath) && !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            // Up to date: nothing to write, so reading commands work on a read-only database too.
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await db.Database.MigrateAsync(cancellationToken);

        // Stored in the file: set once here rather than on every connection.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    public async Task<(WorkflowDefinition Definition, bool Created)> PublishAsync(WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        await using var db = Open();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var latest = await db.Definitions.AsNoTracking()
            .Where(d => d.Id == definition.Id)
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && latest.ContentHash == definition.ContentHash)
        {
            return (ToDefinition(latest), false);
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
        db.Definitions.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (ToDefinition(record), true);
    }

    public async Task<IReadOnlyList<DefinitionSummary>> ListDefinitionsAsync(CancellationToken cancellationToken)
    {
        await using var db = Open();
        var rows = await db.Definitions.AsNoTracking()
            .Select(d => new { d.Id, d.Version, d.Name, d.Description, d.PublishedAt })
            .ToListAsync(cancellationToken);
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
        await using var db = Open();
        var rows = await db.Definitions.AsNoTracking().Where(d => d.Id == id).OrderBy(d => d.Version)
            .Select(d => new { d.Version, d.ContentHash, d.PublishedAt }).ToListAsync(cancellationToken);
        return rows.Select(r => new DefinitionVersion(r.Version, r.ContentHash, r.PublishedAt)).ToList();
    }

    public async ValueTask<WorkflowDefinition?> GetLatestAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = Open();
        var latest = await db.Definitions.AsNoTracking().Where(d => d.Id == id)
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : ToDefinition(latest);
    }

    public async ValueTask<WorkflowDefinition?> GetAsync(string id, int version, CancellationToken cancellationToken)
    {
        if (_definitions.TryGetValue((id, version), out var cached))
        {
            return cached;
        }

        await using var db = Open();
        var record = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.Version == version, cancellationToken);
        return record is null ? null : ToDefinition(record);
    }

    public async Task<IReadOnlyList<WorkflowDefinition>> FindTriggeredAsync(string eventName, CancellationToken cancellationToken)
    {
        List<(string Id, int Version)> latest;
        await using (var db = Open())
        {
            var rows = await db.Definitions.AsNoTracking()
                .Select(d => new { d.Id, d.Version, d.TriggerEvents })
                .ToListAsync(cancellationToken);
            latest = rows.GroupBy(r => r.Id)
                .Select(g => g.MaxBy(r => r.Version)!)
                .Where(r => r.TriggerEvents.Split(' ').Contains(eventName))
                .Select(r => (r.Id, r.Version))
                .ToList();
        }

        var result = new List<WorkflowDefinition>();
        foreach (var (id, version) in latest)
        {
            if (await GetAsync(id, version, cancellationToken) is { } definition)
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

    public ValueTask DisposeAsync()
    {
        _writer?.Dispose();
        _writeLock.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs <paramref name="write"/> on the write connection, one at a time in this process.</summary>
    private async Task<T> WriteAsync<T>(Func<InstanceWriter, T> write, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            _writer ??= new InstanceWriter(_connectionString);
            return write(_writer);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private WorkflowDbContext Open()
    {
        var db = _contexts.CreateDbContext();
        db.Database.AutoSavepointsEnabled = false;
        return db;
    }
}
