using System.ComponentModel;
using Lifecycle.Server.Sessions;
using ModelContextProtocol.Server;

namespace Lifecycle.Server.Mcp.Tools;

/// <summary><c>end</c>: <c>lifecycle end</c>; answers what the CLI prints of the handoff.</summary>
[McpServerToolType]
public sealed class EndTool(IMcpSessions sessions)
{
    [McpServerTool(Name = "end", Title = "End the session", Destructive = false)]
    [Description("Closes the session: writes the handoff and report, commits the session docs, puts uncommitted work away (restored by the next start). Returns the score and next actions.")]
    public Task<string> RunAsync(
        [Description("A note for the next session, kept in the handoff")] string? note = null,
        [Description("Confirm the protocol's required actions up front (open tasks, uncommitted work)")] bool yes = false,
        [Description("Override protocol blocks (recorded in the journal)")] bool force = false,
        [Description("Leave uncommitted work in the work tree instead of stashing it")] bool noStash = false,
        [Description("Whom the handoff is for: a person's name or email, or an agent's name (lifecycle end --to)")] string? to = null,
        CancellationToken cancellationToken = default) =>
        sessions.RunAsync(async (call, ct) =>
        {
            var closed = await call.Sessions.EndAsync(new EndRequest(force, yes, noStash, note, To: to), ct);
            var handoff = closed.Handoff;
            var lines = new List<string>
            {
                closed.Continued ? $"Session {closed.SessionId} closed (its close had been interrupted; this call finished it)." : $"Session {closed.SessionId} closed.",
                handoff?["productivityScore"] is { } score ? $"  productivity score: {score}" : $"  not scored: {handoff?["metrics"]?["scoreUnavailableReason"]}",
            };
            lines.AddRange((handoff?["nextActions"]?.AsArray() ?? []).Select(action => $"  next: {action}"));
            if (closed.DetachedAt is { } sha)
            {
                lines.Add($"warning: HEAD is detached: the session's commits and documents end at {sha[..7]}, on no branch; run 'git switch -c NAME' now to keep them on a branch.");
            }

            return string.Join("\n", lines);
        }, cancellationToken);
}
