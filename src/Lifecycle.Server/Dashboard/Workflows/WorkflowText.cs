using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Workflows.Definitions;

namespace Lifecycle.Server.Dashboard.Workflows;

/// <summary>How the workflow pages write a definition and its triggers for people.</summary>
public static class WorkflowText
{
    // The page encodes the text as HTML itself; escaping ' and < as \u0027 again would only hurt reading.
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, IndentSize = 2, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The definition indented two spaces a level, as the store reads it (comments dropped): two
    /// versions written in different layouts then differ only where their content does.
    /// </summary>
    public static string Indented(JsonNode? definition) => definition?.ToJsonString(Pretty) ?? "null";

    /// <summary>"Event git_commit", "Cron 0 0/5 * * * ?", "Http POST /deploy/done".</summary>
    public static string Describe(TriggerDefinition trigger) => trigger.Type switch
    {
        "Event" => $"Event {trigger.Event}",
        "Cron" => $"Cron {trigger.Cron}",
        "Http" => $"Http {trigger.Method?.ToUpperInvariant()} {trigger.Path}",
        _ => trigger.Type,
    };
}
