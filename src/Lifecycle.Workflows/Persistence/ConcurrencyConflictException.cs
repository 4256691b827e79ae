namespace Lifecycle.Workflows.Persistence;

/// <summary>Another process changed the instance first (e.g. resumed it); this write was refused.</summary>
public sealed class ConcurrencyConflictException(string instanceId)
    : WorkflowException($"Instance {instanceId} was changed by another process; nothing was written.")
{
    public string InstanceId { get; } = instanceId;
}
