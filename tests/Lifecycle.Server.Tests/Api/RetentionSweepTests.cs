using Lifecycle.Server.Instances;
using Lifecycle.Server.Tests.Support;
using Lifecycle.Workflows.History;
using Lifecycle.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Server.Tests.Api;

/// <summary>The retention sweep: ended instances older than retentionDays go, in batches; the rest stay.</summary>
public sealed class RetentionSweepTests : IDisposable
{
    // The sweep at start would race the test for the rows it inserts.
    private readonly ServerFactory _server = new() { Configure = options => options with { SweepAtStartup = false } };

    [Fact]
    public async Task Sweep_deletes_ended_instances_past_retention_in_batches_and_keeps_the_rest()
    {
        _server.Folder.Write(".lifecycle/config.json", """{ "retentionDays": 7 }""");
        var recent = await _server.RunAsync(InstanceWorkflows.Failing);
        var waiting = await _server.RunAsync(InstanceWorkflows.Waiter);
        var old = Now() - TimeSpan.FromDays(8);
        const int oldCount = RetentionSweep.BatchSize * 2 + 17;
        await SqlAsync($$"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {{oldCount}})
            INSERT INTO WorkflowInstances (Id, DefinitionId, Version, Status, CreatedAt, UpdatedAt, FinishedAt, Outputs, Snapshot, Revision, JournalSequence)
            SELECT 'old-' || i, 'greet', 1, CASE i % 3 WHEN 0 THEN 'Finished' WHEN 1 THEN 'Faulted' ELSE 'Cancelled' END,
                   {{StoredTime.ToStored(old)}}, {{StoredTime.ToStored(old)}}, {{StoredTime.ToStored(old)}}, '{}', '{}', 1, 1 FROM n;
            INSERT INTO WorkflowJournal (InstanceId, FirstSequence, LastSequence, Entries) SELECT Id, 1, 1, x'00' FROM WorkflowInstances WHERE Id LIKE 'old-%';
            UPDATE WorkflowInstances SET CreatedAt = {{StoredTime.ToStored(old)}}, UpdatedAt = {{StoredTime.ToStored(old)}} WHERE Id = '{{waiting.InstanceId}}';
            """);

        var deleted = await _server.Services.GetRequiredService<RetentionSweep>().RunAsync(default);

        Assert.Equal(oldCount, deleted);
        var left = await _server.Engine().Store.QueryInstancesAsync(InstanceFilter.All, null, 10, default);
        Assert.Equal(new[] { recent.InstanceId, waiting.InstanceId }.Order(), left.Items.Select(i => i.InstanceId).Order());
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM WorkflowJournal WHERE InstanceId LIKE 'old-%'"));
    }

    [Fact]
    public async Task Zero_retention_days_keeps_everything()
    {
        _server.Folder.Write(".lifecycle/config.json", """{ "retentionDays": 0 }""");
        var run = await _server.RunAsync(InstanceWorkflows.Failing);
        await SqlAsync($"UPDATE WorkflowInstances SET FinishedAt = {StoredTime.ToStored(Now() - TimeSpan.FromDays(3650))}");

        Assert.Equal(0, await _server.Services.GetRequiredService<RetentionSweep>().RunAsync(default));
        Assert.NotNull(await _server.Engine().Store.GetDetailsAsync(run.InstanceId, default));
    }

    /// <summary>The server's clock (the system's, unless a test shifts it).</summary>
    private DateTimeOffset Now() => _server.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    private async Task SqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_server.Paths.Database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_server.Paths.Database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => _server.Dispose();
}
