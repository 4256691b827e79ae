using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Setup;
using Lifecycle.Server.Persistence;
using Lifecycle.Server.Sessions;
using Lifecycle.Server.Workflows;
using Lifecycle.Workflows.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lifecycle.Server.Hosting;

/// <summary>
/// The one composition root: everything Lifecycle needs for one repository (engine, activities,
/// stores, the session use cases). Adapters (the CLI, the HTTP API) add their own ways to talk to
/// people afterwards: a confirmation prompt, a notifier, journal observers.
/// </summary>
public static class LifecycleServices
{
    /// <summary>Seconds added to the system clock, for end-to-end tests that need time to pass (an idle session); unset in use.</summary>
    public const string ClockShiftVariable = "LIFECYCLE_CLOCK_SHIFT";

    public static IServiceCollection AddLifecycle(this IServiceCollection services, string repositoryRoot)
    {
        var paths = LifecyclePaths.For(repositoryRoot);
        services.AddSingleton(paths);
        services.TryAddSingleton(Clock());
        services.AddLifecycleWorkflows(paths.Database, ProductActivities.Register);
        services.AddLifecycleSessions(paths.Root);
        services.AddSingleton<ISessionStore>(new SqliteSessionStore(paths.Database));
        services.TryAddSingleton<ISessionNotifier, SilentNotifier>();

        services.AddSingleton<SessionRuntime>();
        services.AddSingleton<SessionLock>();
        services.AddSingleton<SessionStoreAccess>();
        services.AddSingleton<StartSession>();
        services.AddSingleton<EndSession>();
        services.AddSingleton<SessionTasks>();
        services.AddSingleton<EventWriter>();
        services.AddSingleton<SessionChangeSignal>();
        services.AddSingleton<SessionEvents>();
        services.AddSingleton<SessionQueries>();
        services.AddSingleton<SessionSearch>();
        services.AddSingleton<SessionCheckpoints>();
        services.AddSingleton<SessionRecovery>();
        services.AddSingleton(sp => new Lifecycle.Activities.Tracking.EventSpool(paths, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<HookEventIngestion>();
        services.AddSingleton<Reports.ReportBuilder>();
        services.AddSingleton<Reports.ReportService>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<Timing.SessionReminders>();
        services.AddSingleton<Suggestions.SuggestionService>();

        services.AddSingleton<WorkflowDrafts>();
        services.AddSingleton<WorkflowCatalog>();
        services.AddSingleton<StimulusDelivery>();
        services.AddSingleton<WorkflowHooks>();
        services.AddSingleton<Planning.PlanService>();
        services.AddSingleton<Collaboration.StartBriefing>();
        return services;
    }

    private static TimeProvider Clock() =>
        Environment.GetEnvironmentVariable(ClockShiftVariable) is { Length: > 0 } text && double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? new ShiftedClock(TimeSpan.FromSeconds(seconds))
            : TimeProvider.System;
}
