using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Workflows.History;

/// <summary>The instance's status (or a process running it) does not allow the operation now.</summary>
public sealed class InstanceStateException(string instanceId, WorkflowStatus status, string message) : WorkflowException(message)
{
    public string InstanceId { get; } = instanceId;

    public WorkflowStatus Status { get; } = status;
}
