using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Workflows.Hosting;

/// <summary>
/// A new instance already stored (its id can be handed out, and a crash before it runs is
/// recovered like any other) but not run yet: what a host that runs instances in the background
/// returns at once. <see cref="WorkflowEngine.RunAsync(PendingRun, CancellationToken)"/> runs it, once.
/// </summary>
public sealed class PendingRun
{
    private int _taken;

    internal PendingRun(WorkflowExecution execution) => Execution = execution;

    public string InstanceId => Execution.InstanceId;

    public string WorkflowId => Execution.Definition.Id;

    public int Version => Execution.Definition.Version;

    internal WorkflowExecution Execution { get; }

    /// <summary>Takes the run for the one caller allowed to run it.</summary>
    internal WorkflowExecution Take() =>
        Interlocked.Exchange(ref _taken, 1) == 0
            ? Execution
            : throw new WorkflowException($"Instance {InstanceId} of '{WorkflowId}' was already run; a pending run runs once.");
}
