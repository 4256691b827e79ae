using System.ComponentModel;
using Lifecycle.Activities.Tasks;
using ModelContextProtocol.Server;

namespace Lifecycle.Server.Mcp.Tools;

/// <summary><c>task_add</c>: <c>lifecycle task add</c>.</summary>
[McpServerToolType]
public sealed class TaskAddTool(IMcpSessions sessions)
{
    [McpServerTool(Name = "task_add", Title = "Add a task")]
    [Description("Adds a task to the session (carried to the next session until done); returns its id, e.g. T3.")]
    public Task<string> RunAsync(
        [Description("What to do")] string title,
        [Description("1 (highest) to 5; 3 when not given")] int priority = SessionTask.DefaultPriority,
        [Description("Who the task is for: a person's name or email, or an agent's name (lifecycle task add --assignee)")] string? assignee = null,
        CancellationToken cancellationToken = default) =>
        sessions.RunAsync(async (call, ct) => McpText.Task("Added", await call.Sessions.AddTaskAsync(title, priority, assignee, ct)), cancellationToken);
}
