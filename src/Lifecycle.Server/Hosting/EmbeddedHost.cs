using Lifecycle.Activities.Setup;
using Lifecycle.Server.Sessions;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Journal;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Server.Hosting;

/// <summary>
/// Lifecycle for one CLI invocation on <c>&lt;repo&gt;/.lifecycle/</c>: the composition root's
/// services plus the terminal's adapters (confirmation prompt, notes on stderr, live log lines).
/// </summary>
public sealed class EmbeddedHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="repository">The working tree's root.</param>
    /// <param name="liveLog">Where the workflows' Log lines go as they run; null for none.</param>
    /// <param name="notes">Where notes go (stderr); null to drop them.</param>
    public EmbeddedHost(string repository, TextWriter? liveLog, TextWriter? notes = null)
    {
        using var span = CommandTrace.Begin("host: services");
        var services = new ServiceCollection();
        services.AddLifecycle(repository);
        services.AddSingleton<Lifecycle.Activities.Protocol.IConfirmation, ConsoleConfirmation>();
        services.AddSingleton<ISessionNotifier>(notes is null ? new SilentNotifier() : new TextNotifier(notes));
        if (liveLog is not null)
        {
            services.AddSingleton<IJournalObserver>(new LiveLogObserver(liveLog));
        }

        if (CrashInjector.FromEnvironment() is { } crash)
        {
            services.AddSingleton<IJournalObserver>(crash);
        }

        if (CommandTrace.Enabled)
        {
            services.AddSingleton<IJournalObserver>(new TraceObserver());
        }

        services.AddSingleton<StepObserver>();
        services.AddSingleton<IJournalObserver>(sp => sp.GetRequiredService<StepObserver>());
        services.AddSingleton<IJournalObserver>(sp => InterruptInjector.FromEnvironment(sp.GetRequiredService<WorkflowStopSignal>()) ?? (IJournalObserver)NoObserver.Instance);
        _services = services.BuildServiceProvider();
    }

    public LifecyclePaths Paths => Get<LifecyclePaths>();

    public string StateFolder => Paths.StateFolder;

    public string DatabasePath => Paths.Database;

    public bool DatabaseExists => File.Exists(DatabasePath);

    public WorkflowEngine Engine => _services.GetRequiredService<WorkflowEngine>();

    public SessionService Sessions => Get<SessionService>();

    /// <summary>Asks running workflows to stop at their next persisted point (Ctrl-C, SIGTERM).</summary>
    public WorkflowStopSignal StopSignal => Get<WorkflowStopSignal>();

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
