using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Lifecycle.Server.Mcp.Tools;

/// <summary><c>task_done</c>: <c>lifecycle task done ID</c>.</summary>
[McpServerToolType]
public sealed class TaskDoneTool(IMcpSessions sessions)
{
    [McpServerTool(Name = "task_done", Title = "Finish a task", Idempotent = true)]
    [Description("Marks a task done.")]
    public Task<string> RunAsync(
        [Description("The task id, e.g. T3")] string id,
        CancellationToken cancellationToken = default) =>
        sessions.RunAsync(async (call, ct) => McpText.Task("Done", await call.Sessions.CompleteTaskAsync(id, ct)), cancellationToken);
}
