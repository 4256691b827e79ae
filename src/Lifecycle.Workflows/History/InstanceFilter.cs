using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Workflows.History;

/// <summary>Which instances a listing, a bulk operation or a count covers; every set criterion must hold.</summary>
/// <param name="Statuses">Any of these statuses; null or empty for all.</param>
/// <param name="WorkflowId">Instances of this workflow.</param>
/// <param name="Version">Of this version (with or without <paramref name="WorkflowId"/>).</param>
/// <param name="Correlation">With this correlation (see <see cref="Runtime.WorkflowExecution.Correlation"/>).</param>
/// <param name="CreatedFrom">Created at or after.</param>
/// <param name="CreatedTo">Created before.</param>
/// <param name="UpdatedFrom">Last written at or after.</param>
/// <param name="UpdatedTo">Last written before.</param>
public sealed record InstanceFilter(
    IReadOnlyCollection<WorkflowStatus>? Statuses = null,
    string? WorkflowId = null,
    int? Version = null,
    string? Correlation = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    DateTimeOffset? UpdatedFrom = null,
    DateTimeOffset? UpdatedTo = null)
{
    /// <summary>Every instance.</summary>
    public static InstanceFilter All { get; } = new();
}
