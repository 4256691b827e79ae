using System.Diagnostics;
using Lifecycle.Benchmarks.Workloads;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Benchmarks.Persisted;

/// <summary>The engine on a SQLite file, built as the server builds it, with the workload published once.</summary>
public sealed class EngineWorkload : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly WorkflowEngine _engine;
    private readonly WorkflowDefinition _definition;

    private EngineWorkload(ServiceProvider services, WorkflowEngine engine, WorkflowDefinition definition)
    {
        _services = services;
        _engine = engine;
        _definition = definition;
    }

    public static async Task<EngineWorkload> StartAsync(string databasePath)
    {
        var services = new ServiceCollection().AddLifecycleWorkflows(databasePath).BuildServiceProvider();
        var engine = services.GetRequiredService<WorkflowEngine>();
        await engine.StartAsync();
        var read = await engine.ReadAsync(TenStepSequence.Json, "benchmark");
        var (definition, _) = await engine.PublishAsync(read);
        return new EngineWorkload(services, engine, definition);
    }

    /// <summary>Runs instances one after another through <see cref="WorkflowEngine.RunAsync(WorkflowDefinition, System.Text.Json.Nodes.JsonObject?, CancellationToken)"/> for <paramref name="duration"/>.</summary>
    public async Task<Rate> MeasureAsync(TimeSpan duration)
    {
        long runs = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var result = await _engine.RunAsync(_definition, input: null);
            if (result.Status != WorkflowStatus.Finished)
            {
                throw new InvalidOperationException($"Run {result.InstanceId} ended {result.Status}, not Finished.");
            }

            runs++;
        }

        return new Rate(runs, clock.Elapsed);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
