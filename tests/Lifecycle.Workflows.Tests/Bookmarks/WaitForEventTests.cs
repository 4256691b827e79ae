using System.Text.Json.Nodes;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Bookmarks;

public class WaitForEventTests
{
    private const string Waiter = """
        {
          "id": "waiter",
          "inputs": { "key": { "type": "string" } },
          "root": { "type": "Sequence", "activities": [
            { "id": "wait", "type": "WaitForEvent", "event": "review_done", "correlation": { "js": "input.key ?? null" } },
            { "type": "SetOutput", "name": "payload", "value": { "js": "outputs.wait.payload" } }
          ] }
        }
        """;

    [Fact]
    public async Task WaitForEvent_Suspends_ThenOutputsThePayloadOfTheStimulus()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(Waiter);

        Assert.Equal(WorkflowStatus.Suspended, run.Status);
        var bookmark = Assert.Single(run.Bookmarks);
        Assert.Equal("review_done", bookmark.Event);
        Assert.Equal("wait", bookmark.ActivityId);
        Assert.Null(bookmark.Correlation);

        var resumed = await test.ResumeOneAsync("review_done", new JsonObject { ["score"] = 9, ["notes"] = new JsonArray("ok") });

        Assert.Equal(WorkflowStatus.Finished, resumed.Status);
        Assert.Equal("""{"score":9,"notes":["ok"]}""", resumed.Outputs["payload"]!.ToJsonString());
        var journal = await test.JournalAsync(run.InstanceId);
        Assert.Contains(journal, e => e.ActivityId == "wait" && e.Event == JournalEvent.Suspended && e.Message == "Waiting for event 'review_done'");
        Assert.Contains(journal, e => e.ActivityId == "wait" && e.Event == JournalEvent.Resumed);
    }

    [Fact]
    public async Task WaitForEvent_StimulusWithoutPayload_OutputsNull()
    {
        await using var test = new TestEngine();
        await test.RunAsync(Waiter);

        var resumed = await test.ResumeOneAsync("review_done");

        Assert.Equal(WorkflowStatus.Finished, resumed.Status);
        Assert.Null(resumed.Outputs["payload"]);
    }

    [Fact]
    public async Task WaitForEvent_OtherEvent_DoesNotResume()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(Waiter);

        var result = await test.Engine.ResumeAsync(new Stimulus("something_else"));

        Assert.Empty(result.Resumed);
        Assert.Equal(WorkflowStatus.Suspended, (await test.Engine.Store.GetInstanceAsync(run.InstanceId, default))!.Status);
    }

    [Fact]
    public async Task WaitForEvent_Correlated_IsResumedOnlyByTheSameCorrelation()
    {
        await using var test = new TestEngine();
        var definition = await test.PublishAsync(Waiter);
        var a = await test.Engine.RunAsync(definition, new JsonObject { ["key"] = "A" });
        var b = await test.Engine.RunAsync(definition, new JsonObject { ["key"] = "B" });
        Assert.Equal("A", Assert.Single(a.Bookmarks).Correlation);

        var uncorrelated = await test.Engine.ResumeAsync(new Stimulus("review_done"));
        var wrong = await test.Engine.ResumeAsync(new Stimulus("review_done", Correlation: "C"));
        var right = await test.Engine.ResumeAsync(new Stimulus("review_done", JsonValue.Create("for A"), "A"));

        Assert.Empty(uncorrelated.Resumed);
        Assert.Empty(wrong.Resumed);
        var resumed = Assert.Single(right.Resumed);
        Assert.Equal(a.InstanceId, resumed.InstanceId);
        Assert.Equal("for A", resumed.Outputs["payload"]!.GetValue<string>());
        Assert.Equal(WorkflowStatus.Suspended, (await test.Engine.Store.GetInstanceAsync(b.InstanceId, default))!.Status);
    }

    [Fact]
    public async Task WaitForEvent_Uncorrelated_IsResumedByAnyStimulusOfThatEvent()
    {
        await using var test = new TestEngine();
        var definition = await test.PublishAsync(Waiter);

        var first = await test.Engine.RunAsync(definition, null);
        var withCorrelation = await test.Engine.ResumeAsync(new Stimulus("review_done", Correlation: "anything"));
        var second = await test.Engine.RunAsync(definition, null);
        var withoutCorrelation = await test.Engine.ResumeAsync(new Stimulus("review_done"));

        Assert.Equal(first.InstanceId, Assert.Single(withCorrelation.Resumed).InstanceId);
        Assert.Equal(second.InstanceId, Assert.Single(withoutCorrelation.Resumed).InstanceId);
    }

    [Fact]
    public async Task WaitForEvent_OneStimulus_ResumesEveryMatchingInstance()
    {
        await using var test = new TestEngine();
        var definition = await test.PublishAsync(Waiter);
        await test.Engine.RunAsync(definition, null);
        await test.Engine.RunAsync(definition, null);
        await test.Engine.RunAsync(definition, new JsonObject { ["key"] = "K" });

        var result = await test.Engine.ResumeAsync(new Stimulus("review_done", Correlation: "K"));

        Assert.Equal(3, result.Resumed.Count);
        Assert.All(result.Resumed, r => Assert.Equal(WorkflowStatus.Finished, r.Status));
    }

    [Fact]
    public async Task WaitForEvent_StimulusForOneInstance_ResumesOnlyThatInstance()
    {
        await using var test = new TestEngine();
        var definition = await test.PublishAsync(Waiter);
        var first = await test.Engine.RunAsync(definition, null);
        var second = await test.Engine.RunAsync(definition, null);

        var result = await test.Engine.ResumeAsync(new Stimulus("review_done", InstanceId: second.InstanceId));

        Assert.Equal(second.InstanceId, Assert.Single(result.Resumed).InstanceId);
        Assert.Equal(WorkflowStatus.Suspended, (await test.Engine.Store.GetInstanceAsync(first.InstanceId, default))!.Status);
    }

    [Fact]
    public async Task WaitForEvent_EventNameFromAnExpression_WaitsOnThatEvent()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""{ "type": "WaitForEvent", "event": { "js": "'build_' + input.id" } }"""),
            new JsonObject { ["id"] = 7 });

        Assert.Equal("build_7", Assert.Single(run.Bookmarks).Event);
    }

    [Fact]
    public async Task WaitForEvent_EmptyEventNameFromAnExpression_Faults()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""{ "id": "wait", "type": "WaitForEvent", "event": { "js": "' '" } }"""));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal("WaitForEvent 'wait': 'event' evaluated to an empty name", run.Error);
    }

    [Fact]
    public async Task WaitForEvent_ResumedTwiceWithTheSameEvent_SecondStimulusFindsNothing()
    {
        await using var test = new TestEngine();
        await test.RunAsync(Waiter);

        await test.ResumeOneAsync("review_done");
        var again = await test.Engine.ResumeAsync(new Stimulus("review_done"));

        Assert.Empty(again.Resumed);
        Assert.Empty(again.Skipped);
    }
}
