using System.ComponentModel;
using Lifecycle.Activities.Sessions;
using ModelContextProtocol.Server;

namespace Lifecycle.Server.Mcp.Tools;

/// <summary><c>record_note</c>: <c>lifecycle event note --message M</c>.</summary>
[McpServerToolType]
public sealed class RecordNoteTool(IMcpSessions sessions)
{
    [McpServerTool(Name = "record_note", Title = "Record a note")]
    [Description("Records a note in the active session's log (a decision, a finding, what was tried); for the next session's note, give 'note' to 'end'.")]
    public Task<string> RunAsync(
        [Description("The note")] string message,
        CancellationToken cancellationToken = default) =>
        sessions.RunAsync((call, ct) => RecordErrorTool.RecordAsync(call, SessionEventTypes.Note, message, ct), cancellationToken);
}
