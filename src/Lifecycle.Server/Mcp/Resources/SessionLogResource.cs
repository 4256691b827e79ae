using System.ComponentModel;
using Lifecycle.Activities;
using ModelContextProtocol.Server;

namespace Lifecycle.Server.Mcp.Resources;

/// <summary>The current session's log as written so far, as Markdown: <c>lifecycle://log/current</c>.</summary>
[McpServerResourceType]
public sealed class SessionLogResource(IMcpSessions sessions)
{
    public const string Uri = "lifecycle://log/current";

    [McpServerResource(UriTemplate = Uri, Name = "log", Title = "Current session log", MimeType = "text/markdown")]
    [Description("The latest session's log (SESSION-NNNNN-LOG.md) as written so far: mission, open tasks, blockers, then one line per event, task change, checkpoint and note.")]
    public Task<string> ReadAsync(CancellationToken cancellationToken) =>
        sessions.RunAsync(async (call, ct) =>
        {
            var session = (await call.Sessions.StatusAsync(ct)).Session;
            var log = await call.Local().LogAsync(session.SessionId, ct);
            return log?.Text ?? throw new SessionException($"Session {session.SessionId} has no log yet (it is written when a session starts).", ErrorKind.NotFound);
        }, cancellationToken);
}
