using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Lifecycle.Server.Mcp.Tools;

/// <summary><c>task_list</c>: <c>lifecycle task list</c>.</summary>
[McpServerToolType]
public sealed class TaskListTool(IMcpSessions sessions)
{
    [McpServerTool(Name = "task_list", Title = "List the tasks", ReadOnly = true, Idempotent = true)]
    [Description("The session's tasks, open and blocked ones first by priority, then the ones done in this session.")]
    public Task<string> RunAsync(
        [Description("Also list the tasks done in earlier sessions")] bool all = false,
        CancellationToken cancellationToken = default) =>
        sessions.RunAsync(async (call, ct) => McpText.Tasks(await call.Sessions.ListTasksAsync(all, ct)), cancellationToken);
}
