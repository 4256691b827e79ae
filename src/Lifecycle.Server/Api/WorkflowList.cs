using Lifecycle.Server.Workflows;

namespace Lifecycle.Server.Api;

/// <summary>The body of <c>GET /api/workflows</c> (as <c>lifecycle workflow list --json</c>).</summary>
public sealed record WorkflowList(IReadOnlyList<WorkflowListing> Workflows);
