using System.Text.Json.Nodes;

namespace Lifecycle.Server.Sessions;

/// <summary>A closed session and its handoff.</summary>
/// <param name="SessionId">The session closed.</param>
/// <param name="Handoff">The handoff as its JSON document (<c>SESSION-NNNNN-HANDOFF.json</c>).</param>
/// <param name="InstanceId">The session-end workflow instance.</param>
/// <param name="Continued">True when this was a close interrupted earlier that this command finished.</param>
public sealed record EndOutcome(string SessionId, JsonNode? Handoff, string InstanceId, bool Continued);
