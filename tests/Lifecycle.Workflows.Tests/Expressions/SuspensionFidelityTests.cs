using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Expressions;

/// <summary>A run gives the same results whether or not it suspends in the middle.</summary>
public class SuspensionFidelityTests
{
    [Fact]
    public async Task Expression_AddingAGlobal_Faults()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""{ "id": "g", "type": "SetVariable", "variable": "x", "value": { "js": "globalThis.g = 5" } }"""));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Contains("SetVariable 'g'", run.Error);
    }

    [Fact]
    public async Task DateVariable_ReadsTheSameBeforeAndAfterASuspension()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "SetVariable", "variable": "d", "value": { "js": "new Date(Date.UTC(2026, 0, 2))" } },
            { "type": "SetOutput", "name": "before", "value": { "js": "typeof vars.d + ' ' + vars.d" } },
            { "type": "WaitForEvent", "event": "go" },
            { "type": "SetOutput", "name": "after", "value": { "js": "typeof vars.d + ' ' + vars.d" } }
            """));

        var done = await test.ResumeOneAsync("go");

        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Equal("string 2026-01-02T00:00:00.000Z", done.Outputs["before"]!.GetValue<string>());
        Assert.Equal(done.Outputs["before"]!.GetValue<string>(), done.Outputs["after"]!.GetValue<string>());
    }
}
