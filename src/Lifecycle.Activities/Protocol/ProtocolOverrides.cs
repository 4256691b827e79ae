using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Handoff;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Protocol;

/// <summary>
/// The overrides of a workflow run: each protocol rule overridden with <c>--force</c> and each
/// required action confirmed (<c>--yes</c>, or at the terminal), kept in the workflow output
/// <c>overrides</c> as <c>[{time, text}]</c> when they happen, for the session log.
/// </summary>
/// <remarks>
/// The start's overrides happen before its session exists (the consensus rule comes first), so they
/// wait in the workflow's output until the log is written, with the time they happened.
/// </remarks>
public static class ProtocolOverrides
{
    /// <summary>The workflow output holding the overrides.</summary>
    public const string OutputName = "overrides";

    /// <summary>Adds an override, now, to the workflow's <c>overrides</c>.</summary>
    public static void Record(ActivityContext context, string text)
    {
        ArgumentNullException.ThrowIfNull(context);
        var overrides = context.GetWorkflowOutput(OutputName) as JsonArray ?? [];
        overrides.Add(new JsonObject { ["time"] = context.Time.GetUtcNow(), ["text"] = text });
        context.SetWorkflowOutput(OutputName, overrides);
    }

    /// <summary>The overrides recorded so far in this workflow, as log entries; items that do not read are passed over.</summary>
    public static IReadOnlyList<SessionLogEntry> Entries(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetWorkflowOutput(OutputName) is JsonArray overrides
            ? [.. overrides.Select(Entry).OfType<SessionLogEntry>()]
            : [];
    }

    private static SessionLogEntry? Entry(JsonNode? item)
    {
        try
        {
            return item is JsonObject { } o && o["text"]?.GetValue<string>() is { } text && o["time"]?.GetValue<DateTimeOffset>() is { } time
                ? SessionLogEntries.Override(time, text)
                : null;
        }
        catch (Exception error) when (error is InvalidOperationException or FormatException or JsonException)
        {
            return null;
        }
    }
}
