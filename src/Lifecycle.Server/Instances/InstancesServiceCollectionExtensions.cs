using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lifecycle.Server.Instances;

/// <summary>Registers what the server needs for the execution history: the retention sweep and the live journal.</summary>
public static class InstancesServiceCollectionExtensions
{
    public static IServiceCollection AddInstances(this IServiceCollection services)
    {
        services.TryAddSingleton(new JournalStreamOptions());
        services.AddSingleton<JournalWatcher>();
        services.AddSingleton<RetentionSweep>();
        services.AddHostedService<RetentionAtStartup>();
        return services;
    }
}
