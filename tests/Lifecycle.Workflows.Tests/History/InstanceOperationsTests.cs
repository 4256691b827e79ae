using Lifecycle.Workflows.History;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.History;

public class InstanceOperationsTests
{
    private const string Waits = """{ "id": "go", "type": "WaitForEvent", "event": "go" }""";

    [Fact]
    public async Task Cancel_Suspended_RemovesBookmarksAndJournalsWhy()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(TestEngine.Workflow(Waits));

        await test.Engine.CancelAsync(run.InstanceId, "not needed");

        var details = await test.Engine.Store.GetDetailsAsync(run.InstanceId, default);
        Assert.Equal(WorkflowStatus.Cancelled, details!.Instance.Status);
        Assert.NotNull(details.Instance.FinishedAt);
        Assert.Empty(details.Bookmarks);
        Assert.Equal("Cancelled: not needed", (await test.JournalAsync(run.InstanceId))[^1].Message);
        Assert.Empty((await test.Engine.ResumeAsync(new Lifecycle.Workflows.Hosting.Stimulus("go"))).Resumed);
    }

    [Fact]
    public async Task Cancel_Finished_IsRefused()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(TestEngine.Workflow("""{ "type": "Log", "message": "hi" }"""));

        var error = await Assert.ThrowsAsync<InstanceStateException>(() => test.Engine.CancelAsync(run.InstanceId, null));

        Assert.Contains("Finished already", error.Message);
    }

    [Fact]
    public async Task Cancel_RunningInALiveProcess_IsRefused_AndInADeadOne_Works()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(TestEngine.Workflow(Waits));
        await test.SqlAsync($"UPDATE WorkflowInstances SET Status = 'Running', Owner = '{Lifecycle.Workflows.Hosting.ProcessOwner.Current}' WHERE Id = '{run.InstanceId}'");

        var error = await Assert.ThrowsAsync<InstanceStateException>(() => test.Engine.CancelAsync(run.InstanceId, null));
        Assert.Contains("running in process", error.Message);

        await test.SqlAsync($"UPDATE WorkflowInstances SET Owner = '{Environment.MachineName}:999999999:1' WHERE Id = '{run.InstanceId}'");
        await test.Engine.CancelAsync(run.InstanceId, null);
        Assert.Equal(WorkflowStatus.Cancelled, (await test.Engine.Store.GetDetailsAsync(run.InstanceId, default))!.Instance.Status);
    }

    [Fact]
    public async Task Unknown_instance_is_not_found()
    {
        await using var test = new TestEngine();

        await Assert.ThrowsAsync<InstanceNotFoundException>(() => test.Engine.CancelAsync("nope", null));
        await Assert.ThrowsAsync<InstanceNotFoundException>(() => test.Engine.RetryAsync("nope"));
        await Assert.ThrowsAsync<InstanceNotFoundException>(() => test.Engine.DeleteAsync("nope"));
    }

    [Fact]
    public async Task Retry_RunsTheFailedActivityAgain_WithTheVariablesAsTheyWere()
    {
        await using var test = new TestEngine(configureRegistry: r => r.AddAssembly(typeof(FailWhileMissing).Assembly));
        var marker = Path.Combine(test.Folder, "ready");
        var run = await test.RunAsync(TestEngine.Workflow($$"""
            { "id": "count", "type": "SetVariable", "variable": "count", "value": { "js": "vars.count + 1" } },
            { "id": "flaky", "type": "FailWhileMissing", "file": {{System.Text.Json.JsonSerializer.Serialize(marker)}} },
            { "type": "SetOutput", "name": "count", "value": { "js": "vars.count" } }
            """, extra: """ "variables": { "count": 0 }, """));
        Assert.Equal(WorkflowStatus.Faulted, run.Status);

        File.WriteAllText(marker, "");
        var retried = await test.Engine.RetryAsync(run.InstanceId);

        Assert.Equal(WorkflowStatus.Finished, retried.Status);
        Assert.Null(retried.Error);
        Assert.Equal(1, retried.Outputs["count"]!.GetValue<int>());
        var starts = await test.StartsAsync(run.InstanceId);
        Assert.Equal(1, starts["count"]);
        Assert.Equal(2, starts["flaky"]);
        Assert.Contains(await test.JournalAsync(run.InstanceId), e => e is { ActivityId: "flaky", Event: JournalEvent.Resumed } && e.Message!.StartsWith("Retried"));
    }

    [Fact]
    public async Task Retry_OfAnInstanceThatFaultsAgain_CanBeRetriedAgain()
    {
        await using var test = new TestEngine(configureRegistry: r => r.AddAssembly(typeof(FailWhileMissing).Assembly));
        var marker = Path.Combine(test.Folder, "ready");
        var run = await test.RunAsync(TestEngine.Workflow($$"""{ "id": "flaky", "type": "FailWhileMissing", "file": {{System.Text.Json.JsonSerializer.Serialize(marker)}} }"""));

        var again = await test.Engine.RetryAsync(run.InstanceId);
        File.WriteAllText(marker, "");
        var last = await test.Engine.RetryAsync(run.InstanceId);

        Assert.Equal(WorkflowStatus.Faulted, again.Status);
        Assert.Equal(WorkflowStatus.Finished, last.Status);
    }

    [Fact]
    public async Task Retry_OfAnInstanceThatIsNotFaulted_IsRefused()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(TestEngine.Workflow(Waits));

        var error = await Assert.ThrowsAsync<InstanceStateException>(() => test.Engine.RetryAsync(run.InstanceId));

        Assert.Contains("only a Faulted instance", error.Message);
    }

    [Fact]
    public async Task Delete_RemovesTheInstanceItsJournalAndBookmarks()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(TestEngine.Workflow(Waits));

        await test.Engine.DeleteAsync(run.InstanceId);

        Assert.Null(await test.Engine.Store.GetDetailsAsync(run.InstanceId, default));
        Assert.Empty(await test.JournalAsync(run.InstanceId));
        Assert.Empty(await test.Engine.Store.FindBookmarksAsync("go", null, null, default));
    }

    [Fact]
    public async Task Bulk_ByIdsAndByFilter_SaysWhyForTheOnesItLeaves()
    {
        await using var test = new TestEngine();
        var definition = await test.PublishAsync(TestEngine.Workflow(Waits));
        var waiting = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            waiting.Add((await test.Engine.RunAsync(definition, null)).InstanceId);
        }

        var finished = await test.RunAsync(TestEngine.Workflow("""{ "type": "Log", "message": "hi" }""", id: "logger"));

        var cancelled = await test.Engine.CancelManyAsync([waiting[0], finished.InstanceId, "nope"], null);
        Assert.Equal([waiting[0]], cancelled.Done);
        Assert.Equal([finished.InstanceId, "nope"], cancelled.Refused.Select(r => r.InstanceId).Order());

        var byFilter = await test.Engine.CancelManyAsync(new InstanceFilter(WorkflowId: "test", Statuses: [WorkflowStatus.Suspended]), null);
        Assert.Equal(waiting.Skip(1).Order(), byFilter.Done.Order());

        var deleted = await test.Engine.DeleteManyAsync(new InstanceFilter(Statuses: [WorkflowStatus.Cancelled]));
        Assert.Equal(waiting.Order(), deleted.Done.Order());
        Assert.Equal(1, (await test.Engine.Store.QueryInstancesAsync(InstanceFilter.All, null, 10, default)).Total);
    }

    [Fact]
    public async Task DeleteEndedBefore_DeletesOnlyEndedOldInstances_ABatchAtATime()
    {
        await using var test = new TestEngine();
        var definition = await test.PublishAsync(TestEngine.Workflow("""{ "type": "Log", "message": "hi" }"""));
        for (var i = 0; i < 5; i++)
        {
            await test.Engine.RunAsync(definition, null);
        }

        var waiting = await test.RunAsync(TestEngine.Workflow(Waits, id: "waiter"));
        test.Time.Advance(TimeSpan.FromDays(10));
        var recent = await test.Engine.RunAsync(definition, null);
        var store = test.Engine.Store;
        var cutoff = test.Time.GetUtcNow() - TimeSpan.FromDays(1);

        Assert.Equal(2, await store.DeleteEndedBeforeAsync(cutoff, 2, default));
        Assert.Equal(2, await store.DeleteEndedBeforeAsync(cutoff, 2, default));
        Assert.Equal(1, await store.DeleteEndedBeforeAsync(cutoff, 2, default));
        Assert.Equal(0, await store.DeleteEndedBeforeAsync(cutoff, 2, default));

        var left = (await store.QueryInstancesAsync(InstanceFilter.All, null, 10, default)).Items.Select(i => i.InstanceId).Order();
        Assert.Equal(new[] { waiting.InstanceId, recent.InstanceId }.Order(), left);
        Assert.Equal((await store.ReadAfterAsync(JournalPosition.Start, null, null, 1000, default)).Select(e => e.InstanceId).Distinct().Order(), left);
    }
}
