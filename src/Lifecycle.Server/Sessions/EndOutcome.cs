using System.Text.Json.Nodes;

namespace Lifecycle.Server.Sessions;

/// <summary>A closed session and its handoff.</summary>
/// <param name="SessionId">The session closed.</param>
/// <param name="Handoff">The handoff as its JSON document (<c>SESSION-NNNNN-HANDOFF.json</c>).</param>
/// <param name="InstanceId">The session-end workflow instance.</param>
/// <param name="Continued">True when this was a close interrupted earlier that this command finished.</param>
/// <param name="DocsSigningProblem">Why the docs commit is not signed though <c>commit.gpgsign</c> asks for it; null when it is, or needs not be.</param>
/// <param name="DetachedAt">
/// The commit HEAD is at when the session ended on a detached HEAD: its commits and its documents
/// are on no branch, found by that sha only. Null when it ended on a branch.
/// </param>
public sealed record EndOutcome(string SessionId, JsonNode? Handoff, string InstanceId, bool Continued, string? DocsSigningProblem = null, string? DetachedAt = null)
{
    internal static string? SigningProblemOf(Lifecycle.Workflows.Hosting.RunResult result) =>
        result.Outputs["docsSigningProblem"] is JsonValue value && value.TryGetValue<string>(out var problem) ? problem : null;
}
