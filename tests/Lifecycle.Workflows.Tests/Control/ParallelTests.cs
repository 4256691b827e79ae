using System.Text.Json.Nodes;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Control;

public class ParallelTests
{
    [Fact]
    public async Task Parallel_RunsEveryBranchThenCompletes()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "fork", "type": "Parallel", "branches": [
              { "type": "Sequence", "activities": [ { "type": "Log", "message": "a1" }, { "type": "Log", "message": "a2" } ] },
              { "type": "Log", "message": "b" },
              { "type": "Log", "message": "c" } ] },
            { "type": "Log", "message": "joined" }
            """));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        var logs = await test.LogsAsync(run.InstanceId);
        Assert.Equal(["a1", "a2", "b", "c", "joined"], logs.Order());
        Assert.Equal("joined", logs[^1]);
    }

    [Fact]
    public async Task Parallel_NoBranches_Completes()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""{ "type": "Parallel", "branches": [] }"""));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
    }

    [Fact]
    public async Task Parallel_BranchesWaitingOnDifferentEvents_CompletesOnlyWhenAllHaveArrived()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "fork", "type": "Parallel", "branches": [
              { "id": "left", "type": "WaitForEvent", "event": "left" },
              { "id": "right", "type": "WaitForEvent", "event": "right" } ] },
            { "type": "SetOutput", "name": "both", "value": { "js": "outputs.left.payload + outputs.right.payload" } }
            """));
        Assert.Equal(WorkflowStatus.Suspended, run.Status);
        Assert.Equal(["left", "right"], run.Bookmarks.Select(b => b.Event).Order());

        var afterRight = await test.ResumeOneAsync("right", JsonValue.Create("R"));
        Assert.Equal(WorkflowStatus.Suspended, afterRight.Status);
        Assert.Equal("left", Assert.Single(afterRight.Bookmarks).Event);

        var afterLeft = await test.ResumeOneAsync("left", JsonValue.Create("L"));
        Assert.Equal(WorkflowStatus.Finished, afterLeft.Status);
        Assert.Equal("LR", afterLeft.Outputs["both"]!.GetValue<string>());
        var journal = await test.JournalAsync(run.InstanceId);
        Assert.Single(journal, e => e.ActivityId == "fork" && e.Event == JournalEvent.Completed);
    }

    [Fact]
    public async Task Parallel_OneBranchFaults_FaultsTheWorkflowAndDropsTheOtherBookmarks()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "Parallel", "branches": [
              { "type": "WaitForEvent", "event": "never" },
              { "id": "bad", "type": "Fail", "message": "branch broke" } ] }
            """));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Empty(run.Bookmarks);
        Assert.Empty((await test.Engine.ResumeAsync(new Stimulus("never"))).Resumed);
    }
}
