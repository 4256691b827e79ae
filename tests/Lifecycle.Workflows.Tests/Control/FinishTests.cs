using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Control;

public class FinishTests
{
    [Fact]
    public async Task Finish_EndsTheWorkflowAtOnce()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "SetOutput", "name": "before", "value": true },
            { "type": "If", "condition": true, "then": { "type": "Finish" } },
            { "type": "SetOutput", "name": "after", "value": true }
            """));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.True(run.Outputs.ContainsKey("before"));
        Assert.False(run.Outputs.ContainsKey("after"));
    }

    [Fact]
    public async Task Finish_InAParallelBranch_CancelsTheOtherBranchesAndTheirBookmarks()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "Parallel", "branches": [
              { "type": "WaitForEvent", "event": "never" },
              { "type": "Delay", "duration": "PT1H" },
              { "type": "Sequence", "activities": [ { "type": "Finish" }, { "type": "Log", "message": "unreachable" } ] },
              { "type": "Sequence", "activities": [ { "type": "Log", "message": "b1" }, { "type": "Log", "message": "b2" }, { "type": "Log", "message": "b3" } ] } ] }
            """));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Empty(run.Bookmarks);
        var logs = await test.LogsAsync(run.InstanceId);
        Assert.DoesNotContain("unreachable", logs);
        Assert.DoesNotContain("b3", logs);
        Assert.Empty((await test.Engine.ResumeAsync(new Stimulus("never"))).Resumed);
        test.Time.Advance(TimeSpan.FromHours(2));
        Assert.Empty(await test.Engine.FireDueTimersAsync());
        var stored = await test.Engine.Store.GetInstanceAsync(run.InstanceId, default);
        Assert.Equal(WorkflowStatus.Finished, stored!.Status);
        Assert.Empty(stored.Bookmarks);
    }

    [Fact]
    public async Task Finish_AfterAResume_CancelsTheOtherWaitingBranch()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "Parallel", "branches": [
              { "type": "WaitForEvent", "event": "other" },
              { "type": "Sequence", "activities": [ { "type": "WaitForEvent", "event": "stop" }, { "type": "Finish" } ] } ] }
            """));
        Assert.Equal(2, run.Bookmarks.Count);

        var resumed = await test.ResumeOneAsync("stop");

        Assert.Equal(WorkflowStatus.Finished, resumed.Status);
        Assert.Empty(resumed.Bookmarks);
        Assert.Empty((await test.Engine.ResumeAsync(new Stimulus("other"))).Resumed);
    }
}
