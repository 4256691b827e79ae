using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Hosting;

/// <summary>What happens to a stimulus when its instance is busy elsewhere or cannot be loaded.</summary>
public class DeliveryTests
{
    private const string TwoWaits = """
        { "id": "two", "root": { "type": "Parallel", "branches": [
            { "id": "a", "type": "WaitForEvent", "event": "a" },
            { "id": "b", "type": "WaitForEvent", "event": "b" } ] } }
        """;

    [Fact]
    public async Task Stimulus_ForAnInstanceBusyInALiveProcess_IsReportedNotDelivered_AndTheBookmarkStays()
    {
        await using var test = new TestEngine(owner: "engine-under-test", engineOptions: new WorkflowEngineOptions { BusyInstanceWait = TimeSpan.Zero });
        var run = await test.RunAsync(TwoWaits);
        await test.SqlAsync($"UPDATE WorkflowInstances SET Status = 'Running', Owner = '{ProcessOwner.Current}' WHERE Id = '{run.InstanceId}'");

        var busy = await test.Engine.ResumeAsync(new Stimulus("b"));

        Assert.Empty(busy.Resumed);
        Assert.Empty(busy.Skipped);
        Assert.Equal(run.InstanceId, Assert.Single(busy.NotDelivered));
        await test.SqlAsync($"UPDATE WorkflowInstances SET Status = 'Suspended', Owner = NULL WHERE Id = '{run.InstanceId}'");
        var later = await test.Engine.ResumeAsync(new Stimulus("b"));
        Assert.Equal(WorkflowStatus.Suspended, Assert.Single(later.Resumed).Status);
        Assert.Equal("a", Assert.Single(Assert.Single(later.Resumed).Bookmarks).Event);
    }

    [Fact]
    public async Task InstanceThatCannotBeLoaded_IsFaultedAtStart_AndTheEngineGoesOn()
    {
        await using var first = new TestEngine();
        var run = await first.RunAsync(TestEngine.Workflow("""{ "type": "Delay", "duration": 60 }, { "type": "Log", "message": "done" }""", id: "later"));
        var instanceId = run.InstanceId;
        await first.SqlAsync("UPDATE WorkflowDefinitions SET Source = replace(Source, '\"Log\"', '\"OldLog\"') WHERE Id = 'later'");

        await using var second = new TestEngine(folder: first.Folder);
        second.Time.Advance(TimeSpan.FromMinutes(2));
        var fired = await second.Engine.FireDueTimersAsync();

        Assert.Empty(fired);
        var instance = await second.Engine.Store.GetInstanceAsync(instanceId, default);
        Assert.Equal(WorkflowStatus.Faulted, instance!.Status);
        Assert.Contains("cannot be loaded", instance.Error);
        Assert.Contains("OldLog", instance.Error);
        Assert.Empty(instance.Bookmarks);
        var journal = await second.JournalAsync(instanceId);
        Assert.Equal(Journal.JournalEvent.Faulted, journal[^1].Event);
        var other = await second.RunAsync(TestEngine.Workflow("""{ "type": "Log", "message": "fine" }""", id: "other"));
        Assert.Equal(WorkflowStatus.Finished, other.Status);
    }
}
