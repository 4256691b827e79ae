using System.Text.Json.Nodes;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lifecycle.Workflows.Tests.Support;

/// <summary>A real engine on a SQLite file in a temp folder, with a fake clock.</summary>
public sealed class TestEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public TestEngine(
        WorkflowRunnerOptions? options = null,
        string? folder = null,
        string? owner = null,
        Action<Activities.ActivityRegistry>? configureRegistry = null,
        WorkflowEngineOptions? engineOptions = null,
        Action<IServiceCollection>? configureServices = null)
    {
        Folder = folder ?? Directory.CreateTempSubdirectory("lifecycle-tests-").FullName;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddLifecycleWorkflows(Path.Combine(Folder, "lifecycle.db"), configureRegistry, options);
        if (engineOptions is not null)
        {
            services.AddSingleton(engineOptions);
        }

        configureServices?.Invoke(services);
        _services = services.BuildServiceProvider();
        Engine = _services.GetRequiredService<WorkflowEngine>();
        if (owner is not null)
        {
            Engine = new WorkflowEngine(Engine.Store, Runner, Reader, new Timers.EmbeddedTimerScheduler(), options: engineOptions) { Owner = owner };
        }

        Startup = Engine.StartAsync().GetAwaiter().GetResult();
    }

    /// <summary>What <see cref="WorkflowEngine.StartAsync"/> did when this engine was built (recovery, due timers).</summary>
    public StartupReport Startup { get; }

    public string Folder { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public WorkflowEngine Engine { get; }

    public DefinitionReader Reader => _services.GetRequiredService<DefinitionReader>();

    public WorkflowRunner Runner => _services.GetRequiredService<WorkflowRunner>();

    /// <summary>Runs a statement on the engine's SQLite file, to put the store in states only other processes reach.</summary>
    public async Task SqlAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(Folder, "lifecycle.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Reads, publishes and runs <paramref name="json"/>.</summary>
    public async Task<RunResult> RunAsync(string json, JsonObject? input = null)
    {
        var definition = await PublishAsync(json);
        return await Engine.RunAsync(definition, input);
    }

    public async Task<WorkflowDefinition> PublishAsync(string json)
    {
        var definition = await Engine.ReadAsync(json, "test");
        return (await Engine.PublishAsync(definition)).Definition;
    }

    /// <summary>Delivers an event and returns the one instance it resumed.</summary>
    public async Task<RunResult> ResumeOneAsync(string eventName, JsonNode? payload = null, string? correlation = null)
    {
        var result = await Engine.ResumeAsync(new Stimulus(eventName, payload, correlation));
        return Assert.Single(result.Resumed);
    }

    public async Task<IReadOnlyList<JournalEntry>> JournalAsync(string instanceId) =>
        await Engine.Store.GetJournalAsync(instanceId, 0, default);

    /// <summary>The messages of the Log activities that completed, in order.</summary>
    public async Task<IReadOnlyList<string?>> LogsAsync(string instanceId) =>
        (await JournalAsync(instanceId))
            .Where(e => e.ActivityType == "Log" && e.Event == JournalEvent.Completed)
            .Select(e => e.Message)
            .ToList();

    /// <summary>How many times each activity started, by journal id.</summary>
    public async Task<IReadOnlyDictionary<string, int>> StartsAsync(string instanceId) =>
        (await JournalAsync(instanceId))
            .Where(e => e.Event == JournalEvent.Started)
            .GroupBy(e => e.ActivityId)
            .ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Wraps activities in a workflow with id <paramref name="id"/>.</summary>
    public static string Workflow(string activitiesJson, string id = "test", string extra = "") =>
        $$"""{ "id": "{{id}}", {{extra}} "root": { "type": "Sequence", "activities": [ {{activitiesJson}} ] } }""";

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Lifecycle.Workflows.Persistence.SqliteDatabase.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
