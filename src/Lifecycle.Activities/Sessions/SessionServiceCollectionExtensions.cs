using Lifecycle.Activities.Protocol;
using Lifecycle.Activities.Reality;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lifecycle.Activities.Sessions;

/// <summary>Registers what the session activities need, for the repository at <c>root</c>.</summary>
public static class SessionServiceCollectionExtensions
{
    public static IServiceCollection AddLifecycleSessions(this IServiceCollection services, string root)
    {
        services.AddSingleton(new RepositoryContext(root));
        services.TryAddSingleton<Git.StatusPrefetch>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RealityChecker>();
        services.TryAddSingleton<IConfirmation, NoConfirmation>();
        services.TryAddSingleton<Documents.SessionLogWriter>();
        return services;
    }
}
