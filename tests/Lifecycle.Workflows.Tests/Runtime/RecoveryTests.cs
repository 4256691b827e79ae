using System.Text.Json.Nodes;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Runtime;

public class RecoveryTests
{
    private static readonly string DeadOwner = $"{Environment.MachineName}:999999:1";

    private const string Steps = """
        {
          "id": "steps",
          "persistence": "everyActivity",
          "root": { "id": "root", "type": "Sequence", "activities": [
            { "id": "a", "type": "Log", "message": "a" },
            { "id": "b", "type": "Log", "message": "b" },
            { "id": "c", "type": "Log", "message": "c" },
            { "type": "SetOutput", "name": "done", "value": true }
          ] }
        }
        """;

    private sealed class SimulatedCrash : Exception;

    [Fact]
    public async Task InstanceLeftRunningByADeadProcess_IsFinishedByTheNextEngineStart()
    {
        await using var first = new TestEngine(owner: DeadOwner);
        var definition = await first.PublishAsync(Steps);
        var execution = first.Runner.Create(definition, null);
        await first.Engine.Store.InsertAsync(execution, DeadOwner, default);
        Assert.Empty(await first.Engine.RecoverAsync());

        await using var second = new TestEngine(folder: first.Folder);

        var recovered = Assert.Single(second.Startup.Recovered);
        Assert.Equal(execution.InstanceId, recovered.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, recovered.Status);
        Assert.True(recovered.Outputs["done"]!.GetValue<bool>());
        var journal = await second.JournalAsync(execution.InstanceId);
        var interrupted = journal.Single(e => e.Event == JournalEvent.Interrupted);
        Assert.Equal("root", interrupted.ActivityId);
        Assert.Contains(DeadOwner, interrupted.Message);
        var next = journal[journal.ToList().IndexOf(interrupted) + 1];
        Assert.Equal(JournalEvent.Resumed, next.Event);
        Assert.Equal("root", next.ActivityId);
        var stored = await second.Engine.Store.LoadAsync(execution.InstanceId, default);
        Assert.Equal(WorkflowStatus.Finished, stored!.Status);
        Assert.Null(stored.Owner);
    }

    [Fact]
    public async Task CrashAfterSomeActivities_RecoveryGoesOnFromTheLastCheckpointWithoutRepeatingThem()
    {
        await using var first = new TestEngine(owner: DeadOwner);
        var definition = await first.PublishAsync(Steps);
        var execution = first.Runner.Create(definition, null);
        var store = first.Engine.Store;
        await store.InsertAsync(execution, DeadOwner, default);
        var checkpoints = 0;

        await Assert.ThrowsAsync<SimulatedCrash>(async () => await first.Runner.RunAsync(execution, async (e, ct) =>
        {
            await store.SaveAsync(e, DeadOwner, ct);
            if (++checkpoints == 2)
            {
                throw new SimulatedCrash();
            }
        }));
        Assert.Equal(WorkflowStatus.Running, (await store.LoadAsync(execution.InstanceId, default))!.Status);

        await using var second = new TestEngine(folder: first.Folder);

        Assert.Equal(WorkflowStatus.Finished, Assert.Single(second.Startup.Recovered).Status);
        Assert.Equal(["a", "b", "c"], await second.LogsAsync(execution.InstanceId));
        var starts = await second.StartsAsync(execution.InstanceId);
        Assert.All(new[] { "root", "a", "b", "c" }, id => Assert.Equal(1, starts[id]));
        var events = (await second.JournalAsync(execution.InstanceId)).Select(e => (e.ActivityId, e.Event)).ToList();
        var interrupted = events.IndexOf(("root", JournalEvent.Interrupted));
        Assert.True(interrupted > events.IndexOf(("b", JournalEvent.Completed)));
        Assert.Equal(("root", JournalEvent.Resumed), events[interrupted + 1]);
        Assert.True(events.IndexOf(("c", JournalEvent.Started)) > interrupted);
    }

