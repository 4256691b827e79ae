using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Control;

public class FailTests
{
    [Fact]
    public async Task Fail_FaultsTheWorkflowWithItsMessage()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""{ "id": "stop", "type": "Fail", "message": "count too small" }"""));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal("Fail 'stop': count too small", run.Error);
    }

    [Fact]
    public async Task Fail_MessageFromAnExpression_IsEvaluated()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""{ "id": "stop", "type": "Fail", "message": { "js": "'got ' + (2 * 21)" } }"""));

        Assert.Equal("Fail 'stop': got 42", run.Error);
    }

    [Fact]
    public async Task Fail_WithoutId_IsNamedByItsPath()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""{ "type": "Log", "message": "x" }, { "type": "Fail", "message": "no" }"""));

        Assert.Equal("Fail '$.root.activities[1]': no", run.Error);
        var journal = await test.JournalAsync(run.InstanceId);
        Assert.Contains(journal, e => e.ActivityId == "$.root.activities[1]" && e.Event == JournalEvent.Faulted);
    }
}
