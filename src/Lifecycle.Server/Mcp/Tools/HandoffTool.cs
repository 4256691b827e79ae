using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Lifecycle.Server.Mcp.Tools;

/// <summary><c>handoff</c>: the handoff the work continues from (also resource <c>lifecycle://handoff/current</c>).</summary>
[McpServerToolType]
public sealed class HandoffTool(IMcpSessions sessions)
{
    [McpServerTool(Name = "handoff", Title = "Read the handoff", ReadOnly = true, Idempotent = true)]
    [Description("The last closed session's handoff as Markdown: what was done, what is open, blockers, next actions, the note left for the next session, the productivity score.")]
    public Task<string> RunAsync(CancellationToken cancellationToken) =>
        sessions.RunAsync((call, ct) => McpText.HandoffAsync(call.Sessions, ct), cancellationToken);
}
