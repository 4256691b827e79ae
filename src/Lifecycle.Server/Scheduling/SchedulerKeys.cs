using Quartz;

namespace Lifecycle.Server.Scheduling;

/// <summary>The names of what the server keeps in Quartz's store, in one place.</summary>
internal static class SchedulerKeys
{
    public const string TimersGroup = "timers";
    public const string CronGroup = "cron";
    public const string InstanceId = "instanceId";
    public const string BookmarkId = "bookmarkId";
    public const string WorkflowId = "workflowId";

    /// <summary>The one durable job every timer trigger fires.</summary>
    public static readonly JobKey TimerJob = new("timer", "lifecycle");

    public static readonly JobKey SweepJob = new("sweep", "lifecycle");

    public static readonly JobKey CheckpointJob = new("checkpoint", "sessions");

    public static readonly JobKey InactivityJob = new("inactivity", "sessions");

    public static readonly JobKey RetentionJob = new("retention", "lifecycle");

    public static readonly JobKey ReminderJob = new("reminders", "sessions");

    /// <summary>A timer's trigger is named after its bookmark, so one bookmark never has two triggers.</summary>
    public static TriggerKey Timer(string instanceId, int bookmarkId) => new($"{instanceId}/{bookmarkId}", TimersGroup);

    /// <summary>One job per cron workflow, so that its runs never overlap whichever of its triggers fires.</summary>
    public static JobKey Cron(string workflowId) => new(workflowId, CronGroup);

    public static TriggerKey Cron(string workflowId, int index) => new($"{workflowId}#{index}", CronGroup);
}
