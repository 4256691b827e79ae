using Lifecycle.Workflows.History;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.History;

public class InstanceHistoryTests
{
    private const string Waits = """{ "id": "go", "type": "WaitForEvent", "event": "go", "correlation": "s-1" }""";

    [Fact]
    public async Task Query_PagesNewestFirst_WithATotalAndACursor_NeitherSkippingNorRepeating()
    {
        await using var test = new TestEngine();
        var definition = await test.PublishAsync(TestEngine.Workflow("""{ "type": "Log", "message": "hi" }"""));
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await test.Engine.RunAsync(definition, null)).InstanceId);
            test.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await test.Engine.Store.QueryInstancesAsync(InstanceFilter.All, null, 2, default);
        Assert.True(InstanceCursor.TryParse(first.Next, out var cursor));
        var second = await test.Engine.Store.QueryInstancesAsync(InstanceFilter.All, cursor, 2, default);
        Assert.True(InstanceCursor.TryParse(second.Next, out cursor));
        var third = await test.Engine.Store.QueryInstancesAsync(InstanceFilter.All, cursor, 2, default);

        Assert.Equal(5, first.Total);
        Assert.Null(third.Next);
        Assert.Equal(Enumerable.Reverse(ids), first.Items.Concat(second.Items).Concat(third.Items).Select(i => i.InstanceId));
    }

    [Fact]
    public async Task Query_FiltersByStatusWorkflowVersionCorrelationAndTime()
    {
        await using var test = new TestEngine();
        var waiting = await test.RunAsync(TestEngine.Workflow(Waits, id: "waiter"));
        test.Time.Advance(TimeSpan.FromMinutes(1));
        var done = await test.RunAsync(TestEngine.Workflow("""{ "type": "Log", "message": "hi" }""", id: "logger"));
        var store = test.Engine.Store;

        async Task<IEnumerable<string>> Ids(InstanceFilter filter) => (await store.QueryInstancesAsync(filter, null, 10, default)).Items.Select(i => i.InstanceId);

        Assert.Equal([waiting.InstanceId], await Ids(new InstanceFilter(Statuses: [WorkflowStatus.Suspended])));
        Assert.Equal([done.InstanceId, waiting.InstanceId], await Ids(new InstanceFilter(Statuses: [WorkflowStatus.Suspended, WorkflowStatus.Finished])));
        Assert.Equal([done.InstanceId], await Ids(new InstanceFilter(WorkflowId: "logger", Version: 1)));
        Assert.Empty(await Ids(new InstanceFilter(WorkflowId: "logger", Version: 2)));
        Assert.Equal([waiting.InstanceId], await Ids(new InstanceFilter(Correlation: "s-1")));
        Assert.Equal([done.InstanceId], await Ids(new InstanceFilter(CreatedFrom: test.Time.GetUtcNow())));
        Assert.Equal([waiting.InstanceId], await Ids(new InstanceFilter(CreatedTo: test.Time.GetUtcNow())));
        Assert.Equal([done.InstanceId], await Ids(new InstanceFilter(UpdatedFrom: test.Time.GetUtcNow())));
    }

    [Fact]
    public async Task Correlation_OfTheStimulusThatStartedTheInstance_IsKept()
    {
        await using var test = new TestEngine();
        await test.PublishAsync("""
            { "id": "on-commit", "triggers": [ { "type": "Event", "event": "git_commit" } ], "root": { "type": "Log", "message": "hi" } }
            """);

        var started = Assert.Single((await test.Engine.ResumeAsync(new Stimulus("git_commit", null, "session-7"))).Started);

        var details = await test.Engine.Store.GetDetailsAsync(started.InstanceId, default);
        Assert.Equal("session-7", details!.Instance.Correlation);
    }

    [Fact]
    public async Task JournalPage_FiltersByActivityAndEvent_AndPagesWithNext()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "a", "type": "Log", "message": "1" }, { "id": "b", "type": "Log", "message": "2" }, { "id": "c", "type": "Log", "message": "3" }
            """));
        var store = test.Engine.Store;

        var onlyB = await store.GetJournalPageAsync(new JournalQuery(run.InstanceId, 0, 50, ActivityId: "b"), default);
        var completed = await store.GetJournalPageAsync(new JournalQuery(run.InstanceId, 0, 2, Event: JournalEvent.Completed), default);
        var rest = await store.GetJournalPageAsync(new JournalQuery(run.InstanceId, completed.Next!.Value, 10, Event: JournalEvent.Completed), default);

        Assert.Equal([JournalEvent.Scheduled, JournalEvent.Started, JournalEvent.Completed], onlyB.Entries.Select(e => e.Event));
        Assert.Null(onlyB.Next);
        Assert.Equal(["a", "b"], completed.Entries.Select(e => e.ActivityId));
        Assert.Equal(["c", "$.root"], rest.Entries.Select(e => e.ActivityId));
        Assert.Null(rest.Next);
    }

    [Fact]
    public async Task Feed_ReadsEveryEntryAfterAPosition_AcrossInstances_InOrder()
    {
        await using var test = new TestEngine();
        var waiting = await test.RunAsync(TestEngine.Workflow(Waits, id: "waiter"));
        var other = await test.RunAsync(TestEngine.Workflow("""{ "type": "Log", "message": "hi" }""", id: "logger"));
        await test.ResumeOneAsync("go", correlation: "s-1");
        var store = test.Engine.Store;

        var all = await store.ReadAfterAsync(JournalPosition.Start, null, null, 1000, default);
        var middle = all[all.Count / 2].Position;
        var after = await store.ReadAfterAsync(middle, null, null, 1000, default);
        var waiterOnly = await store.ReadAfterAsync(JournalPosition.Start, null, "waiter", 1000, default);

        Assert.Equal(all.Select(e => e.Position).Order(), all.Select(e => e.Position));
        Assert.Equal(all.Count, all.Select(e => e.Position).Distinct().Count());
        Assert.Equal(all.SkipWhile(e => e.Position <= middle).Select(e => e.Position), after.Select(e => e.Position));
        Assert.Equal((await test.JournalAsync(waiting.InstanceId)).Count + (await test.JournalAsync(other.InstanceId)).Count, all.Count);
        Assert.All(waiterOnly, e => Assert.Equal(waiting.InstanceId, e.InstanceId));
        Assert.Equal(all[^1].Position, await store.HeadAsync(default));
    }

    [Fact]
    public void Positions_RoundTripAsEventIds()
    {
        var position = new JournalPosition(42, 7);

        Assert.True(JournalPosition.TryParse(position.ToString(), out var parsed));
        Assert.Equal(position, parsed);
        Assert.False(JournalPosition.TryParse("42", out _));
        Assert.False(JournalPosition.TryParse("a-b", out _));
        Assert.False(JournalPosition.TryParse("-1-2", out _));
    }
}
