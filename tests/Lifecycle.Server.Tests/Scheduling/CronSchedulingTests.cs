using Lifecycle.Server.Scheduling;
using Lifecycle.Server.Tests.Support;
using Lifecycle.Workflows.Persistence;
using Lifecycle.Workflows.Runtime;
using Quartz;

namespace Lifecycle.Server.Tests.Scheduling;

/// <summary>Cron triggers of published workflows start instances, never two runs at once.</summary>
public sealed class CronSchedulingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public CronSchedulingTests()
    {
        SessionRepositories.Prepare(_folder);
    }

    /// <summary>Fires every second; each run takes longer than that.</summary>
    private const string Slow = """
    {
      "id": "slow",
      "triggers": [ { "type": "Cron", "cron": "* * * * * ?" } ],
      "root": { "id": "work", "type": "RunCommand", "run": "sleep 1.5" }
    }
    """;

    [Fact]
    public async Task A_cron_trigger_starts_instances_that_never_overlap()
    {
        using var server = new RepositoryServer(_folder.Path);
        var engine = server.Engine;
        await DelayWorkflows.PublishAsync(engine, Slow);

        await Poll.UntilAsync(async () => (await Finished(engine.Store)).Count >= 3, TimeSpan.FromSeconds(15), "three cron runs finished");

        var runs = (await Finished(engine.Store)).OrderBy(r => r.CreatedAt).ToList();
        for (var i = 1; i < runs.Count; i++)
        {
            Assert.True(runs[i].CreatedAt >= runs[i - 1].FinishedAt, $"run {runs[i].InstanceId} started at {runs[i].CreatedAt:O}, before {runs[i - 1].InstanceId} finished at {runs[i - 1].FinishedAt:O}");
        }
    }

    [Fact]
    public async Task Fires_held_back_by_a_long_run_are_not_run_back_to_back_afterwards()
    {
        using var server = new RepositoryServer(_folder.Path);
        var engine = server.Engine;
        var marker = Path.Combine(_folder.Path, "first-run-done");
        // The first run outlasts three intervals; every later one is instant. The latest held fire
        // runs late and the next one on time, which may be any time apart (the long run can end
        // just before a second); held fires released together run milliseconds apart, so three
        // runs within 100 ms can only be held fires run back to back.
        await DelayWorkflows.PublishAsync(engine, Slow.Replace("sleep 1.5", $"test -f {marker} || (touch {marker}; sleep 3.5)"));

        await Poll.UntilAsync(async () => (await Finished(engine.Store)).Count >= 4, TimeSpan.FromSeconds(20), "four cron runs finished");

        var starts = (await Finished(engine.Store)).Select(r => r.CreatedAt).Order().ToList();
        for (var i = 2; i < starts.Count; i++)
        {
            Assert.True(starts[i] - starts[i - 2] >= TimeSpan.FromMilliseconds(100), $"three runs started within {(starts[i] - starts[i - 2]).TotalMilliseconds} ms: held-back fires ran back to back");
        }
    }

    [Fact]
    public async Task Publishing_a_version_without_the_cron_trigger_removes_its_schedule()
    {
        using var server = new RepositoryServer(_folder.Path);
        var engine = server.Engine;
        var scheduler = await server.Get<ISchedulerFactory>().GetScheduler();
        await DelayWorkflows.PublishAsync(engine, Slow);
        await server.Get<CronSchedules>().SyncAsync(CancellationToken.None);
        Assert.True(await scheduler.Exists(SchedulerKeys.Cron("slow", 0)));

        await DelayWorkflows.PublishAsync(engine, Slow.Replace("""[ { "type": "Cron", "cron": "* * * * * ?" } ]""", "[]"));
        await server.Get<CronSchedules>().SyncAsync(CancellationToken.None);

        Assert.False(await scheduler.Exists(SchedulerKeys.Cron("slow", 0)));
        Assert.False(await scheduler.Exists(SchedulerKeys.Cron("slow")));
    }

    private static async Task<List<InstanceSummary>> Finished(IWorkflowStore store) =>
        [.. await store.ListInstancesAsync(WorkflowStatus.Finished, "slow", 100, CancellationToken.None)];

    public void Dispose() => _folder.Dispose();
}
