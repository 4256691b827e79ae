using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Control;

public class TryCatchTests
{
    [Fact]
    public async Task TryCatch_TryFaults_RunsCatchWithTheErrorInItsOutput()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "guard", "type": "TryCatch",
              "try": { "type": "Sequence", "activities": [
                { "type": "Log", "message": "trying" },
                { "id": "boom", "type": "Fail", "message": "disk full" },
                { "type": "Log", "message": "unreachable" } ] },
              "catch": { "type": "Log", "message": { "js": "'caught: ' + outputs.guard.error" } } },
            { "type": "Log", "message": "after" }
            """));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Null(run.Error);
        var logs = await test.LogsAsync(run.InstanceId);
        Assert.Equal(3, logs.Count);
        Assert.Equal("trying", logs[0]);
        Assert.StartsWith("caught: ", logs[1]);
        Assert.Equal("caught: disk full", logs[1]);
        Assert.Equal("after", logs[2]);
        var journal = await test.JournalAsync(run.InstanceId);
        Assert.Contains(journal, e => e.ActivityId == "boom" && e.Event == JournalEvent.Faulted);
        Assert.DoesNotContain(journal, e => e.ActivityId == "guard" && e.Event == JournalEvent.Faulted);
    }

    [Fact]
    public async Task TryCatch_TrySucceeds_SkipsCatch()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "TryCatch", "try": { "type": "Log", "message": "fine" }, "catch": { "type": "Log", "message": "catch" } }
            """));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(["fine"], await test.LogsAsync(run.InstanceId));
    }

    [Fact]
    public async Task TryCatch_WithoutCatch_SwallowsTheFault()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "guard", "type": "TryCatch", "try": { "type": "Fail", "message": "ignored" } },
            { "type": "SetOutput", "name": "error", "value": { "js": "outputs.guard.error" } }
            """));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Contains("ignored", run.Outputs["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task TryCatch_CatchesExpressionErrorsInDeepDescendants()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "guard", "type": "TryCatch",
              "try": { "type": "ForEach", "items": [1], "variable": "x",
                "body": { "type": "If", "condition": true, "then": { "type": "Log", "message": { "js": "nope.missing" } } } },
              "catch": { "type": "SetOutput", "name": "error", "value": { "js": "outputs.guard.error" } } }
            """));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Contains("nope", run.Outputs["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task TryCatch_FaultInCatch_Propagates()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "guard", "type": "TryCatch",
              "try": { "type": "Fail", "message": "first" },
              "catch": { "id": "again", "type": "Fail", "message": "second" } },
            { "type": "Log", "message": "after" }
            """));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal("Fail 'again': second", run.Error);
        Assert.Empty(await test.LogsAsync(run.InstanceId));
    }

    [Fact]
    public async Task TryCatch_Nested_FaultInInnerCatchIsCaughtByTheOuter()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "outer", "type": "TryCatch",
              "try": { "type": "TryCatch", "try": { "type": "Fail", "message": "first" }, "catch": { "type": "Fail", "message": "second" } },
              "catch": { "type": "SetOutput", "name": "error", "value": { "js": "outputs.outer.error" } } }
            """));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Contains("second", run.Outputs["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task TryCatch_TryWaitingOnAnEvent_CatchesAFaultAfterTheResume()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "guard", "type": "TryCatch",
              "try": { "type": "Sequence", "activities": [
                { "id": "wait", "type": "WaitForEvent", "event": "go" },
                { "type": "If", "condition": { "js": "outputs.wait.payload === 'bad'" }, "then": { "type": "Fail", "message": "bad payload" } } ] },
              "catch": { "type": "SetOutput", "name": "error", "value": { "js": "outputs.guard.error" } } }
            """));

        var resumed = await test.ResumeOneAsync("go", System.Text.Json.Nodes.JsonValue.Create("bad"));

        Assert.Equal(WorkflowStatus.Finished, resumed.Status);
        Assert.Contains("bad payload", resumed.Outputs["error"]!.GetValue<string>());
    }
}
