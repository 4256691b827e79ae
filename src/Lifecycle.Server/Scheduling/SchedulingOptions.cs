namespace Lifecycle.Server.Scheduling;

/// <summary>How the server's scheduler runs; the defaults are what <c>lifecycle serve</c> uses.</summary>
public sealed record SchedulingOptions
{
    /// <summary>
    /// How often the stored timers and the published definitions' cron triggers are reconciled with
    /// the schedule, so that timers created by a CLI running embedded meanwhile, and definitions it
    /// published, are picked up. Default 10 seconds.
    /// </summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The gap between two timers that fell due while the server was down, when they are fired at
    /// its start: oldest first, one every this often, instead of all at once. Default 50 ms.
    /// </summary>
    public TimeSpan StartupSpacing { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a timer whose instance another process kept busy waits before it is fired again. Default 5 seconds.</summary>
    public TimeSpan BusyRetry { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The checkpoint interval; null (the default) takes <c>checkpointIntervalMinutes</c> from the repository's config.</summary>
    public TimeSpan? CheckpointInterval { get; init; }

    /// <summary>How often an idle session is looked for (the auto-close itself waits <c>inactivityAutoCloseMinutes</c>). Default 1 minute.</summary>
    public TimeSpan InactivityCheckInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often instances past <c>retentionDays</c> are deleted (also once at start). Default 1 hour.</summary>
    public TimeSpan RetentionInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How many jobs may run at once (timers of different instances, a cron run, a checkpoint). Default 4.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>How often the reminders of the ACTIVE session are checked (time left, timebox ended, take a break). Default 30 seconds.</summary>
    public TimeSpan ReminderCheckInterval { get; init; } = TimeSpan.FromSeconds(30);
}
