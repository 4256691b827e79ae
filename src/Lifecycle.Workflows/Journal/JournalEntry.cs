using System.Text.Json.Nodes;

namespace Lifecycle.Workflows.Journal;

/// <summary>One line of an instance's execution history.</summary>
/// <param name="Sequence">Position in the instance's journal, from 1, without gaps.</param>
/// <param name="Timestamp">When it happened, from the engine's <see cref="TimeProvider"/>.</param>
/// <param name="ActivityId">The activity's id, or its JSONPath when it has none.</param>
/// <param name="ActivityType">The activity's type.</param>
/// <param name="Event">What happened.</param>
/// <param name="Message">A line for people: a log message, a fault, a bookmark's event.</param>
/// <param name="Data">Inputs or outputs, truncated to a few kilobytes.</param>
public sealed record JournalEntry(
    long Sequence,
    DateTimeOffset Timestamp,
    string ActivityId,
    string ActivityType,
    JournalEvent Event,
    string? Message = null,
    JsonNode? Data = null);
