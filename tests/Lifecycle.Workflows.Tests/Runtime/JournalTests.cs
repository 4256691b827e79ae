using System.Text.Json.Nodes;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Runtime;

public class JournalTests
{
    [Fact]
    public async Task Journal_RecordsScheduledStartedAndCompletedForEveryActivity()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""{ "id": "hello", "type": "Log", "message": "hi" }"""));

        var journal = await test.JournalAsync(run.InstanceId);
        Assert.Equal(
            [
                ("$.root", "Sequence", JournalEvent.Scheduled),
                ("$.root", "Sequence", JournalEvent.Started),
                ("hello", "Log", JournalEvent.Scheduled),
                ("hello", "Log", JournalEvent.Started),
                ("hello", "Log", JournalEvent.Completed),
                ("$.root", "Sequence", JournalEvent.Completed),
            ],
            journal.Select(e => (e.ActivityId, e.ActivityType, e.Event)));
        Assert.Equal([1L, 2, 3, 4, 5, 6], journal.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Journal_AcrossSuspensions_IsNumberedWithoutGapsAndStampedByTheEngineClock()
    {
        await using var test = new TestEngine();
        var start = test.Time.GetUtcNow();
        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "wait", "type": "WaitForEvent", "event": "go" },
            { "id": "pause", "type": "Delay", "duration": "PT1H" },
            { "id": "end", "type": "Log", "message": "done" }
            """));
        test.Time.Advance(TimeSpan.FromMinutes(10));
        await test.ResumeOneAsync("go", new JsonObject { ["by"] = "me" });
        test.Time.Advance(TimeSpan.FromHours(1));
        await test.Engine.FireDueTimersAsync();

        var journal = await test.JournalAsync(run.InstanceId);

        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(e => e.Sequence));
        Assert.Equal(start, journal.First(e => e.ActivityId == "wait").Timestamp);
        var resumed = journal.Single(e => e.ActivityId == "wait" && e.Event == JournalEvent.Resumed);
        Assert.Equal(start.AddMinutes(10), resumed.Timestamp);
        Assert.Equal("""{"by":"me"}""", resumed.Data!.ToJsonString());
        var suspended = journal.Single(e => e.ActivityId == "pause" && e.Event == JournalEvent.Suspended);
        Assert.Equal($"Waiting until {start.AddMinutes(70):O}", suspended.Message);
        Assert.Equal(start.AddMinutes(70), journal.Single(e => e.ActivityId == "end" && e.Event == JournalEvent.Completed).Timestamp);
    }

    [Fact]
    public async Task GetJournal_AfterASequence_ReturnsOnlyLaterEntries()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "WaitForEvent", "event": "go" },
            { "type": "Log", "message": "after" }
            """));
        var before = await test.JournalAsync(run.InstanceId);
        await test.ResumeOneAsync("go");

        var later = await test.Engine.Store.GetJournalAsync(run.InstanceId, before[^1].Sequence, default);

        Assert.Equal(before[^1].Sequence + 1, later[0].Sequence);
        Assert.Contains(later, e => e.ActivityType == "Log" && e.Event == JournalEvent.Completed);
        Assert.Empty(await test.Engine.Store.GetJournalAsync(run.InstanceId, later[^1].Sequence, default));
    }

    [Fact]
    public async Task Journal_LongData_IsTruncatedToTheLimit()
    {
        await using var test = new TestEngine(new WorkflowRunnerOptions { JournalDataLimit = 100 });

        var run = await test.RunAsync(TestEngine.Workflow("""{ "id": "long", "type": "Log", "message": { "js": "'x'.repeat(500)" } }"""));

        var completed = (await test.JournalAsync(run.InstanceId)).Single(e => e.ActivityId == "long" && e.Event == JournalEvent.Completed);
        Assert.True(completed.Data!["truncated"]!.GetValue<bool>());
        Assert.True(completed.Data["length"]!.GetValue<int>() > 1000);
        Assert.Equal(100, completed.Data["preview"]!.GetValue<string>().Length);
        Assert.Equal(new string('x', 500), completed.Message);
    }

    [Fact]
    public async Task Observers_SeeEntriesAsTheyHappen_AndAFailingObserverIsSkipped()
    {
        var seen = new List<JournalEntry>();
        var runner = new WorkflowRunner(TimeProvider.System, observers: [new Throwing(), new Collecting(seen)]);
        var definition = Readers.Create().Read(TestEngine.Workflow("""{ "type": "Log", "message": "hi" }"""));
        var execution = runner.Create(definition, null);

        await runner.RunAsync(execution);

        Assert.Equal(WorkflowStatus.Finished, execution.Status);
        Assert.Equal(execution.PendingJournal, seen);
        Assert.Contains(seen, e => e.Message == "hi");
    }

    private sealed class Collecting(List<JournalEntry> seen) : IJournalObserver
    {
        public void OnEntry(WorkflowExecution execution, JournalEntry entry) => seen.Add(entry);
    }

    private sealed class Throwing : IJournalObserver
    {
        public void OnEntry(WorkflowExecution execution, JournalEntry entry) => throw new InvalidOperationException("observer broke");
    }
}
