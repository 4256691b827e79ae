using Lifecycle.Workflows.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Lifecycle.Server.Scheduling;

/// <summary>
/// Keeps one Quartz cron trigger per <c>Cron</c> trigger of every published workflow's latest
/// version: added when a version declares it, replaced when its expression changes, removed when
/// the latest version no longer declares it. Unchanged triggers are left alone, so they keep
/// their place in the schedule (and a fire missed while the server was down is still known).
/// </summary>
/// <remarks>
/// Misfire policy <see cref="CronTriggerMisfireInstruction.FireAndProceed"/>: occurrences missed
/// by more than the misfire threshold (the server was down) are run once, now, and the schedule
/// goes on; never a burst of catch-up runs.
/// </remarks>
internal sealed partial class CronSchedules(WorkflowEngine engine, ISchedulerFactory schedulers, ILogger<CronSchedules> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _synced;

    /// <summary>Brings the cron triggers in line with the published definitions (cheap when nothing was published since the last call).</summary>
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var definitions = await engine.Store.ListDefinitionsAsync(cancellationToken);
            var signature = string.Join(';', definitions.Select(d => $"{d.Id}@{d.LatestVersion}"));
            if (signature == _synced)
            {
                return;
            }

            var wanted = new Dictionary<TriggerKey, (string WorkflowId, string Cron)>();
            foreach (var summary in definitions)
            {
                var definition = await engine.Store.GetLatestAsync(summary.Id, cancellationToken);
                var crons = definition?.Triggers.Where(t => t.Type == "Cron" && !string.IsNullOrWhiteSpace(t.Cron)).Select(t => t.Cron!).ToList() ?? [];
                for (var i = 0; i < crons.Count; i++)
                {
                    wanted[SchedulerKeys.Cron(summary.Id, i)] = (summary.Id, crons[i]);
                }
            }

            var scheduler = await schedulers.GetScheduler(cancellationToken);
            await RemoveUnwantedAsync(scheduler, wanted, cancellationToken);
            foreach (var (key, (workflowId, cron)) in wanted)
            {
                await ScheduleAsync(scheduler, key, workflowId, cron, cancellationToken);
            }

            _synced = signature;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ScheduleAsync(IScheduler scheduler, TriggerKey key, string workflowId, string cron, CancellationToken cancellationToken)
    {
        if (await scheduler.GetTrigger(key, cancellationToken) is ICronTrigger existing && existing.CronExpressionString == cron)
        {
            return;
        }

        ITrigger trigger;
        try
        {
            trigger = TriggerBuilder.Create()
                .WithIdentity(key)
                .ForJob(SchedulerKeys.Cron(workflowId))
                .WithCronSchedule(cron, s => s.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
        }
        catch (FormatException ex)
        {
            // The definition reader checks the expression; one Quartz still refuses is logged, not fatal.
            LogBadCron(logger, ex, workflowId, cron);
            return;
        }

        var job = JobBuilder.Create<CronJob>()
            .WithIdentity(SchedulerKeys.Cron(workflowId))
            .UsingJobData(SchedulerKeys.WorkflowId, workflowId)
            .StoreDurably()
            .Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
        LogScheduled(logger, workflowId, cron);
    }

    private async Task RemoveUnwantedAsync(IScheduler scheduler, Dictionary<TriggerKey, (string WorkflowId, string Cron)> wanted, CancellationToken cancellationToken)
    {
        var stored = await scheduler.QueryTriggers(new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(SchedulerKeys.CronGroup), Take = int.MaxValue }, cancellationToken);
        foreach (var header in stored.Items.Where(h => !wanted.ContainsKey(h.Key)))
        {
            await scheduler.UnscheduleJob(header.Key, cancellationToken);
        }

        var wantedJobs = wanted.Values.Select(v => SchedulerKeys.Cron(v.WorkflowId)).ToHashSet();
        foreach (var jobKey in stored.Items.Select(h => h.JobKey).Distinct().Where(k => !wantedJobs.Contains(k)))
        {
            await scheduler.DeleteJob(jobKey, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow {WorkflowId} runs on cron schedule {Cron}")]
    private static partial void LogScheduled(ILogger logger, string workflowId, string cron);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow {WorkflowId} has a cron trigger Quartz cannot read: {Cron}")]
    private static partial void LogBadCron(ILogger logger, Exception exception, string workflowId, string cron);
}
