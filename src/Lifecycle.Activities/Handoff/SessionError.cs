using System.Text.Json;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Handoff;

/// <summary>An error recorded during the session (an <c>error_occurred</c> event): when, and its message.</summary>
/// <param name="Time">When it was recorded.</param>
/// <param name="Message">What went wrong, as recorded; <c>(no message given)</c> when the event had none.</param>
public sealed record SessionError(DateTimeOffset Time, string Message)
{
    /// <summary>What an error event without a message reads as.</summary>
    public const string NoMessage = "(no message given)";

    /// <summary>The errors among <paramref name="events"/>, in the order they were recorded.</summary>
    public static IReadOnlyList<SessionError> From(IEnumerable<SessionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return [.. events
            .Where(e => string.Equals(e.Type, SessionEventTypes.ErrorOccurred, StringComparison.Ordinal))
            .Select(e => new SessionError(e.Timestamp, MessageOf(e)))];
    }

    /// <summary>The event's <c>message</c> when it is a non-blank string, else <see cref="NoMessage"/>.</summary>
    internal static string MessageOf(SessionEvent sessionEvent) =>
        sessionEvent.Data?["message"] is { } node
        && node.GetValueKind() == JsonValueKind.String
        && node.GetValue<string>() is { } text
        && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : NoMessage;
}
