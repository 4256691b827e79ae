using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Handoff;

/// <summary>One line of the session log.</summary>
/// <param name="Time">When it happened.</param>
/// <param name="Kind">What it records.</param>
/// <param name="Text">The line's text; line breaks become spaces when written.</param>
public sealed record SessionLogEntry(DateTimeOffset Time, SessionLogEntryKind Kind, string Text)
{
    /// <summary>The entry for a recorded event: its type, then its data as <c>key=value</c> pairs in their order.</summary>
    public static SessionLogEntry From(SessionEvent sessionEvent)
    {
        ArgumentNullException.ThrowIfNull(sessionEvent);
        var data = sessionEvent.Data is { Count: > 0 } values
            ? " " + string.Join(" ", values.Select(pair => $"{pair.Key}={Value(pair.Value)}"))
            : "";
        return new SessionLogEntry(sessionEvent.Timestamp, SessionLogEntryKind.Event, sessionEvent.Type + data);
    }

    private static string Value(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
