using System.Text.Json.Nodes;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Control;

public class RunWorkflowTests
{
    private const string Double = """
        {
          "id": "double",
          "inputs": { "n": { "type": "number", "required": true } },
          "root": { "type": "Sequence", "activities": [
            { "type": "SetVariable", "variable": "twice", "value": { "js": "input.n * 2" } },
            { "type": "SetOutput", "name": "result", "value": { "js": "vars.twice" } },
            { "type": "SetOutput", "name": "who", "value": { "js": "workflow.id" } }
          ] }
        }
        """;

    [Fact]
    public async Task RunWorkflow_ReturnsTheSubWorkflowOutputs()
    {
        await using var test = new TestEngine();
        await test.PublishAsync(Double);

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "call", "type": "RunWorkflow", "workflow": "double", "input": { "js": "({ n: 21 })" } },
            { "type": "SetOutput", "name": "answer", "value": { "js": "outputs.call.outputs.result" } },
            { "type": "SetOutput", "name": "who", "value": { "js": "outputs.call.outputs.who + ' from ' + workflow.id" } }
            """, id: "parent"));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(42, run.Outputs["answer"]!.GetValue<int>());
        Assert.Equal("double from parent", run.Outputs["who"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunWorkflow_SubWorkflowDataIsSeparateFromTheParent()
    {
        await using var test = new TestEngine();
        await test.PublishAsync(Double);

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "RunWorkflow", "workflow": "double", "input": { "n": 1 } },
            { "type": "SetOutput", "name": "twice", "value": { "js": "typeof vars.twice" } }
            """, id: "parent"));

        Assert.Equal("undefined", run.Outputs["twice"]!.GetValue<string>());
        Assert.False(run.Outputs.ContainsKey("result"));
    }

    [Fact]
    public async Task RunWorkflow_JournalNamesSubWorkflowActivitiesWithTheirWorkflow()
    {
        await using var test = new TestEngine();
        await test.PublishAsync(Double);

        var run = await test.RunAsync(TestEngine.Workflow("""{ "type": "RunWorkflow", "workflow": "double", "input": { "n": 1 } }""", id: "parent"));

        var journal = await test.JournalAsync(run.InstanceId);
        Assert.Contains(journal, e => e.ActivityId == "double:$.root.activities[0]" && e.Event == JournalEvent.Completed);
    }

    [Fact]
    public async Task RunWorkflow_UnknownWorkflow_IsRejectedAtValidation()
    {
        await using var test = new TestEngine();

        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() =>
            test.Engine.ReadAsync(TestEngine.Workflow("""{ "type": "RunWorkflow", "workflow": "missing" }"""), "parent.json"));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("$.root.activities[0].workflow", problem.Path);
        Assert.Contains("'missing'", problem.Message);
        Assert.Contains("parent.json", error.Message);
    }

    [Fact]
    public async Task RunWorkflow_UnknownWorkflowFromAnExpression_FaultsAtRunTime()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""{ "id": "call", "type": "RunWorkflow", "workflow": { "js": "'mis' + 'sing'" } }"""));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.StartsWith("RunWorkflow 'call': ", run.Error);
        Assert.Contains("'missing' is not published", run.Error);
    }

    [Fact]
    public async Task RunWorkflow_BadSubWorkflowInput_FaultsTheActivity()
    {
        await using var test = new TestEngine();
        await test.PublishAsync(Double);

        var run = await test.RunAsync(TestEngine.Workflow("""{ "id": "call", "type": "RunWorkflow", "workflow": "double", "input": { "n": "one" } }"""));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.StartsWith("RunWorkflow 'call': ", run.Error);
        Assert.Contains("'n' must be of type number", run.Error);
    }

    [Fact]
    public async Task RunWorkflow_SubWorkflowFault_PropagatesToTheParent()
    {
        await using var test = new TestEngine();
        await test.PublishAsync("""{ "id": "broken", "root": { "id": "oops", "type": "Fail", "message": "sub failed" } }""");

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "guard", "type": "TryCatch", "try": { "type": "RunWorkflow", "workflow": "broken" } },
            { "type": "SetOutput", "name": "error", "value": { "js": "outputs.guard.error" } },
            { "type": "RunWorkflow", "workflow": "broken" }
            """, id: "parent"));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal("Fail 'broken:oops': sub failed", run.Error);
        var journal = await test.JournalAsync(run.InstanceId);
        Assert.Contains(journal, e => e.ActivityId == "guard" && e.Event == JournalEvent.Completed);
    }

    [Fact]
    public async Task RunWorkflow_SubWorkflowWaitsOnAnEvent_SuspendsTheParentAndResumesIt()
    {
        await using var test = new TestEngine();
        await test.PublishAsync("""
            { "id": "approval", "root": { "type": "Sequence", "activities": [
              { "id": "wait", "type": "WaitForEvent", "event": "approved" },
              { "type": "SetOutput", "name": "by", "value": { "js": "outputs.wait.payload.by" } } ] } }
            """);

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "call", "type": "RunWorkflow", "workflow": "approval" },
            { "type": "SetOutput", "name": "approvedBy", "value": { "js": "outputs.call.outputs.by" } }
            """, id: "parent"));

        Assert.Equal(WorkflowStatus.Suspended, run.Status);
        Assert.Equal("approval:wait", Assert.Single(run.Bookmarks).ActivityId);

        await using var other = new TestEngine(folder: test.Folder);
        var resumed = await other.ResumeOneAsync("approved", new JsonObject { ["by"] = "Ada" });

        Assert.Equal(run.InstanceId, resumed.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, resumed.Status);
        Assert.Equal("Ada", resumed.Outputs["approvedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunWorkflow_FinishInTheSubWorkflow_ReturnsToTheCaller()
    {
        await using var test = new TestEngine();
        await test.PublishAsync("""
            { "id": "early", "root": { "type": "Sequence", "activities": [
              { "type": "SetOutput", "name": "step", "value": 1 },
              { "type": "Finish" },
              { "type": "SetOutput", "name": "step", "value": 2 } ] } }
            """);

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "call", "type": "RunWorkflow", "workflow": "early" },
            { "type": "SetOutput", "name": "step", "value": { "js": "outputs.call.outputs.step" } },
            { "type": "SetOutput", "name": "parentGoesOn", "value": true }
            """, id: "parent"));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(1, run.Outputs["step"]!.GetValue<int>());
        Assert.True(run.Outputs["parentGoesOn"]!.GetValue<bool>());
    }

    [Fact]
    public async Task RunWorkflow_RunsTheLatestVersionOfTheSubWorkflow()
    {
        await using var test = new TestEngine();
        await test.PublishAsync("""{ "id": "answer", "root": { "type": "SetOutput", "name": "value", "value": 1 } }""");
        await test.PublishAsync("""{ "id": "answer", "root": { "type": "SetOutput", "name": "value", "value": 2 } }""");

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "call", "type": "RunWorkflow", "workflow": "answer" },
            { "type": "SetOutput", "name": "value", "value": { "js": "outputs.call.outputs.value" } }
            """, id: "parent"));

        Assert.Equal(2, run.Outputs["value"]!.GetValue<int>());
    }

    [Fact]
    public async Task RunWorkflow_CallingItself_FaultsAtTheDepthLimit()
    {
        await using var test = new TestEngine(new WorkflowRunnerOptions { MaxSubWorkflowDepth = 3 });

        var run = await test.RunAsync("""{ "id": "again", "root": { "id": "self", "type": "RunWorkflow", "workflow": "again" } }""");

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Contains("nest deeper than 3", run.Error);
    }
}
