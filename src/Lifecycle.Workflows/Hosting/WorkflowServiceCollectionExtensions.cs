using Lifecycle.Workflows.Activities;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Persistence;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lifecycle.Workflows.Hosting;

/// <summary>Registers the engine.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine on the SQLite file at <paramref name="databasePath"/>. Activity assemblies
    /// beyond the built-ins are added with <paramref name="configureRegistry"/>.
    /// </summary>
    public static IServiceCollection AddLifecycleWorkflows(
        this IServiceCollection services,
        string databasePath,
        Action<ActivityRegistry>? configureRegistry = null,
        WorkflowRunnerOptions? options = null)
    {
        var registry = new ActivityRegistry();
        configureRegistry?.Invoke(registry);
        services.AddSingleton(registry);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options ?? new WorkflowRunnerOptions());
        services.AddSingleton<DefinitionReader>();
        services.TryAddSingleton<JournalCommitSignal>();
        services.AddSingleton<IWorkflowStore>(sp =>
            new SqliteWorkflowStore(databasePath, sp.GetRequiredService<DefinitionReader>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<JournalCommitSignal>()));
        services.AddSingleton<IDefinitionSource>(sp => sp.GetRequiredService<IWorkflowStore>());
        services.AddSingleton<IJournalFeed>(sp => sp.GetRequiredService<IWorkflowStore>());
        services.TryAddSingleton<ITimerScheduler, EmbeddedTimerScheduler>();
        services.TryAddSingleton<WorkflowStopSignal>();
        services.AddSingleton<WorkflowRunner>();
        services.AddSingleton<WorkflowEngine>();
        return services;
    }
}
