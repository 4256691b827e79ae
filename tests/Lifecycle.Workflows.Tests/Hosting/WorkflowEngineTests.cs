using System.Text.Json.Nodes;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Hosting;

public class WorkflowEngineTests
{
    private const string Triggered = """
        {
          "id": "on-commit",
          "triggers": [ { "type": "Event", "event": "git_commit" } ],
          "root": { "type": "SetOutput", "name": "sha", "value": { "js": "input.sha" } }
        }
        """;

    [Fact]
    public async Task Run_UnpublishedDefinition_Throws()
    {
        await using var test = new TestEngine();
        var definition = await test.Engine.ReadAsync(TestEngine.Workflow(""), "test.json");

        var error = await Assert.ThrowsAsync<WorkflowException>(() => test.Engine.RunAsync(definition, null));

        Assert.Contains("not published", error.Message);
    }

    [Fact]
    public async Task Read_DoesNotPublish()
    {
        await using var test = new TestEngine();

        await test.Engine.ReadAsync(TestEngine.Workflow(""), "test.json");

        Assert.Empty(await test.Engine.Store.ListDefinitionsAsync(default));
    }

    [Fact]
    public async Task Read_InvalidDefinition_NamesTheSourceAndPersistsNothing()
    {
        await using var test = new TestEngine();

        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => test.Engine.ReadAsync("""{ "id": "x" }""", "workflows/x.json"));

        Assert.StartsWith("workflows/x.json is not a valid workflow (1 problem): $: Missing 'root'", error.Message);
        Assert.Empty(await test.Engine.Store.ListDefinitionsAsync(default));
    }

    [Fact]
    public async Task Stimulus_StartsWorkflowsWhoseTriggerMatches_WithThePayloadAsInput()
    {
        await using var test = new TestEngine();
        await test.PublishAsync(Triggered);

        var result = await test.Engine.ResumeAsync(new Stimulus("git_commit", new JsonObject { ["sha"] = "abc123" }));

        var started = Assert.Single(result.Started);
        Assert.Equal("on-commit", started.WorkflowId);
        Assert.Equal(WorkflowStatus.Finished, started.Status);
        Assert.Equal("abc123", started.Outputs["sha"]!.GetValue<string>());
        Assert.Empty(result.Resumed);
    }

    [Fact]
    public async Task Stimulus_ForAnotherEvent_StartsNothing()
    {
        await using var test = new TestEngine();
        await test.PublishAsync(Triggered);

        var result = await test.Engine.ResumeAsync(new Stimulus("git_push"));

        Assert.Empty(result.Started);
    }

    [Fact]
    public async Task Stimulus_ForOneInstance_StartsNothing()
    {
        await using var test = new TestEngine();
        await test.PublishAsync(Triggered);

        var result = await test.Engine.ResumeAsync(new Stimulus("git_commit", InstanceId: "whatever"));

        Assert.Empty(result.Started);
    }

    [Fact]
    public async Task Stimulus_TriggerRemovedInTheLatestVersion_StartsNothing()
    {
        await using var test = new TestEngine();
        await test.PublishAsync(Triggered);
        await test.PublishAsync("""{ "id": "on-commit", "root": { "type": "Finish" } }""");

        var result = await test.Engine.ResumeAsync(new Stimulus("git_commit"));

        Assert.Empty(result.Started);
    }

    [Fact]
    public async Task Stimulus_ResumesWaitingInstancesAndStartsTriggeredOnes()
    {
        await using var test = new TestEngine();
        await test.PublishAsync(Triggered);
        var waiting = await test.RunAsync(TestEngine.Workflow("""{ "type": "WaitForEvent", "event": "git_commit" }""", id: "waiter"));

        var result = await test.Engine.ResumeAsync(new Stimulus("git_commit", new JsonObject { ["sha"] = "s" }));

        Assert.Equal(waiting.InstanceId, Assert.Single(result.Resumed).InstanceId);
        Assert.Single(result.Started);
    }

    [Fact]
    public async Task Stimulus_PayloadATriggeredWorkflowRejects_IsRefusedBeforeAnythingIsResumed()
    {
        await using var test = new TestEngine();
        await test.PublishAsync("""
            { "id": "strict", "inputs": { "sha": { "type": "string", "required": true } },
              "triggers": [ { "type": "Event", "event": "git_commit" } ],
              "root": { "type": "Log", "message": { "js": "input.sha" } } }
            """);
        var waiting = await test.RunAsync(TestEngine.Workflow("""{ "type": "WaitForEvent", "event": "git_commit" }""", id: "waiter"));

        var error = await Assert.ThrowsAsync<StimulusRejectedException>(() =>
            test.Engine.ResumeAsync(new Stimulus("git_commit", new JsonObject { ["sha"] = 42 })));

        Assert.Contains("starts workflow 'strict'", error.Message);
        Assert.Contains("'sha' must be of type string", error.Message);
        Assert.Contains("Nothing was resumed or started", error.Message);
        var instance = await test.Engine.Store.GetInstanceAsync(waiting.InstanceId, default);
        Assert.Equal(WorkflowStatus.Suspended, instance!.Status);
        Assert.Single(await test.Engine.Store.ListInstancesAsync(null, null, 10, default));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Stimulus_WithoutAName_IsRefused(string name)
    {
        await using var test = new TestEngine();
        await test.PublishAsync(Triggered);

        await Assert.ThrowsAsync<StimulusRejectedException>(() => test.Engine.ResumeAsync(new Stimulus(name)));

        Assert.Empty(await test.Engine.Store.ListInstancesAsync(null, null, 10, default));
    }

    [Fact]
    public async Task ListInstances_FiltersByStatusAndWorkflow()
    {
        await using var test = new TestEngine();
        var finished = await test.RunAsync(TestEngine.Workflow("", id: "done"));
        var suspended = await test.RunAsync(TestEngine.Workflow("""{ "type": "WaitForEvent", "event": "go", "correlation": "c1" }""", id: "waits"));
        await test.RunAsync(TestEngine.Workflow("""{ "type": "Fail", "message": "x" }""", id: "fails"));
        var store = test.Engine.Store;

        Assert.Equal(3, (await store.ListInstancesAsync(null, null, 10, default)).Count);
        Assert.Equal(2, (await store.ListInstancesAsync(null, null, 2, default)).Count);
        Assert.Equal(finished.InstanceId, Assert.Single(await store.ListInstancesAsync(WorkflowStatus.Finished, null, 10, default)).InstanceId);
        var waiting = Assert.Single(await store.ListInstancesAsync(null, "waits", 10, default));
        Assert.Equal(suspended.InstanceId, waiting.InstanceId);
        Assert.Equal(WorkflowStatus.Suspended, waiting.Status);
        var bookmark = Assert.Single(waiting.Bookmarks);
        Assert.Equal(("go", "$.root.activities[0]", "c1"), (bookmark.Event, bookmark.ActivityId, bookmark.Correlation));
        Assert.Empty(await store.ListInstancesAsync(WorkflowStatus.Cancelled, null, 10, default));
        Assert.Null(await store.GetInstanceAsync("missing", default));
    }

    [Fact]
    public async Task Start_CalledAgain_HasNothingLeftToDo()
    {
        await using var test = new TestEngine();
        await test.RunAsync(TestEngine.Workflow("""{ "type": "Delay", "duration": 0 }, { "type": "WaitForEvent", "event": "x" }"""));

        var report = await test.Engine.StartAsync();

        Assert.Empty(report.Recovered);
        Assert.Empty(report.TimersFired);
    }
}
