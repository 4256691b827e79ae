using System.Text.Json.Nodes;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Data;

public class SetOutputTests
{
    [Fact]
    public async Task SetOutput_LiteralsAndExpressions_BecomeWorkflowOutputs()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "SetOutput", "name": "text", "value": "hello" },
            { "type": "SetOutput", "name": "number", "value": 2.5 },
            { "type": "SetOutput", "name": "object", "value": { "a": [1, true, null] } },
            { "type": "SetOutput", "name": "computed", "value": { "js": "({ sum: 1 + 2, list: [input.x] })" } }
            """), new JsonObject { ["x"] = "in" });

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal("hello", run.Outputs["text"]!.GetValue<string>());
        Assert.Equal(2.5, run.Outputs["number"]!.GetValue<double>());
        Assert.Equal("""{"a":[1,true,null]}""", run.Outputs["object"]!.ToJsonString());
        Assert.Equal("""{"sum":3,"list":["in"]}""", run.Outputs["computed"]!.ToJsonString());
    }

    [Fact]
    public async Task SetOutput_SameNameTwice_KeepsTheLastValue()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "SetOutput", "name": "x", "value": 1 },
            { "type": "SetOutput", "name": "x", "value": 2 }
            """));

        Assert.Equal(2, run.Outputs["x"]!.GetValue<int>());
    }

    [Fact]
    public async Task SetOutput_IsStoredWithTheInstance()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""{ "type": "SetOutput", "name": "x", "value": { "js": "[1, 2]" } }"""));

        var stored = await test.Engine.Store.GetInstanceAsync(run.InstanceId, default);
        Assert.Equal("[1,2]", stored!.Outputs["x"]!.ToJsonString());
    }

    [Fact]
    public async Task SetOutput_BeforeASuspension_IsKeptAfterTheResume()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "SetOutput", "name": "early", "value": "kept" },
            { "type": "WaitForEvent", "event": "go" },
            { "type": "SetOutput", "name": "late", "value": "added" }
            """));
        Assert.Equal("kept", run.Outputs["early"]!.GetValue<string>());

        var resumed = await test.ResumeOneAsync("go");

        Assert.Equal("kept", resumed.Outputs["early"]!.GetValue<string>());
        Assert.Equal("added", resumed.Outputs["late"]!.GetValue<string>());
    }
}
