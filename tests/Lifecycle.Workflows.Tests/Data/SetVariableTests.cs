using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Data;

public class SetVariableTests
{
    [Fact]
    public async Task SetVariable_Literal_IsVisibleToLaterExpressions()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "SetVariable", "variable": "config", "value": { "retries": 3, "tags": ["a", "b"] } },
            { "type": "SetOutput", "name": "summary", "value": { "js": "vars.config.retries + ':' + vars.config.tags.join('+')" } }
            """));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal("3:a+b", run.Outputs["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task SetVariable_Expression_OverwritesTheDeclaredInitialValue()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "SetVariable", "variable": "count", "value": { "js": "vars.count * 10" } },
            { "type": "SetOutput", "name": "count", "value": { "js": "vars.count" } }
            """, extra: """ "variables": { "count": 4 }, """));

        Assert.Equal(40, run.Outputs["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task SetVariable_NameFromAnExpression_SetsThatVariable()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "SetVariable", "variable": { "js": "'dyn' + 'amic'" }, "value": "yes" },
            { "type": "SetOutput", "name": "value", "value": { "js": "vars.dynamic" } }
            """));

        Assert.Equal("yes", run.Outputs["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task SetVariable_Null_SetsNull()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "SetVariable", "variable": "x", "value": null },
            { "type": "SetOutput", "name": "isNull", "value": { "js": "vars.x === null" } }
            """, extra: """ "variables": { "x": 1 }, """));

        Assert.True(run.Outputs["isNull"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SetVariable_ValueSurvivesASuspension()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "SetVariable", "variable": "list", "value": { "js": "[1, 2, { deep: 'x' }]" } },
            { "type": "WaitForEvent", "event": "go" },
            { "type": "SetOutput", "name": "deep", "value": { "js": "vars.list[2].deep + vars.list.length" } }
            """));

        await using var other = new TestEngine(folder: test.Folder);
        var resumed = await other.ResumeOneAsync("go");

        Assert.Equal("x3", resumed.Outputs["deep"]!.GetValue<string>());
    }
}
