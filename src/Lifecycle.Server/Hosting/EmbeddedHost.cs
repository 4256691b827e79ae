using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Journal;
using Lifecycle.Activities.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Server.Hosting;

/// <summary>
/// The engine of one CLI invocation, on <c>&lt;repo&gt;/.lifecycle/lifecycle.db</c>, with every
/// activity assembly of the product registered.
/// </summary>
public sealed class EmbeddedHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public EmbeddedHost(string repository, TextWriter? liveLog)
    {
        Paths = Lifecycle.Activities.Setup.LifecyclePaths.For(repository);
        var services = new ServiceCollection();
        services.AddLifecycleWorkflows(DatabasePath, ProductActivities.Register);
        services.AddSingleton<Lifecycle.Activities.Protocol.IConfirmation, ConsoleConfirmation>();
        services.AddLifecycleSessions(repository);
        services.AddSingleton<ISessionStore>(new Persistence.SqliteSessionStore(DatabasePath));
        if (liveLog is not null)
        {
            services.AddSingleton<IJournalObserver>(new LiveLogObserver(liveLog));
        }

        if (CrashInjector.FromEnvironment() is { } crash)
        {
            services.AddSingleton<IJournalObserver>(crash);
        }

        _services = services.BuildServiceProvider();
    }

    public Lifecycle.Activities.Setup.LifecyclePaths Paths { get; }

    public string StateFolder => Paths.StateFolder;

    public string DatabasePath => Paths.Database;

    public bool DatabaseExists => File.Exists(DatabasePath);

    public WorkflowEngine Engine => _services.GetRequiredService<WorkflowEngine>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>
    /// The store, for commands that only read: null when nothing was ever stored here, so that
    /// reading creates no <c>.lifecycle/</c> folder.
    /// </summary>
    public async Task<Lifecycle.Workflows.Persistence.IWorkflowStore?> OpenExistingStoreAsync(CancellationToken cancellationToken)
    {
        if (!DatabaseExists)
        {
            return null;
        }

        await Engine.Store.InitializeAsync(cancellationToken);
        return Engine.Store;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
