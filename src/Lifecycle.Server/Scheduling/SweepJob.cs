using Quartz;

namespace Lifecycle.Server.Scheduling;

/// <summary>
/// Every <see cref="SchedulingOptions.SweepInterval"/>: arranges the triggers of timers the store
/// holds and Quartz does not (created by a CLI running embedded), and re-syncs cron triggers with
/// the published definitions (published by the CLI or the API).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SweepJob(TimerReconciler timers, CronSchedules crons) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await timers.ArrangeAsync(cancellationToken);
        await crons.SyncAsync(cancellationToken);
    }
}
