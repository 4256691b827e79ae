using System.Text.Json.Nodes;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tests.Support;
using Lifecycle.Workflows.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lifecycle.Activities.Tests.Documents;

/// <summary>The real engine, with the session activities, on a real repository, an in-memory store and a fake clock.</summary>
public sealed class DocumentsHarness : IAsyncDisposable
{
    private readonly string _engineFolder = Directory.CreateTempSubdirectory("lifecycle-docs-engine-").FullName;
    private ServiceProvider? _services;

    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public TempRepository Repository { get; } = new();

    public InMemorySessionStore Store { get; } = new();

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>Publishes a workflow whose root is <paramref name="root"/> and runs it once.</summary>
    public async Task<RunResult> RunAsync(string root)
    {
        var engine = await EngineAsync();
        var id = $"w{Guid.NewGuid():N}";
        var read = await engine.ReadAsync($$"""{ "id": "{{id}}", "root": {{root}} }""", $"{id}.json");
        var (definition, _) = await engine.PublishAsync(read);
        return await engine.RunAsync(definition, new JsonObject());
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        Lifecycle.Workflows.Persistence.SqliteDatabase.ClearAllPools();
        Directory.Delete(_engineFolder, recursive: true);
        Repository.Dispose();
    }

    private async Task<WorkflowEngine> EngineAsync()
    {
        if (_services is null)
        {
            _services = new ServiceCollection()
                .AddSingleton<TimeProvider>(Time)
                .AddSingleton<ISessionStore>(Store)
                .AddLifecycleWorkflows(Path.Combine(_engineFolder, "lifecycle.db"), r => r.AddAssembly(typeof(Checkpoint).Assembly))
                .AddLifecycleSessions(Repository.Path)
                .BuildServiceProvider();
            await _services.GetRequiredService<WorkflowEngine>().StartAsync();
        }

        return _services.GetRequiredService<WorkflowEngine>();
    }
}
