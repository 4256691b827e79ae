using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Control;

public class SequenceTests
{
    [Fact]
    public async Task Sequence_WithActivities_RunsThemInOrder()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "Log", "message": "one" },
            { "type": "Log", "message": "two" },
            { "type": "Log", "message": "three" }
            """));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(["one", "two", "three"], await test.LogsAsync(run.InstanceId));
    }

    [Fact]
    public async Task Sequence_Empty_Finishes()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow(""));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
    }

    [Fact]
    public async Task Sequence_Nested_RunsInnerBeforeTheNextOuterActivity()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "Sequence", "activities": [ { "type": "Log", "message": "a" }, { "type": "Log", "message": "b" } ] },
            { "type": "Log", "message": "c" }
            """));

        Assert.Equal(["a", "b", "c"], await test.LogsAsync(run.InstanceId));
    }

    [Fact]
    public async Task Sequence_ActivityFaults_LaterActivitiesDoNotRun()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "Log", "message": "before" },
            { "type": "Fail", "message": "stop" },
            { "type": "Log", "message": "after" }
            """));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal(["before"], await test.LogsAsync(run.InstanceId));
    }
}
