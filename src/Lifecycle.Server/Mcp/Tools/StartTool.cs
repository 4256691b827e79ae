using System.ComponentModel;
using Lifecycle.Server.Sessions;
using ModelContextProtocol.Server;

namespace Lifecycle.Server.Mcp.Tools;

/// <summary><c>start</c>: <c>lifecycle start</c>; answers the mission.</summary>
[McpServerToolType]
public sealed class StartTool(IMcpSessions sessions)
{
    [McpServerTool(Name = "start", Title = "Start the session")]
    [Description("Starts the next session (restores the previous session's context and stashed work, runs the reality checks) and returns the mission. Fails when a session is already active.")]
    public Task<string> RunAsync(
        McpServer server,
        [Description("Override protocol blocks (recorded in the journal)")] bool force = false,
        [Description("Confirm the protocol's required actions up front (nobody is asked over MCP)")] bool yes = false,
        [Description("Do not restore the previous session's stashed work")] bool noStash = false,
        [Description("Timebox the session: 45 (minutes), 90m, 1h30m or 2h; reminders before and at its end (lifecycle start --timebox)")] string? timebox = null,
        CancellationToken cancellationToken = default) =>
        sessions.RunAsync(async (call, ct) => (await call.Sessions.StartAsync(new StartRequest(force, yes, noStash, Agent: AgentOf(call, server),
            TimeboxMinutes: timebox is null ? null : Timing.TimeboxText.ParseMinutes(timebox)), ct)).Mission, cancellationToken);

    /// <summary>
    /// Who starts the session: the agent named by <c>lifecycle mcp</c>'s environment, else the MCP
    /// client's name, else <c>mcp</c>: work started through MCP is an agent's, never a person's.
    /// </summary>
    internal static string AgentOf(McpCall call, McpServer server) =>
        call.Agent ?? (server.ClientInfo?.Name is { Length: > 0 } client ? client : "mcp");
}
