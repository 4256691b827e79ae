using System.Text.Json.Nodes;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Expressions;

public class ExpressionScopeTests
{
    [Fact]
    public async Task Expressions_SeeInputVariablesOutputsAndTheWorkflow()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync("""
            {
              "id": "scope",
              "inputs": { "name": { "type": "string", "default": "world" }, "times": { "type": "integer" } },
              "variables": { "count": 2, "tags": ["x"] },
              "root": { "type": "Sequence", "activities": [
                { "id": "first", "type": "Log", "message": "first message" },
                { "type": "SetOutput", "name": "input", "value": { "js": "input.name + '/' + input.times" } },
                { "type": "SetOutput", "name": "vars", "value": { "js": "vars.count + vars.tags[0]" } },
                { "type": "SetOutput", "name": "outputs", "value": { "js": "outputs.first.message" } },
                { "type": "SetOutput", "name": "workflow", "value": { "js": "({ id: workflow.id, version: workflow.version, instanceId: workflow.instanceId })" } }
              ] }
            }
            """, new JsonObject { ["times"] = 3 });

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal("world/3", run.Outputs["input"]!.GetValue<string>());
        Assert.Equal("2x", run.Outputs["vars"]!.GetValue<string>());
        Assert.Equal("first message", run.Outputs["outputs"]!.GetValue<string>());
        var workflow = run.Outputs["workflow"]!;
        Assert.Equal("scope", workflow["id"]!.GetValue<string>());
        Assert.Equal(1, workflow["version"]!.GetValue<int>());
        Assert.Equal(run.InstanceId, workflow["instanceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task WorkflowVersion_IsTheVersionTheInstanceRuns()
    {
        await using var test = new TestEngine();
        await test.PublishAsync("""{ "id": "v", "root": { "type": "SetOutput", "name": "version", "value": { "js": "workflow.version" } } }""");

        var run = await test.RunAsync("""{ "id": "v", "root": { "type": "SetOutput", "name": "version", "value": { "js": "workflow.version + 0" } } }""");

        Assert.Equal(2, run.Outputs["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Outputs_OfActivitiesWithoutAnId_AreNotVisible()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "Log", "message": "anonymous" },
            { "type": "SetOutput", "name": "keys", "value": { "js": "Object.keys(outputs).length" } }
            """));

        Assert.Equal(0, run.Outputs["keys"]!.GetValue<int>());
    }

    [Fact]
    public async Task Outputs_OfAnActivityNotRunYet_AreUndefined()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "SetOutput", "name": "early", "value": { "js": "typeof outputs.later" } },
            { "id": "later", "type": "Log", "message": "x" }
            """));

        Assert.Equal("undefined", run.Outputs["early"]!.GetValue<string>());
    }

    [Fact]
    public async Task Input_NotGiven_IsUndefined()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""{ "type": "SetOutput", "name": "t", "value": { "js": "typeof input.missing" } }"""));

        Assert.Equal("undefined", run.Outputs["t"]!.GetValue<string>());
    }

    [Fact]
    public async Task Scope_SurvivesASuspensionInAnotherEngine()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync("""
            {
              "id": "scope",
              "variables": { "count": 1 },
              "root": { "type": "Sequence", "activities": [
                { "id": "first", "type": "Log", "message": "hello" },
                { "type": "SetVariable", "variable": "count", "value": { "js": "vars.count + 1" } },
                { "type": "WaitForEvent", "event": "go" },
                { "type": "SetOutput", "name": "all", "value": { "js": "[input.who, vars.count, outputs.first.message, workflow.id, workflow.version, workflow.instanceId].join('|')" } }
              ] }
            }
            """, new JsonObject { ["who"] = "me" });

        await using var other = new TestEngine(folder: test.Folder);
        var resumed = await other.ResumeOneAsync("go");

        Assert.Equal($"me|2|hello|scope|1|{run.InstanceId}", resumed.Outputs["all"]!.GetValue<string>());
    }
}
