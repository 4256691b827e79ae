using System.Text.Json.Nodes;
using Lifecycle.Workflows.Persistence;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Workflows.Hosting;

/// <summary>Where an instance stands after a run or a resumption.</summary>
/// <remarks>
/// <c>Error</c> names the activity that faulted and the cause; <c>ErrorReason</c> is the cause alone,
/// and <c>ErrorCode</c> its kind when the activity said (<see cref="Activities.FaultCodes"/>).
/// </remarks>
public sealed record RunResult(
    string InstanceId,
    string WorkflowId,
    int Version,
    WorkflowStatus Status,
    JsonObject Outputs,
    IReadOnlyList<BookmarkSummary> Bookmarks,
    string? Error,
    string? ErrorCode = null,
    string? ErrorReason = null)
{
    public static RunResult From(WorkflowExecution execution) => new(
        execution.InstanceId,
        execution.Definition.Id,
        execution.Definition.Version,
        execution.Status,
        execution.Outputs.DeepClone().AsObject(),
        execution.Bookmarks.Select(b => new BookmarkSummary(b.Event, b.ActivityId, b.Correlation, b.DueAt)).ToList(),
        execution.Fault?.Message,
        execution.Fault?.Code,
        execution.Fault?.Reason);
}
