using Lifecycle.Activities.Setup;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Lifecycle.Server.Scheduling;

/// <summary>Registers the server's scheduler (docs/SCHEDULING.md).</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>The Quartz job store beside the system of record, in a file of its own.</summary>
    public const string DatabaseFile = "quartz.db";

    /// <summary>
    /// Adds Quartz on its own SQLite file (<c>.lifecycle/quartz.db</c>, schema created when missing)
    /// with the timer scheduler that replaces the embedded one, cron triggers, and the session
    /// jobs (checkpoint, inactivity auto-close). Call after the engine's hosted service is added.
    /// </summary>
    public static IServiceCollection AddLifecycleScheduling(this IServiceCollection services, LifecyclePaths paths, SchedulingOptions options)
    {
        services.AddSingleton(options);
        // Quartz fires the timers that fell due while nothing ran, spread out, rather than the
        // engine's start all at once before the server listens.
        services.AddSingleton(new WorkflowEngineOptions { FireDueTimersOnStart = false });
        services.Replace(ServiceDescriptor.Singleton<ITimerScheduler, QuartzTimerScheduler>());
        services.AddSingleton<ArrangedTimers>();
        services.AddSingleton<TimerReconciler>();
        services.AddSingleton<CronSchedules>();

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = "lifecycle");
            quartz.UseDefaultThreadPool(options.MaxConcurrency);
            quartz.UsePersistentStore(store =>
            {
                store.UseSqlite($"Data Source={Path.Combine(paths.StateFolder, DatabaseFile)};Pooling=True");
                store.ProvisionSchema();
                store.ConfigureStore(settings =>
                {
                    settings.StoreJobDataAsStrings = true;
                    settings.MisfireThreshold = TimeSpan.FromMinutes(1);
                });
            });
            quartz.AddJobType<TimerJob>();
            quartz.AddJobType<CronJob>();
            quartz.AddJobType<SweepJob>();
            quartz.AddJobType<CheckpointJob>();
            quartz.AddJobType<InactivityJob>();
            quartz.AddJobType<RetentionJob>();
            quartz.AddJobType<ReminderJob>();
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        // After Quartz's hosted service: it stops first, asking running workflows to stop before Quartz waits for its jobs.
        services.AddHostedService<SchedulingStartup>();
        return services;
    }
}
