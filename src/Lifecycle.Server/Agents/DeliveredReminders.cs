using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lifecycle.Server.Agents;

/// <summary>
/// The reminders the prompt hook already gave the agent, per session, in
/// <c>.lifecycle/agent-reminders.json</c>: a reminder stays due (the timebox stays ended) but the
/// agent is told once, not on every prompt that follows.
/// </summary>
/// <remarks>
/// Best effort: a file that cannot be read counts as nothing delivered (the agent is told again),
/// one that cannot be written is left as it was; neither stops the agent.
/// </remarks>
public sealed class DeliveredReminders(string file)
{
    /// <summary>The keys of <paramref name="sessionId"/>'s reminders given already.</summary>
    public IReadOnlySet<string> Of(string sessionId)
    {
        try
        {
            var saved = JsonNode.Parse(File.ReadAllText(file)) as JsonObject;
            return (string?)saved?["sessionId"] == sessionId
                ? (saved?["delivered"] as JsonArray ?? []).Select(k => (string?)k).OfType<string>().ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }
    }

    /// <summary>Remembers that <paramref name="keys"/> of <paramref name="sessionId"/> were given (with those given before).</summary>
    public void Add(string sessionId, IEnumerable<string> keys)
    {
        var all = Of(sessionId).Concat(keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var json = new JsonObject { ["sessionId"] = sessionId, ["delivered"] = new JsonArray([.. all.Select(k => JsonValue.Create(k))]) };
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, json.ToJsonString());
        }
        catch (Exception unwritable) when (unwritable is IOException or UnauthorizedAccessException)
        {
            // Told again on the next prompt: better than not at all.
        }
    }
}
