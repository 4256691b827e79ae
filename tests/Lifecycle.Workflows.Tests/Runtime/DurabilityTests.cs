using System.Text.Json.Nodes;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Persistence;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Runtime;

public class DurabilityTests
{
    private const string Steps = """
        {
          "id": "steps",
          "variables": { "total": 0 },
          "root": { "id": "root", "type": "Sequence", "activities": [
            { "id": "a", "type": "Log", "message": "a" },
            { "id": "loop", "type": "ForEach", "items": [1, 2, 3], "variable": "n",
              "body": { "id": "add", "type": "SetVariable", "variable": "total", "value": { "js": "vars.total + vars.n" } } },
            { "id": "wait", "type": "WaitForEvent", "event": "go" },
            { "id": "c", "type": "Log", "message": { "js": "'total ' + vars.total + ' extra ' + outputs.wait.payload" } },
            { "id": "wait2", "type": "WaitForEvent", "event": "go2" },
            { "id": "d", "type": "SetOutput", "name": "done", "value": { "js": "vars.total" } }
          ] }
        }
        """;

    [Fact]
    public async Task SuspendedInstance_ResumedByAnotherEngine_NeverReExecutesACompletedActivity()
    {
        await using var first = new TestEngine();
        var run = await first.RunAsync(Steps);
        var instanceId = run.InstanceId;
        Assert.Equal(WorkflowStatus.Suspended, run.Status);

        await using var second = new TestEngine(folder: first.Folder);
        var resumed = await second.ResumeOneAsync("go", JsonValue.Create(4));
        Assert.Equal(WorkflowStatus.Suspended, resumed.Status);

        await using var third = new TestEngine(folder: first.Folder);
        var finished = await third.ResumeOneAsync("go2");

        Assert.Equal(WorkflowStatus.Finished, finished.Status);
        Assert.Equal(6, finished.Outputs["done"]!.GetValue<int>());
        Assert.Equal(["a", "total 6 extra 4"], await third.LogsAsync(instanceId));
        var starts = await third.StartsAsync(instanceId);
        Assert.Equal(3, starts["add"]);
        Assert.All(new[] { "root", "a", "loop", "wait", "c", "wait2", "d" }, id => Assert.Equal(1, starts[id]));
        var journal = await third.JournalAsync(instanceId);
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(e => e.Sequence));
    }

    [Fact]
    public async Task SameBookmarkResumedTwice_OnlyTheFirstResumeWins()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(Steps);
        var stored = await test.Engine.Store.LoadAsync(run.InstanceId, default);
        var one = await test.Runner.RestoreAsync(stored!, default);
        var two = await test.Runner.RestoreAsync(stored!, default);
        test.Runner.Resume(one, Assert.Single(one.Bookmarks), JsonValue.Create(1));
        test.Runner.Resume(two, Assert.Single(two.Bookmarks), JsonValue.Create(2));

        await test.Engine.Store.SaveAsync(one, "first", default);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => test.Engine.Store.SaveAsync(two, "second", default));

        Assert.Equal(run.InstanceId, conflict.InstanceId);
        var after = await test.Engine.Store.LoadAsync(run.InstanceId, default);
        Assert.Equal("first", after!.Owner);
        Assert.Equal(WorkflowStatus.Running, after.Status);
    }

    [Fact]
    public async Task SameEventDeliveredByTwoEnginesAtOnce_EachInstanceIsResumedExactlyOnce()
    {
        await using var one = new TestEngine();
        await using var two = new TestEngine(folder: one.Folder);
        var definition = await one.PublishAsync(Steps);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await one.Engine.RunAsync(definition, null)).InstanceId);
        }

        var results = await Task.WhenAll(
            Task.Run(() => one.Engine.ResumeAsync(new Stimulus("go", JsonValue.Create(1)))),
            Task.Run(() => two.Engine.ResumeAsync(new Stimulus("go", JsonValue.Create(2)))));

        var resumed = results.SelectMany(r => r.Resumed).Select(r => r.InstanceId).ToList();
        Assert.Equal(ids.Order(), resumed.Order());
        foreach (var id in ids)
        {
            var starts = await one.StartsAsync(id);
            Assert.Equal(1, starts["c"]);
            Assert.Equal(1, starts["wait2"]);
            Assert.Equal(WorkflowStatus.Suspended, (await one.Engine.Store.GetInstanceAsync(id, default))!.Status);
        }
    }

    [Fact]
    public async Task ResumeOfAnInstanceAnotherEngineAlreadyClaimed_IsSkipped()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(Steps);
        var stored = await test.Engine.Store.LoadAsync(run.InstanceId, default);
        var claimed = await test.Runner.RestoreAsync(stored!, default);
        test.Runner.Resume(claimed, Assert.Single(claimed.Bookmarks), null);
        await test.Engine.Store.SaveAsync(claimed, ProcessOwner.Current, default);

        var result = await test.Engine.ResumeAsync(new Stimulus("go"));

        Assert.Empty(result.Resumed);
        Assert.Empty(result.Started);
    }

    [Fact]
    public async Task EveryActivityPersistence_SavesAfterEachCompletedActivity()
    {
        await using var test = new TestEngine();
        var definition = await test.PublishAsync("""
            { "id": "every", "persistence": "everyActivity", "root": { "type": "Sequence", "activities": [
              { "type": "Log", "message": "1" }, { "type": "Log", "message": "2" }, { "type": "Log", "message": "3" } ] } }
            """);
        var execution = test.Runner.Create(definition, null);
        await test.Engine.Store.InsertAsync(execution, "me", default);
        var statuses = new List<WorkflowStatus>();

        await test.Runner.RunAsync(execution, async (e, ct) =>
        {
            await test.Engine.Store.SaveAsync(e, "me", ct);
            statuses.Add((await test.Engine.Store.LoadAsync(e.InstanceId, ct))!.Status);
        });

        Assert.Equal(3, statuses.Count);
        Assert.All(statuses, s => Assert.Equal(WorkflowStatus.Running, s));
        Assert.Equal(WorkflowStatus.Finished, execution.Status);
    }
}
