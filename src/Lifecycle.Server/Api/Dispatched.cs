namespace Lifecycle.Server.Api;

/// <summary>The body of <c>POST /api/workflows/{id}/dispatch</c>: the stored instance the server runs in the background.</summary>
public sealed record Dispatched(string InstanceId, string WorkflowId);
