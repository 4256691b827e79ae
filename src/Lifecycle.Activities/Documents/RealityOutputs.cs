using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Reality;

namespace Lifecycle.Activities.Documents;

/// <summary>Reads the outputs of a <see cref="RealityCheck"/> step (<c>consensus</c>, <c>agents</c>) back, for the session log.</summary>
internal static class RealityOutputs
{
    /// <summary>The consensus and the agents, or null when <paramref name="outputs"/> is not a reality check's outputs.</summary>
    public static (double Consensus, IReadOnlyList<AgentReport> Agents)? Read(JsonNode? outputs)
    {
        try
        {
            if (outputs is not JsonObject check || check["consensus"] is not JsonValue consensus)
            {
                return null;
            }

            var agents = check["agents"] is JsonArray list
                ? list.OfType<JsonObject>().Select(a => new AgentReport(
                    a["name"]?.GetValue<string>() ?? "unnamed agent",
                    a["health"]?.GetValue<double>() ?? 0,
                    a["weight"]?.GetValue<double>() ?? 1,
                    a["reason"]?.GetValue<string>(),
                    TimeSpan.FromSeconds(a["seconds"]?.GetValue<double>() ?? 0))).ToList()
                : [];
            return (consensus.GetValue<double>(), agents);
        }
        catch (Exception error) when (error is InvalidOperationException or FormatException or JsonException)
        {
            // Outputs of another shape (a hand-edited workflow): the check is not logged.
            return null;
        }
    }
}
