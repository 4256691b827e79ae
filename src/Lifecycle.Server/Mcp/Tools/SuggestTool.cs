using System.ComponentModel;
using Lifecycle.Server.Cli.Sessions;
using ModelContextProtocol.Server;

namespace Lifecycle.Server.Mcp.Tools;

/// <summary><c>suggest</c>: <c>lifecycle suggest</c>.</summary>
[McpServerToolType]
public sealed class SuggestTool(IMcpSessions sessions)
{
    [McpServerTool(Name = "suggest", Title = "Suggestions from the history", ReadOnly = true, Idempotent = true)]
    [Description("How to work better, from the closed sessions: each suggestion with the figures behind it (best hours and session lengths, interruptions, setup time, blockers that outlive a session, tasks that keep slipping), and why no suggestion is made about the rest.")]
    public Task<string> RunAsync(CancellationToken cancellationToken) =>
        sessions.RunAsync(async (call, ct) =>
        {
            using var text = new StringWriter();
            SuggestCommand.Write(text, await call.Sessions.SuggestAsync(ct));
            return text.ToString().TrimEnd();
        }, cancellationToken);
}
