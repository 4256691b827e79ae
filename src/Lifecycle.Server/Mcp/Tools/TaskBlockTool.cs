using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Lifecycle.Server.Mcp.Tools;

/// <summary><c>task_block</c>: <c>lifecycle task block ID --reason R</c>.</summary>
[McpServerToolType]
public sealed class TaskBlockTool(IMcpSessions sessions)
{
    [McpServerTool(Name = "task_block", Title = "Block a task")]
    [Description("Marks a task blocked, with the reason; blockers come first in the next session's plan.")]
    public Task<string> RunAsync(
        [Description("The task id, e.g. T3")] string id,
        [Description("Why it is blocked")] string reason,
        CancellationToken cancellationToken = default) =>
        sessions.RunAsync(async (call, ct) => McpText.Task("Blocked", await call.Sessions.BlockTaskAsync(id, reason, ct)), cancellationToken);
}
