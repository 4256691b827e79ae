using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Persistence;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;
using Lifecycle.Workflows.Timers;

namespace Lifecycle.Workflows.Tests.Bookmarks;

/// <summary>The engine hands every persisted timer to its scheduler (the server's fires them on time).</summary>
public class TimerSchedulerTests
{
    private sealed class RecordingScheduler : ITimerScheduler
    {
        public List<(string InstanceId, Bookmark Timer)> Scheduled { get; } = [];

        public ValueTask ScheduleAsync(string instanceId, Bookmark timer, CancellationToken cancellationToken)
        {
            Scheduled.Add((instanceId, timer));
            return ValueTask.CompletedTask;
        }

        public List<(string InstanceId, int BookmarkId)> Cancelled { get; } = [];

        public ValueTask CancelAsync(string instanceId, int bookmarkId, CancellationToken cancellationToken)
        {
            Cancelled.Add((instanceId, bookmarkId));
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Run_SuspendedOnADelay_SchedulesItsTimerWithTheDueTime()
    {
        await using var test = new TestEngine();
        var scheduler = new RecordingScheduler();
        var engine = new WorkflowEngine(test.Engine.Store, test.Runner, test.Reader, scheduler);
        var definition = await test.PublishAsync(TestEngine.Workflow("""{ "id": "wait", "type": "Delay", "duration": "PT5M" }"""));

        var run = await engine.RunAsync(definition, null);

        Assert.Equal(WorkflowStatus.Suspended, run.Status);
        var (instanceId, timer) = Assert.Single(scheduler.Scheduled);
        Assert.Equal(run.InstanceId, instanceId);
        Assert.Equal(test.Time.GetUtcNow() + TimeSpan.FromMinutes(5), timer.DueAt);
        Assert.Equal("wait", timer.ActivityId);
    }

    [Fact]
    public async Task Run_WithoutTimers_SchedulesNothing()
    {
        await using var test = new TestEngine();
        var scheduler = new RecordingScheduler();
        var engine = new WorkflowEngine(test.Engine.Store, test.Runner, test.Reader, scheduler);
        var definition = await test.PublishAsync(TestEngine.Workflow("""{ "type": "WaitForEvent", "event": "go" }"""));

        await engine.RunAsync(definition, null);

        Assert.Empty(scheduler.Scheduled);
    }

    [Fact]
    public async Task FireTimer_WhenDue_ResumesTheInstanceAndCancelsItsTimer()
    {
        await using var test = new TestEngine();
        var scheduler = new RecordingScheduler();
        var engine = new WorkflowEngine(test.Engine.Store, test.Runner, test.Reader, scheduler);
        var definition = await test.PublishAsync(TestEngine.Workflow("""{ "id": "wait", "type": "Delay", "duration": "PT1S" }"""));
        var run = await engine.RunAsync(definition, null);
        var timer = scheduler.Scheduled.Single().Timer;
        test.Time.Advance(TimeSpan.FromSeconds(1));

        var fired = await engine.FireTimerAsync(run.InstanceId, timer.Id);
        var again = await engine.FireTimerAsync(run.InstanceId, timer.Id);

        Assert.Equal(WorkflowStatus.Finished, fired.Resumed?.Status);
        Assert.Equal([(run.InstanceId, timer.Id)], scheduler.Cancelled);
        Assert.Null(again.Resumed);
        Assert.False(again.StillPending);
    }

    [Fact]
    public async Task PendingTimers_ListsEveryStoredTimerWithItsDueTime()
    {
        await using var test = new TestEngine();
        var definition = await test.PublishAsync(TestEngine.Workflow("""{ "id": "wait", "type": "Delay", "duration": "PT5M" }"""));
        var run = await test.Engine.RunAsync(definition, null);

        var timer = Assert.Single(await test.Engine.PendingTimersAsync());

        Assert.Equal(run.InstanceId, timer.InstanceId);
        Assert.Equal(test.Time.GetUtcNow() + TimeSpan.FromMinutes(5), timer.DueAt);
    }
}
