using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lifecycle.Server.Watching;

/// <summary>The server's watchers: the work tree (<c>file_modified</c>) and the hooks' spool.</summary>
public static class WatchingServices
{
    /// <summary>
    /// Adds <see cref="WorkTreeWatcher"/> and <see cref="SpoolWatcher"/> as hosted services, each
    /// also resolvable (the checkpoint calls <see cref="WorkTreeWatcher.ScanIfNeededAsync"/>).
    /// </summary>
    public static IServiceCollection AddWatching(this IServiceCollection services)
    {
        services.TryAddSingleton(new WatchingOptions());
        services.AddSingleton<WorkTreeWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkTreeWatcher>());
        services.AddSingleton<SpoolWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<SpoolWatcher>());
        return services;
    }
}
