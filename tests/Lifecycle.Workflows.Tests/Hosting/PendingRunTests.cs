using System.Text.Json.Nodes;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Hosting;

/// <summary><see cref="WorkflowEngine.PrepareAsync(string, JsonObject?, CancellationToken)"/>: an instance stored before it runs, run once.</summary>
public class PendingRunTests
{
    private const string Steps = """
        {
          "id": "steps",
          "inputs": { "n": { "type": "number", "default": 1 } },
          "root": { "type": "SetOutput", "name": "twice", "value": { "js": "input.n * 2" } }
        }
        """;

    [Fact]
    public async Task Prepare_StoresTheInstanceRunning_AndRunFinishesIt()
    {
        await using var test = new TestEngine();
        await test.PublishAsync(Steps);

        var pending = await test.Engine.PrepareAsync("steps", new JsonObject { ["n"] = 4 });
        var stored = await test.Engine.Store.GetInstanceAsync(pending.InstanceId, default);
        var result = await test.Engine.RunAsync(pending);

        Assert.Equal(WorkflowStatus.Running, stored!.Status);
        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(8, result.Outputs["twice"]!.GetValue<double>());
    }

    [Fact]
    public async Task Run_OfAPendingRunAlreadyRun_Throws()
    {
        await using var test = new TestEngine();
        await test.PublishAsync(Steps);
        var pending = await test.Engine.PrepareAsync("steps", null);
        await test.Engine.RunAsync(pending);

        var error = await Assert.ThrowsAsync<WorkflowException>(() => test.Engine.RunAsync(pending));

        Assert.Contains("already run", error.Message);
    }

    [Fact]
    public async Task Prepare_WithBadInput_StoresNothing()
    {
        await using var test = new TestEngine();
        await test.PublishAsync(Steps);

        await Assert.ThrowsAsync<WorkflowInputException>(() => test.Engine.PrepareAsync("steps", new JsonObject { ["n"] = "four" }));

        Assert.Empty(await test.Engine.Store.ListInstancesAsync(null, null, 10, default));
    }

    [Fact]
    public async Task Prepare_OfAnUnknownWorkflow_ThrowsNotFound()
    {
        await using var test = new TestEngine();

        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => test.Engine.PrepareAsync("nope", null));
    }
}
