using System.Text.Json.Nodes;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Workflows.Persistence;

/// <summary>An instance as listings show it.</summary>
public sealed record InstanceSummary(
    string InstanceId,
    string WorkflowId,
    int Version,
    WorkflowStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    JsonObject Outputs,
    IReadOnlyList<BookmarkSummary> Bookmarks);
