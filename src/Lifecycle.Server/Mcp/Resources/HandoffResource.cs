using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Lifecycle.Server.Mcp.Resources;

/// <summary>The handoff the work continues from, as Markdown: <c>lifecycle://handoff/current</c>.</summary>
[McpServerResourceType]
public sealed class HandoffResource(IMcpSessions sessions)
{
    public const string Uri = "lifecycle://handoff/current";

    [McpServerResource(UriTemplate = Uri, Name = "handoff", Title = "Current handoff", MimeType = "text/markdown")]
    [Description("The last closed session's handoff (SESSION-NNNNN-HANDOFF.md): what was done, what is open, blockers, next actions, the note for the next session.")]
    public Task<string> ReadAsync(CancellationToken cancellationToken) =>
        sessions.RunAsync((call, ct) => McpText.HandoffAsync(call.Sessions, ct), cancellationToken);
}
