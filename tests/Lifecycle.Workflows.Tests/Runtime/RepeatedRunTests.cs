using System.Text.Json.Nodes;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Runtime;

/// <summary>A loaded definition is shared by every run; no run may leave anything behind in it.</summary>
public class RepeatedRunTests
{
    [Fact]
    public async Task SameDefinitionRunThreeTimes_EveryRunGetsTheLiteralsAsWritten()
    {
        await using var test = new TestEngine();
        await test.PublishAsync("""{ "id": "child", "root": { "type": "SetOutput", "name": "echo", "value": { "js": "input.config" } } }""");
        var definition = await test.PublishAsync(TestEngine.Workflow("""
            { "type": "ForEach", "items": [1, 2, 3], "variable": "n",
              "body": { "type": "SetVariable", "variable": "sum", "value": { "js": "vars.sum + vars.n" } } },
            { "type": "SetOutput", "name": "sum", "value": { "js": "vars.sum" } },
            { "type": "SetOutput", "name": "object", "value": { "nested": { "list": [1, 2] } } },
            { "id": "call", "type": "RunWorkflow", "workflow": "child", "input": { "config": { "a": 1 } } },
            { "type": "SetOutput", "name": "child", "value": { "js": "outputs.call.outputs.echo" } },
            { "id": "wait", "type": "WaitForEvent", "event": "go" },
            { "type": "SetOutput", "name": "payload", "value": { "js": "outputs.wait.payload" } }
            """, id: "parent", extra: """ "variables": { "sum": 0 }, """));

        var runs = new List<RunResult>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add(await test.Engine.RunAsync(definition, null));
        }

        var resumed = await test.Engine.ResumeAsync(new Stimulus("go", new JsonObject { ["x"] = 1 }));

        Assert.All(runs, r => Assert.Equal(WorkflowStatus.Suspended, r.Status));
        Assert.Equal(3, resumed.Resumed.Count);
        Assert.All(resumed.Resumed, r =>
        {
            Assert.Equal(WorkflowStatus.Finished, r.Status);
            Assert.Equal("""{"sum":6,"object":{"nested":{"list":[1,2]}},"child":{"a":1},"payload":{"x":1}}""", r.Outputs.ToJsonString());
        });
    }

    [Fact]
    public async Task OutputChangedByOneRun_DoesNotLeakIntoTheNext()
    {
        await using var test = new TestEngine();
        var definition = await test.PublishAsync(TestEngine.Workflow("""
            { "type": "SetOutput", "name": "object", "value": { "count": 1 } }
            """));

        var first = await test.Engine.RunAsync(definition, null);
        first.Outputs["object"]!["count"] = 99;
        var second = await test.Engine.RunAsync(definition, null);

        Assert.Equal(1, second.Outputs["object"]!["count"]!.GetValue<int>());
    }
}
