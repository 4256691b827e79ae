using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Lifecycle.Server.Scheduling;

/// <summary>
/// Puts the server's schedule in place when it starts, after the engine (its store is ready) and
/// before Quartz fires anything (it waits for the application to have started): the jobs, the
/// sweep and session triggers, every stored timer (the overdue ones spread out), the cron triggers.
/// When the server stops it asks running workflows to stop at their next persisted point, so that
/// Quartz, which waits for its jobs, is not kept waiting by a long run.
/// </summary>
internal sealed partial class SchedulingStartup(
    ISchedulerFactory schedulers,
    SchedulingOptions options,
    RepositoryContext repository,
    TimerReconciler timers,
    CronSchedules crons,
    WorkflowStopSignal stop,
    ILogger<SchedulingStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.AddJob(JobBuilder.Create<TimerJob>().WithIdentity(SchedulerKeys.TimerJob).StoreDurably().Build(), AddJobOptions.Replacing, cancellationToken);
        await RepeatAsync<SweepJob>(scheduler, SchedulerKeys.SweepJob, options.SweepInterval, cancellationToken);
        var checkpoint = options.CheckpointInterval ?? TimeSpan.FromMinutes(repository.Config.CheckpointIntervalMinutes);
        await RepeatAsync<CheckpointJob>(scheduler, SchedulerKeys.CheckpointJob, checkpoint, cancellationToken);
        await RepeatAsync<InactivityJob>(scheduler, SchedulerKeys.InactivityJob, options.InactivityCheckInterval, cancellationToken);
        await RepeatAsync<RetentionJob>(scheduler, SchedulerKeys.RetentionJob, options.RetentionInterval, cancellationToken);
        await RepeatAsync<ReminderJob>(scheduler, SchedulerKeys.ReminderJob, options.ReminderCheckInterval, cancellationToken);

        var overdue = await timers.SpreadOverdueAsync(cancellationToken);
        await crons.SyncAsync(cancellationToken);
        LogScheduled(logger, overdue, checkpoint, options.InactivityCheckInterval);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        stop.Request();
        return Task.CompletedTask;
    }

    /// <summary>
    /// A job that repeats every <paramref name="interval"/>, its first run one interval from now.
    /// Misfire policy <see cref="SimpleTriggerMisfireInstruction.NextWithRemainingCount"/>: runs
    /// missed while the server was down or busy are skipped, never caught up in a burst.
    /// </summary>
    private static async Task RepeatAsync<TJob>(IScheduler scheduler, JobKey key, TimeSpan interval, CancellationToken cancellationToken)
        where TJob : IJob
    {
        var job = JobBuilder.Create<TJob>().WithIdentity(key).StoreDurably().Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(key.Name, key.Group)
            .ForJob(key)
            .StartAt(scheduler.TimeProvider.GetUtcNow() + interval)
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler ready: {Overdue} overdue timers to fire, checkpoint every {Checkpoint}, idle sessions looked for every {Inactivity}")]
    private static partial void LogScheduled(ILogger logger, int overdue, TimeSpan checkpoint, TimeSpan inactivity);
}