    [Fact]
    public async Task StimulusClaimedByAProcessThatDied_IsNotLost()
    {
        await using var first = new TestEngine(owner: DeadOwner);
        var run = await first.RunAsync(TestEngine.Workflow("""
            { "id": "wait", "type": "WaitForEvent", "event": "go" },
            { "type": "SetOutput", "name": "got", "value": { "js": "outputs.wait.payload" } }
            """));
        var execution = await first.Runner.RestoreAsync((await first.Engine.Store.LoadAsync(run.InstanceId, default))!, default);
        first.Runner.Resume(execution, Assert.Single(execution.Bookmarks), JsonValue.Create("kept"));
        await first.Engine.Store.SaveAsync(execution, DeadOwner, default);

        await using var second = new TestEngine(folder: first.Folder);

        var recovered = Assert.Single(second.Startup.Recovered);
        Assert.Equal(WorkflowStatus.Finished, recovered.Status);
        Assert.Equal("kept", recovered.Outputs["got"]!.GetValue<string>());
        var journal = await second.JournalAsync(run.InstanceId);
        Assert.Contains(journal, e => e.ActivityId == "wait" && e.Event == JournalEvent.Interrupted);
    }

    [Fact]
    public async Task InstanceOfALiveProcess_IsLeftAlone()
    {
        await using var first = new TestEngine();
        var definition = await first.PublishAsync(Steps);
        var execution = first.Runner.Create(definition, null);
        await first.Engine.Store.InsertAsync(execution, ProcessOwner.Current, default);

        await using var second = new TestEngine(folder: first.Folder, owner: "another-engine");

        Assert.Empty(second.Startup.Recovered);
        Assert.Equal(WorkflowStatus.Running, (await second.Engine.Store.LoadAsync(execution.InstanceId, default))!.Status);
    }

    [Fact]
    public async Task InstanceOwnedOnAnotherMachine_IsLeftAlone()
    {
        await using var first = new TestEngine();
        var definition = await first.PublishAsync(Steps);
        var execution = first.Runner.Create(definition, null);
        await first.Engine.Store.InsertAsync(execution, "some-other-machine:42:1", default);

        await using var second = new TestEngine(folder: first.Folder);

        Assert.Empty(second.Startup.Recovered);
    }

    [Fact]
    public async Task RecoveredInstance_IsRecoveredOnlyOnce()
    {
        await using var first = new TestEngine(owner: DeadOwner);
        var definition = await first.PublishAsync(Steps);
        await first.Engine.Store.InsertAsync(first.Runner.Create(definition, null), DeadOwner, default);
        await using var second = new TestEngine(folder: first.Folder);

        await using var third = new TestEngine(folder: first.Folder);

        Assert.Single(second.Startup.Recovered);
        Assert.Empty(third.Startup.Recovered);
        Assert.Empty(await second.Engine.RecoverAsync());
    }

    [Fact]
    public async Task TwoEnginesRecoveringAtOnce_FinishTheInstanceOnce()
    {
        await using var first = new TestEngine(owner: DeadOwner);
        await using var one = new TestEngine(folder: first.Folder);
        await using var two = new TestEngine(folder: first.Folder, owner: "remote-host:4242:1");
        var definition = await first.PublishAsync(Steps);
        var execution = first.Runner.Create(definition, null);
        await first.Engine.Store.InsertAsync(execution, DeadOwner, default);

        var results = await Task.WhenAll(Task.Run(() => one.Engine.RecoverAsync()), Task.Run(() => two.Engine.RecoverAsync()));

        Assert.Equal(WorkflowStatus.Finished, Assert.Single(results.SelectMany(r => r)).Status);
        var starts = await first.StartsAsync(execution.InstanceId);
        Assert.All(new[] { "root", "a", "b", "c" }, id => Assert.Equal(1, starts[id]));
        Assert.Single(await first.JournalAsync(execution.InstanceId), e => e.Event == JournalEvent.Interrupted);
    }
}
