using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Timers;
using Quartz;

namespace Lifecycle.Server.Scheduling;

/// <summary>
/// Timers on Quartz: one one-shot trigger per timer bookmark, keyed by it, firing
/// <see cref="TimerJob"/> at the bookmark's due time.
/// </summary>
/// <remarks>
/// Scheduling keeps a pending trigger already stored under the key (<see cref="TriggerConflict.Keep"/>):
/// bookmark ids are never reused within an instance, so the same key always means the same due time,
/// and the engine's repeated calls (after every persist) store nothing new.
/// </remarks>
internal sealed class QuartzTimerScheduler(ISchedulerFactory schedulers, ArrangedTimers arranged, TimeProvider time) : ITimerScheduler
{
    public async ValueTask ScheduleAsync(string instanceId, Bookmark timer, CancellationToken cancellationToken)
    {
        if (timer.DueAt is not { } dueAt || arranged.Contains(instanceId, timer.Id))
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.ScheduleTrigger(Trigger(instanceId, timer.Id, Later(dueAt, time.GetUtcNow())), TriggerConflict.Keep, cancellationToken);
        arranged.Add(instanceId, timer.Id);
    }

    public async ValueTask CancelAsync(string instanceId, int bookmarkId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.UnscheduleJob(SchedulerKeys.Timer(instanceId, bookmarkId), cancellationToken);
        arranged.Remove(instanceId, bookmarkId);
    }

    /// <summary>The trigger of one timer, firing once at <paramref name="fireAt"/>.</summary>
    /// <remarks>
    /// Misfire policy <see cref="SimpleTriggerMisfireInstruction.FireNow"/>: a timer found later than
    /// the misfire threshold (the scheduler was busy, or stopped) fires once, as soon as it can.
    /// </remarks>
    public static ITrigger Trigger(string instanceId, int bookmarkId, DateTimeOffset fireAt) =>
        TriggerBuilder.Create()
            .WithIdentity(SchedulerKeys.Timer(instanceId, bookmarkId))
            .ForJob(SchedulerKeys.TimerJob)
            .UsingJobData(SchedulerKeys.InstanceId, instanceId)
            .UsingJobData(SchedulerKeys.BookmarkId, bookmarkId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .StartAt(fireAt)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();

    /// <summary>
    /// A due time already past is stored as now: Quartz acquires only triggers less late than the
    /// misfire threshold, and leaves older ones to its misfire pass, which may run a minute later.
    /// </summary>
    public static DateTimeOffset Later(DateTimeOffset dueAt, DateTimeOffset now) => dueAt > now ? dueAt : now;
}
