using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Workflows.History;

/// <summary>Who may change an instance now: its status, the process running it and its revision.</summary>
public sealed record InstanceClaim(string InstanceId, string WorkflowId, WorkflowStatus Status, string? Owner, long Revision);
