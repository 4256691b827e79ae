using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Workflows.Tests.Hosting;

public class StopSignalTests
{
    private const string Steps = """
        {
          "id": "steps",
          "root": { "id": "root", "type": "Sequence", "activities": [
            { "id": "a", "type": "Log", "message": "a" },
            { "id": "b", "type": "Log", "message": "b" },
            { "id": "c", "type": "Log", "message": "c" },
            { "type": "SetOutput", "name": "done", "value": true }
          ] }
        }
        """;

    /// <summary>Requests the stop when an activity starts, as Ctrl-C arriving while it runs would.</summary>
    private sealed class StopWhenStarted(WorkflowStopSignal signal, string activityId) : IJournalObserver
    {
        public void OnEntry(WorkflowExecution execution, JournalEntry entry)
        {
            if (entry.Event == JournalEvent.Started && entry.ActivityId == activityId)
            {
                signal.Request();
            }
        }
    }

    [Fact]
    public async Task StopRequestedDuringAnActivity_FinishesItThenPersistsAndReleasesTheInstance()
    {
        var signal = new WorkflowStopSignal();
        await using var first = new TestEngine(configureServices: services =>
        {
            services.AddSingleton(signal);
            services.AddSingleton<IJournalObserver>(new StopWhenStarted(signal, "b"));
        });
        var definition = await first.PublishAsync(Steps);

        var stopped = await Assert.ThrowsAsync<WorkflowStoppedException>(() => first.Engine.RunAsync(definition, null));

        var stored = await first.Engine.Store.LoadAsync(stopped.InstanceId, default);
        Assert.Equal(WorkflowStatus.Running, stored!.Status);
        Assert.Null(stored.Owner);
        Assert.Equal(["a", "b"], await first.LogsAsync(stopped.InstanceId));
    }

    [Fact]
    public async Task StoppedInstance_IsContinuedByTheNextEngineStart_WithoutRepeatingWhatRan()
    {
        var signal = new WorkflowStopSignal();
        await using var first = new TestEngine(configureServices: services =>
        {
            services.AddSingleton(signal);
            services.AddSingleton<IJournalObserver>(new StopWhenStarted(signal, "b"));
        });
        var definition = await first.PublishAsync(Steps);
        var stopped = await Assert.ThrowsAsync<WorkflowStoppedException>(() => first.Engine.RunAsync(definition, null));

        await using var second = new TestEngine(folder: first.Folder);

        var recovered = Assert.Single(second.Startup.Recovered);
        Assert.Equal(stopped.InstanceId, recovered.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, recovered.Status);
        Assert.Equal(["a", "b", "c"], await second.LogsAsync(stopped.InstanceId));
        var starts = await second.StartsAsync(stopped.InstanceId);
        Assert.All(new[] { "a", "b", "c" }, id => Assert.Equal(1, starts[id]));
    }

    [Fact]
    public async Task NoStopRequested_RunsToTheEnd()
    {
        await using var engine = new TestEngine(configureServices: services => services.AddSingleton(new WorkflowStopSignal()));

        var result = await engine.RunAsync(Steps);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
    }
}
