using System.Text.Json.Nodes;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Control;

public class ForEachTests
{
    [Fact]
    public async Task ForEach_LiteralItems_RunsTheBodyOncePerItemWithTheItemInTheVariable()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "ForEach", "items": ["a", "b", "c"], "variable": "letter",
              "body": { "type": "Log", "message": { "js": "'letter ' + vars.letter" } } }
            """));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(["letter a", "letter b", "letter c"], await test.LogsAsync(run.InstanceId));
    }

    [Fact]
    public async Task ForEach_ExpressionItems_IteratesTheEvaluatedArray()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "ForEach", "items": { "js": "input.numbers.map(n => n * 10)" }, "variable": "n",
              "body": { "type": "SetVariable", "variable": "sum", "value": { "js": "vars.sum + vars.n" } } },
            { "type": "SetOutput", "name": "sum", "value": { "js": "vars.sum" } }
            """, extra: """ "variables": { "sum": 0 }, """), new JsonObject { ["numbers"] = new JsonArray(1, 2, 3) });

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(60, run.Outputs["sum"]!.GetValue<int>());
    }

    [Fact]
    public async Task ForEach_ObjectItems_ExposesTheirProperties()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "ForEach", "items": [ { "name": "x", "size": 1 }, { "name": "y", "size": 2 } ], "variable": "file",
              "body": { "type": "Log", "message": { "js": "vars.file.name + '=' + vars.file.size" } } }
            """));

        Assert.Equal(["x=1", "y=2"], await test.LogsAsync(run.InstanceId));
    }

    [Fact]
    public async Task ForEach_EmptyItems_DoesNotRunTheBody()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "ForEach", "items": [], "variable": "x", "body": { "type": "Log", "message": "body" } }
            """));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Empty(await test.LogsAsync(run.InstanceId));
    }

    [Fact]
    public void ForEach_LiteralItemsNotAnArray_IsRejectedAtLoad()
    {
        var error = Assert.Single(Readers.Errors(TestEngine.Workflow("""
            { "id": "loop", "type": "ForEach", "items": "abc", "variable": "x", "body": { "type": "Log", "message": "body" } }
            """)));

        Assert.Equal("$.root.activities[0].items", error.Path);
        Assert.Contains("'items' must be an array", error.Message);
    }

    [Theory]
    [InlineData("{ \"js\": \"42\" }")]
    [InlineData("{ \"js\": \"({ a: 1 })\" }")]
    [InlineData("{ \"js\": \"null\" }")]
    public async Task ForEach_ItemsNotAnArray_Faults(string items)
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow($$"""
            { "id": "loop", "type": "ForEach", "items": {{items}}, "variable": "x", "body": { "type": "Log", "message": "body" } }
            """));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Contains("ForEach 'loop'", run.Error);
        Assert.Contains("'items' must be an array", run.Error);
    }

    [Fact]
    public async Task ForEach_BodyWaitsOnEachItem_ContinuesWithTheNextItemAfterEachEvent()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "ForEach", "items": [1, 2], "variable": "n",
              "body": { "type": "Sequence", "activities": [
                { "id": "wait", "type": "WaitForEvent", "event": "next" },
                { "type": "Log", "message": { "js": "vars.n + ':' + outputs.wait.payload.tag" } } ] } }
            """));
        Assert.Equal(WorkflowStatus.Suspended, run.Status);

        var first = await test.ResumeOneAsync("next", new JsonObject { ["tag"] = "a" });
        var second = await test.ResumeOneAsync("next", new JsonObject { ["tag"] = "b" });

        Assert.Equal(WorkflowStatus.Suspended, first.Status);
        Assert.Equal(WorkflowStatus.Finished, second.Status);
        Assert.Equal(["1:a", "2:b"], await test.LogsAsync(run.InstanceId));
    }
}
