using System.ComponentModel;
using Lifecycle.Server.Planning;
using ModelContextProtocol.Server;

namespace Lifecycle.Server.Mcp.Tools;

/// <summary><c>plan</c>: <c>lifecycle plan [--hours H]</c>; the plan is kept with the session, as from the CLI.</summary>
[McpServerToolType]
public sealed class PlanTool(IMcpSessions sessions)
{
    [McpServerTool(Name = "plan", Title = "Plan the session")]
    [Description("Plans the session: the open tasks in continuation order (blocked first, the task in progress, then priority), each with its predicted effort and 10-90% interval, fitted into the time budget; keeps the plan with the session (the close compares it with what happened).")]
    public Task<string> RunAsync(
        [Description("The time budget in hours, e.g. 1.5; the predicted session duration when not given")] double? hours = null,
        CancellationToken cancellationToken = default) =>
        sessions.RunAsync(async (call, ct) => PlanText.Render(await call.Sessions.PlanAsync(hours, ct)), cancellationToken);
}
