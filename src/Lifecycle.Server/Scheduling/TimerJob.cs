using Lifecycle.Workflows.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Lifecycle.Server.Scheduling;

/// <summary>
/// Fires one timer: resumes its bookmark through the engine. A bookmark no longer stored (resumed
/// by a CLI running embedded, or its instance ended) does nothing; the engine's claim on the
/// instance (its revision) makes sure that of two processes firing the same timer, one resumes it.
/// </summary>
internal sealed partial class TimerJob(WorkflowEngine engine, ArrangedTimers arranged, SchedulingOptions options, TimeProvider time, ILogger<TimerJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var instanceId = data.GetString(SchedulerKeys.InstanceId)!;
        var bookmarkId = int.Parse(data.GetString(SchedulerKeys.BookmarkId)!, System.Globalization.CultureInfo.InvariantCulture);
        TimerFiring fired;
        try
        {
            fired = await engine.FireTimerAsync(instanceId, bookmarkId, cancellationToken);
        }
        finally
        {
            // Fired (or failed): a bookmark still stored after this is arranged again by the next sweep.
            arranged.Remove(instanceId, bookmarkId);
        }

        if (fired.Resumed is { } result)
        {
            LogResumed(logger, instanceId, bookmarkId, result.Status.ToString());
        }
        else if (fired.StillPending)
        {
            LogBusy(logger, instanceId, bookmarkId, options.BusyRetry);
            var retry = QuartzTimerScheduler.Trigger(instanceId, bookmarkId, time.GetUtcNow() + options.BusyRetry);
            await context.Scheduler.ScheduleTrigger(retry, TriggerConflict.Replace, cancellationToken);
            arranged.Add(instanceId, bookmarkId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {BookmarkId} of instance {InstanceId} fired; the instance is {Status}")]
    private static partial void LogResumed(ILogger logger, string instanceId, int bookmarkId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {BookmarkId} of instance {InstanceId} is due but another process keeps the instance busy; trying again in {Retry}")]
    private static partial void LogBusy(ILogger logger, string instanceId, int bookmarkId, TimeSpan retry);
}
