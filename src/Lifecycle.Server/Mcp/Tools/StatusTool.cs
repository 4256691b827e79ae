using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Lifecycle.Server.Mcp.Tools;

/// <summary><c>status</c>: <c>lifecycle status</c>.</summary>
[McpServerToolType]
public sealed class StatusTool(IMcpSessions sessions)
{
    [McpServerTool(Name = "status", Title = "Session status", ReadOnly = true, Idempotent = true)]
    [Description("The current session: state, branch, live counts (commits, files, lines, uncommitted files), recorded errors, open tasks and blockers.")]
    public Task<string> RunAsync(CancellationToken cancellationToken) =>
        sessions.RunAsync(async (call, ct) => McpText.Status(await call.Sessions.StatusAsync(ct)), cancellationToken);
}
