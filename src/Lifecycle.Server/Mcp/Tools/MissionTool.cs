using System.ComponentModel;
using Lifecycle.Activities;
using Lifecycle.Activities.Documents;
using Lifecycle.Activities.Sessions;
using ModelContextProtocol.Server;

namespace Lifecycle.Server.Mcp.Tools;

/// <summary><c>mission</c>: what to work on first and why, as <c>lifecycle start</c> printed it.</summary>
[McpServerToolType]
public sealed class MissionTool(IMcpSessions sessions)
{
    [McpServerTool(Name = "mission", Title = "Read the mission", ReadOnly = true, Idempotent = true)]
    [Description("The active session's mission: its continuation strategy and reason, the handoff notes, open tasks by priority, blockers, warnings and reality consensus.")]
    public Task<string> RunAsync(CancellationToken cancellationToken) =>
        sessions.RunAsync(async (call, ct) =>
        {
            var session = (await call.Sessions.StatusAsync(ct)).Session;
            return session.State == SessionState.Active
                ? DisplayMission.Render(session)
                : throw new SessionException($"Session {session.SessionId} is {session.State.ToString().ToUpperInvariant()}, so there is no mission; start a session with 'lifecycle start' (MCP tool 'start').", ErrorKind.Conflict);
        }, cancellationToken);
}
