using System.Diagnostics;
using Lifecycle.Server.Scheduling;
using Lifecycle.Server.Tests.Support;
using Lifecycle.Workflows.Runtime;
using Quartz;

namespace Lifecycle.Server.Tests.Scheduling;

/// <summary>Delay timers through the server's Quartz scheduler: on time, once, across restarts.</summary>
public sealed class TimerSchedulingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public TimerSchedulingTests()
    {
        SessionRepositories.Prepare(_folder);
    }

    [Fact]
    public async Task A_one_second_delay_resumes_within_about_a_second()
    {
        using var server = new RepositoryServer(_folder.Path);
        var engine = server.Engine;
        var definition = await DelayWorkflows.PublishAsync(engine, DelayWorkflows.Delay("nap", "PT1S"));

        var clock = Stopwatch.StartNew();
        var run = await engine.RunAsync(definition, null);
        await Poll.UntilAsync(async () => await DelayWorkflows.StatusAsync(engine, run.InstanceId) == WorkflowStatus.Finished,
            TimeSpan.FromSeconds(5), "the instance finished");

        Assert.Equal(WorkflowStatus.Suspended, run.Status);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2.5));
        Assert.Equal(1, await DelayWorkflows.ResumedCountAsync(engine, run.InstanceId));
    }

    [Fact]
    public async Task Scheduling_a_timer_again_keeps_one_trigger_and_resuming_deletes_it()
    {
        using var server = new RepositoryServer(_folder.Path);
        var engine = server.Engine;
        var timers = server.Get<Lifecycle.Workflows.Timers.ITimerScheduler>();
        var scheduler = await server.Get<ISchedulerFactory>().GetScheduler();
        var definition = await DelayWorkflows.PublishAsync(engine, DelayWorkflows.Delay("nap", "PT1S"));

        var run = await engine.RunAsync(definition, null);
        var key = SchedulerKeys.Timer(run.InstanceId, 1);
        var first = await scheduler.GetTrigger(key);
        await timers.ScheduleAsync(run.InstanceId, new Bookmark(1, 0, Bookmark.TimerEvent, null, first!.StartTimeUtc, "wait"), CancellationToken.None);
        await timers.ScheduleAsync(run.InstanceId, new Bookmark(1, 0, Bookmark.TimerEvent, null, first.StartTimeUtc, "wait"), CancellationToken.None);

        Assert.Equal(first.StartTimeUtc, (await scheduler.GetTrigger(key))!.StartTimeUtc);
        await Poll.UntilAsync(async () => await DelayWorkflows.StatusAsync(engine, run.InstanceId) == WorkflowStatus.Finished,
            TimeSpan.FromSeconds(5), "the instance finished");
        await Poll.UntilAsync(async () => !await scheduler.Exists(key), TimeSpan.FromSeconds(2), "the trigger was deleted");
        Assert.Equal(1, await DelayWorkflows.ResumedCountAsync(engine, run.InstanceId));
    }

    [Fact]
    public async Task A_hundred_timers_due_while_the_server_was_down_each_fire_exactly_once_after_it_comes_back()
    {
        var instances = new List<string>();
        using (var before = new RepositoryServer(_folder.Path))
        {
            var engine = before.Engine;
            var definition = await DelayWorkflows.PublishAsync(engine, DelayWorkflows.Delay("nap", "PT1M"));
            for (var i = 0; i < 100; i++)
            {
                instances.Add((await engine.RunAsync(definition, null)).InstanceId);
            }

            Assert.Equal(100, (await engine.PendingTimersAsync()).Count);
        }

        // The server comes back two minutes later: every timer fell due while it was down.
        using var after = new RepositoryServer(_folder.Path, clock: new ShiftedTime(TimeSpan.FromMinutes(2)));
        var restarted = after.Engine;
        await Poll.UntilAsync(async () => (await restarted.Store.ListInstancesAsync(WorkflowStatus.Finished, "nap", 1000, CancellationToken.None)).Count == 100,
            TimeSpan.FromSeconds(30), "every instance finished");

        // Quartz's own triggers for the same timers (stored before the restart) must not fire them again.
        var scheduler = await after.Get<ISchedulerFactory>().GetScheduler();
        await Poll.UntilAsync(async () => (await scheduler.QueryTriggers(new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(SchedulerKeys.TimersGroup) })).Items.Count == 0,
            TimeSpan.FromSeconds(10), "every timer trigger is gone");
        foreach (var instanceId in instances)
        {
            Assert.Equal(1, await DelayWorkflows.ResumedCountAsync(restarted, instanceId));
        }
    }

    [Fact]
    public async Task Overdue_timers_are_spread_out_oldest_first_rather_than_fired_all_at_once()
    {
        using var server = new RepositoryServer(_folder.Path, RepositoryServer.Fast with { StartupSpacing = TimeSpan.FromMilliseconds(100) });
        var engine = server.Engine;
        var scheduler = await server.StandbySchedulerAsync();
        var definition = await DelayWorkflows.PublishAsync(engine, DelayWorkflows.Delay("nap", "PT0.2S"));
        var instances = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            instances.Add((await engine.RunAsync(definition, null)).InstanceId);
        }

        var latestDue = (await engine.PendingTimersAsync()).Max(t => t.DueAt);
        await Poll.UntilAsync(() => Task.FromResult(TimeProvider.System.GetUtcNow() > latestDue), TimeSpan.FromSeconds(5), "every timer is due");

        var overdue = await server.Get<TimerReconciler>().SpreadOverdueAsync(CancellationToken.None);

        Assert.Equal(5, overdue);
        var starts = new List<DateTimeOffset>();
        foreach (var instanceId in instances)
        {
            starts.Add((await scheduler.GetTrigger(SchedulerKeys.Timer(instanceId, 1)))!.StartTimeUtc);
        }

        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.Equal(TimeSpan.FromMilliseconds(100), pair.Second - pair.First));
        await scheduler.Start();
        await Poll.UntilAsync(async () => (await Task.WhenAll(instances.Select(id => DelayWorkflows.StatusAsync(engine, id)))).All(s => s == WorkflowStatus.Finished),
            TimeSpan.FromSeconds(5), "every instance finished");
        foreach (var instanceId in instances)
        {
            Assert.Equal(1, await DelayWorkflows.ResumedCountAsync(engine, instanceId));
        }
    }

    public void Dispose() => _folder.Dispose();
}
