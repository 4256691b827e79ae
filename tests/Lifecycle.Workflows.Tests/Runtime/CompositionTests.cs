using System.Text.Json.Nodes;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Runtime;

/// <summary>Composites nested in each other, suspended and resumed from the store at every step.</summary>
public class CompositionTests
{
    [Fact]
    public async Task ParallelBranchesWaitingOnTheSameEvent_AreBothResumedByOneStimulus()
    {
        await using var test = new TestEngine();
        await test.RunAsync(TestEngine.Workflow("""
            { "type": "Parallel", "branches": [
              { "id": "one", "type": "WaitForEvent", "event": "go" },
              { "id": "two", "type": "WaitForEvent", "event": "go" } ] },
            { "type": "SetOutput", "name": "sum", "value": { "js": "outputs.one.payload + outputs.two.payload" } }
            """));

        var resumed = await test.ResumeOneAsync("go", JsonValue.Create(5));

        Assert.Equal(WorkflowStatus.Finished, resumed.Status);
        Assert.Equal(10, resumed.Outputs["sum"]!.GetValue<int>());
    }

    [Fact]
    public async Task WhileBodyThatWaits_CountsIterationsAcrossResumes()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "While", "condition": { "js": "vars.go" }, "maxIterations": 3,
              "body": { "type": "Sequence", "activities": [
                { "id": "tick", "type": "WaitForEvent", "event": "tick" },
                { "type": "SetVariable", "variable": "go", "value": { "js": "outputs.tick.payload" } } ] } }
            """, extra: """ "variables": { "go": true }, """));

        await test.ResumeOneAsync("tick", JsonValue.Create(true));
        await test.ResumeOneAsync("tick", JsonValue.Create(true));
        var third = await test.ResumeOneAsync("tick", JsonValue.Create(true));

        Assert.Equal(WorkflowStatus.Faulted, third.Status);
        Assert.Contains("maxIterations (3)", third.Error);
        Assert.Equal(3, (await test.StartsAsync(run.InstanceId))["tick"]);
    }

    [Fact]
    public async Task NestedSubWorkflows_WaitAndReturnTheirOutputsUpTheChain()
    {
        await using var test = new TestEngine();
        await test.PublishAsync("""
            { "id": "leaf", "root": { "type": "Sequence", "activities": [
              { "id": "w", "type": "WaitForEvent", "event": "leaf_go" },
              { "type": "Delay", "duration": "PT1M" },
              { "type": "SetOutput", "name": "v", "value": { "js": "outputs.w.payload + '@' + workflow.id" } } ] } }
            """);
        await test.PublishAsync("""
            { "id": "middle", "root": { "type": "Sequence", "activities": [
              { "id": "call", "type": "RunWorkflow", "workflow": "leaf" },
              { "type": "SetOutput", "name": "v", "value": { "js": "outputs.call.outputs.v + '@' + workflow.id" } } ] } }
            """);
        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "call", "type": "RunWorkflow", "workflow": "middle" },
            { "type": "SetOutput", "name": "v", "value": { "js": "outputs.call.outputs.v + '@' + workflow.id" } }
            """, id: "top"));
        Assert.Equal("leaf:w", Assert.Single(run.Bookmarks).ActivityId);

        await using var other = new TestEngine(folder: test.Folder);
        var afterEvent = await other.ResumeOneAsync("leaf_go", JsonValue.Create("x"));
        Assert.Equal(WorkflowStatus.Suspended, afterEvent.Status);
        other.Time.Advance(TimeSpan.FromMinutes(1));
        var fired = Assert.Single(await other.Engine.FireDueTimersAsync());

        Assert.Equal(WorkflowStatus.Finished, fired.Status);
        Assert.Equal("x@leaf@middle@top", fired.Outputs["v"]!.GetValue<string>());
    }

    [Fact]
    public async Task FaultInAResumedSubWorkflow_IsCaughtByATryCatchInTheParent()
    {
        await using var test = new TestEngine();
        await test.PublishAsync("""
            { "id": "risky", "root": { "type": "Sequence", "activities": [
              { "type": "WaitForEvent", "event": "go" },
              { "id": "bad", "type": "Fail", "message": "sub broke" } ] } }
            """);
        await test.RunAsync(TestEngine.Workflow("""
            { "id": "guard", "type": "TryCatch", "try": { "type": "RunWorkflow", "workflow": "risky" },
              "catch": { "type": "SetOutput", "name": "error", "value": { "js": "outputs.guard.error" } } }
            """, id: "parent"));

        var resumed = await test.ResumeOneAsync("go");

        Assert.Equal(WorkflowStatus.Finished, resumed.Status);
        Assert.Equal("sub broke", resumed.Outputs["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task FinishInASubWorkflow_LeavesTheParentsOtherBranchWaiting()
    {
        await using var test = new TestEngine();
        await test.PublishAsync("""
            { "id": "quick", "root": { "type": "Parallel", "branches": [
              { "type": "WaitForEvent", "event": "sub_never" },
              { "type": "Finish" } ] } }
            """);

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "Parallel", "branches": [
              { "type": "RunWorkflow", "workflow": "quick" },
              { "type": "WaitForEvent", "event": "parent_go" } ] }
            """, id: "parent"));

        Assert.Equal(WorkflowStatus.Suspended, run.Status);
        Assert.Equal("parent_go", Assert.Single(run.Bookmarks).Event);
        Assert.Equal(WorkflowStatus.Finished, (await test.ResumeOneAsync("parent_go")).Status);
    }

    [Fact]
    public async Task SwitchCaseThatWaits_GoesOnAfterTheResume()
    {
        await using var test = new TestEngine();
        await test.RunAsync(TestEngine.Workflow("""
            { "type": "Switch", "cases": [ { "when": true, "do": { "type": "WaitForEvent", "event": "go" } } ] },
            { "type": "SetOutput", "name": "done", "value": true }
            """));

        var resumed = await test.ResumeOneAsync("go");

        Assert.True(resumed.Outputs["done"]!.GetValue<bool>());
    }

    [Fact]
    public async Task TimerAndEventInParallel_BothMustArriveBeforeTheJoin()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "Parallel", "branches": [ { "type": "Delay", "duration": 30 }, { "type": "WaitForEvent", "event": "go" } ] },
            { "type": "SetOutput", "name": "done", "value": true }
            """));

        test.Time.Advance(TimeSpan.FromSeconds(30));
        var afterTimer = Assert.Single(await test.Engine.FireDueTimersAsync());
        var afterEvent = await test.ResumeOneAsync("go");

        Assert.Equal(WorkflowStatus.Suspended, afterTimer.Status);
        Assert.Equal(WorkflowStatus.Finished, afterEvent.Status);
        Assert.Equal(run.InstanceId, afterEvent.InstanceId);
    }
}
