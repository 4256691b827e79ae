using System.Collections.Concurrent;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Journal;

namespace Lifecycle.Workflows.Persistence;

/// <summary>
/// The store on a SQLite file (WAL), through hand-written SQL. EF Core only creates and migrates
/// the schema (<see cref="WorkflowDbContext"/> and its migrations).
/// </summary>
/// <remarks>
/// Every CLI command is a new process, and EF Core's per-process costs (building the model, about
/// 100 ms, and compiling each LINQ query the first time it runs, 10 to 60 ms each) were most of a
/// short command's time. The SQL follows the queries EF Core generated for the same LINQ, so plans,
/// ordering and null handling are unchanged; tests write with one and read with the other.
/// </remarks>
public sealed partial class SqliteWorkflowStore : IWorkflowStore, IAsyncDisposable
{
    private readonly SqliteDatabase _database;

    // Instance writes (the run path) go through one connection kept open with prepared statements.
    // SQLite takes one writer at a time anyway; the lock orders this process's.
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private InstanceWriter? _writer;
    private readonly DefinitionReader _reader;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string, int), WorkflowDefinition> _definitions = new();

    private readonly JournalCommitSignal? _journalCommits;

    /// <param name="databasePath">The SQLite file.</param>
    /// <param name="reader">Reads stored definitions back.</param>
    /// <param name="time">The clock.</param>
    /// <param name="journalCommits">Told after each commit that adds journal entries; null for nobody.</param>
    public SqliteWorkflowStore(string databasePath, DefinitionReader reader, TimeProvider time, JournalCommitSignal? journalCommits = null)
    {
        _database = new SqliteDatabase(databasePath);
        _reader = reader;
        _time = time;
        _journalCommits = journalCommits;
    }

    public string DatabasePath => _database.Path;

    private bool _initialized;

    public IDisposable? DeferSync() => DeferredSync.For(_database.Path);

    /// <remarks>
    /// A long-lived process (the server) calls this for every stimulus: once the schema is known to
    /// be in place, only the file's existence is checked again (a file deleted meanwhile is made
    /// again), instead of reading the applied migrations each time.
    /// </remarks>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _initialized) && File.Exists(_database.Path))
        {
            return;
        }

        await _database.InitializeAsync(WorkflowSchema.Migrations, cancellationToken);
        Volatile.Write(ref _initialized, true);
    }

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
            _writer ??= new InstanceWriter(_database);
            return write(_writer);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
