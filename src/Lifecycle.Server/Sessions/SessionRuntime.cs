using System.Text.Json.Nodes;
using Lifecycle.Activities;
using Lifecycle.Activities.Setup;
using Lifecycle.Workflows.Hosting;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// The engine as the session use cases need it: started once per process (recovering instances
/// whose process died and firing due timers, with a note for each), the session workflows
/// published once, and runs that end in a typed error when they do not finish.
/// </summary>
public sealed class SessionRuntime(WorkflowEngine engine, LifecyclePaths paths, ISessionNotifier notifier, TimeProvider time)
{
    private StartupReport? _startup;
    private bool _published;

    public WorkflowEngine Engine => engine;

    /// <summary>Starts the engine once; later calls return what the first did.</summary>
    public async Task<StartupReport> StartAsync(CancellationToken cancellationToken)
    {
        if (_startup is not null)
        {
            return _startup;
        }

        var report = await engine.StartAsync(cancellationToken, notifier.Note);
        foreach (var recovered in report.Recovered)
        {
            notifier.Note($"recovered instance {recovered.InstanceId} of '{recovered.WorkflowId}'; it is now {recovered.Status}.");
        }

        foreach (var id in report.Unloadable)
        {
            notifier.Note($"instance {id} could not be loaded and was faulted; 'lifecycle journal {id}' says why.");
        }

        foreach (var fired in report.TimersFired)
        {
            notifier.Note($"a due timer resumed instance {fired.InstanceId} of '{fired.WorkflowId}'; it is now {fired.Status}.");
        }

        return _startup = report;
    }

    /// <summary>Publishes the session workflows once (a broken override fails here, before anything runs).</summary>
    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        if (!_published)
        {
            await SessionWorkflows.PublishAllAsync(engine, paths, cancellationToken);
            _published = true;
        }
    }

    /// <summary>Runs a session workflow to its end; anything else is a <see cref="SessionWorkflowException"/>.</summary>
    public async Task<RunResult> RunAsync(string workflowId, JsonObject input, CancellationToken cancellationToken)
    {
        var result = await engine.RunAsync(workflowId, input, cancellationToken);
        return result.Status == Lifecycle.Workflows.Runtime.WorkflowStatus.Finished ? result : throw new SessionWorkflowException(result);
    }

    /// <summary>
    /// Ends an instance stopped before it changed anything (faulted with <paramref name="reason"/>),
    /// so that no later engine start continues it with the inputs of a command the user abandoned.
    /// </summary>
    public async Task AbandonAsync(string instanceId, string reason)
    {
        if (await engine.Store.LoadAsync(instanceId, CancellationToken.None) is { Status: Lifecycle.Workflows.Runtime.WorkflowStatus.Running } stored)
        {
            await engine.Store.FaultAsync(stored, reason, time.GetUtcNow(), CancellationToken.None);
        }
    }

    /// <summary>
    /// Refuses when another live process is running a session workflow (say a <c>workflow run</c>
    /// that recovered an interrupted close): two closes at once would race over the work tree.
    /// </summary>
    public async Task RequireNoSessionWorkflowElsewhereAsync(CancellationToken cancellationToken)
    {
        foreach (var (instanceId, owner) in await engine.Store.FindRunningAsync(cancellationToken))
        {
            if (owner is null || owner == engine.Owner || !ProcessOwner.IsAlive(owner))
            {
                continue;
            }

            if (await engine.Store.GetInstanceAsync(instanceId, cancellationToken) is { } instance && instance.WorkflowId is SessionWorkflows.Start or SessionWorkflows.End)
            {
                throw new SessionException(
                    $"Another lifecycle process ({owner}) is running '{instance.WorkflowId}' (instance {instanceId}); nothing was changed. Wait for it to finish, then run the command again.",
                    ErrorKind.Conflict);
            }
        }
    }
}
