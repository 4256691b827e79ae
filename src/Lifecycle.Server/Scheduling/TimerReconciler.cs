using Lifecycle.Workflows.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Lifecycle.Server.Scheduling;

/// <summary>
/// Makes sure every timer the workflow store holds has its trigger. The store is the truth: a
/// timer created by a CLI running embedded, or a Quartz database deleted or behind, is picked up
/// here; a trigger already stored for a bookmark is kept (one bookmark, one trigger).
/// </summary>
internal sealed partial class TimerReconciler(
    WorkflowEngine engine, ISchedulerFactory schedulers, ArrangedTimers arranged, SchedulingOptions options, TimeProvider time, ILogger<TimerReconciler> logger)
{
    /// <summary>
    /// At the server's start: the timers that fell due while it was down are (re)scheduled oldest
    /// first, <see cref="SchedulingOptions.StartupSpacing"/> apart, replacing whatever trigger Quartz
    /// kept for them, so they fire once each, spread out, instead of all at once through the misfire pass.
    /// </summary>
    public async Task<int> SpreadOverdueAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var now = time.GetUtcNow();
        var overdue = 0;
        foreach (var timer in await engine.PendingTimersAsync(cancellationToken))
        {
            if (timer.DueAt <= now)
            {
                var fireAt = now + options.StartupSpacing * overdue++;
                await scheduler.ScheduleTrigger(QuartzTimerScheduler.Trigger(timer.InstanceId, timer.BookmarkId, fireAt), TriggerConflict.Replace, cancellationToken);
            }
            else
            {
                await scheduler.ScheduleTrigger(QuartzTimerScheduler.Trigger(timer.InstanceId, timer.BookmarkId, timer.DueAt), TriggerConflict.Keep, cancellationToken);
            }

            arranged.Add(timer.InstanceId, timer.BookmarkId);
        }

        if (overdue > 0)
        {
            LogSpread(logger, overdue, options.StartupSpacing * overdue);
        }

        return overdue;
    }

    /// <summary>While the server runs: adds the triggers missing for stored timers, keeping every existing one.</summary>
    public async Task ArrangeAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var timer in (await engine.PendingTimersAsync(cancellationToken)).Where(t => !arranged.Contains(t.InstanceId, t.BookmarkId)))
        {
            var trigger = QuartzTimerScheduler.Trigger(timer.InstanceId, timer.BookmarkId, QuartzTimerScheduler.Later(timer.DueAt, now));
            await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken);
            arranged.Add(timer.InstanceId, timer.BookmarkId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} timers fell due while the server was down; they fire one after another over {Span}")]
    private static partial void LogSpread(ILogger logger, int count, TimeSpan span);
}
