namespace Lifecycle.Workflows.History;

/// <summary>No instance has this id (it never existed, or it was deleted).</summary>
public sealed class InstanceNotFoundException(string instanceId)
    : WorkflowException($"No workflow instance has id '{instanceId}'; list them with 'lifecycle instances' or GET /api/instances.")
{
    public string InstanceId { get; } = instanceId;
}
