namespace Lifecycle.Workflows.Hosting;

/// <summary>
/// A run stopped at a persisted point because <see cref="WorkflowStopSignal"/> was requested: the
/// instance is saved as Running, unowned, and the next engine start continues it.
/// </summary>
public sealed class WorkflowStoppedException(string instanceId, string workflowId)
    : WorkflowException($"Instance {instanceId} of '{workflowId}' stopped at a persisted point; the next engine start continues it.")
{
    public string InstanceId { get; } = instanceId;

    public string WorkflowId { get; } = workflowId;
}
