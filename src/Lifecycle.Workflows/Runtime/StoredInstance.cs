namespace Lifecycle.Workflows.Runtime;

/// <summary>An instance as the store holds it; the runner turns it back into a <see cref="WorkflowExecution"/>.</summary>
public sealed record StoredInstance(
    string Id,
    string DefinitionId,
    int Version,
    WorkflowStatus Status,
    string? Error,
    string? FaultActivityId,
    string? FaultCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    long Revision,
    long JournalSequence,
    string? Owner,
    string Snapshot);
