using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Workflows.History;

/// <summary>
/// An instance as a listing shows it: status, workflow, times and error, read without the
/// instance's data (outputs, snapshot), so a page of thousands stays cheap.
/// </summary>
public sealed record InstanceHeader(
    string InstanceId,
    string WorkflowId,
    int Version,
    WorkflowStatus Status,
    string? Correlation,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    string? FaultActivityId);
