using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Lifecycle.Server.Mcp.Tools;

/// <summary><c>checkpoint</c>: <c>lifecycle checkpoint</c>.</summary>
[McpServerToolType]
public sealed class CheckpointTool(IMcpSessions sessions)
{
    [McpServerTool(Name = "checkpoint", Title = "Checkpoint", Idempotent = true)]
    [Description("Persists the current session now (.lifecycle/state.json, checksummed, with backups), e.g. before the agent's context is compacted.")]
    public Task<string> RunAsync(CancellationToken cancellationToken) =>
        sessions.RunAsync(async (call, ct) =>
        {
            var written = await call.Sessions.CheckpointAsync(ct);
            return $"Checkpoint of session {written.SessionId} ({written.State.ToString().ToUpperInvariant()}) written to {written.Path}.";
        }, cancellationToken);
}
