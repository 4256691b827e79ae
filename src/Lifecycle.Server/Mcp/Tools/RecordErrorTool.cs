using System.ComponentModel;
using System.Text.Json.Nodes;
using Lifecycle.Activities;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Sessions;
using ModelContextProtocol.Server;

namespace Lifecycle.Server.Mcp.Tools;

/// <summary><c>record_error</c>: <c>lifecycle event error_occurred --message M</c>.</summary>
[McpServerToolType]
public sealed class RecordErrorTool(IMcpSessions sessions)
{
    [McpServerTool(Name = "record_error", Title = "Record an error")]
    [Description("Records an error in the active session (a failed build or test, a crash): it shows in status, the log, the handoff and the report.")]
    public Task<string> RunAsync(
        [Description("What went wrong, e.g. 'build failed: CS1002'")] string message,
        CancellationToken cancellationToken = default) =>
        sessions.RunAsync((call, ct) => RecordAsync(call, SessionEventTypes.ErrorOccurred, message, ct), cancellationToken);

    /// <summary>Records an event with a message; refused when no session is active (the CLI notes it and records nothing).</summary>
    internal static async Task<string> RecordAsync(McpCall call, string type, string message, CancellationToken cancellationToken)
    {
        var outcome = await call.Sessions.RecordEventAsync(new EventRequest(type, new JsonObject { ["message"] = message }), cancellationToken);
        return outcome.Recorded is { } recorded
            ? $"Recorded {type} in session {recorded.SessionId}."
            : throw new SessionException(McpText.NoActiveSession, ErrorKind.Conflict);
    }
}
