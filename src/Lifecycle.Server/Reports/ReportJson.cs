using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Handoff;

namespace Lifecycle.Server.Reports;

/// <summary>
/// The reports as JSON: the model's figures as they are (camelCase, enums by name), the same numbers
/// the HTML tables print. A session's report carries its whole handoff under <c>handoff</c>, written
/// as the handoff document is.
/// </summary>
public static class ReportJson
{
    private static readonly JsonSerializerOptions Options = new(HandoffJson.Options) { RespectNullableAnnotations = false };

    /// <summary>One session's report.</summary>
    public static string Render(SessionReportModel report)
    {
        var node = JsonSerializer.SerializeToNode(report with { Handoff = null! }, Options)!.AsObject();
        node.Insert(0, "kind", "session");
        node["handoff"] = JsonNode.Parse(HandoffJson.Render(report.Handoff));
        return node.ToJsonString(Options) + "\n";
    }

    /// <summary>The report across sessions.</summary>
    public static string Render(AcrossSessionsReport report)
    {
        var node = JsonSerializer.SerializeToNode(report, Options)!.AsObject();
        node.Insert(0, "kind", "sessions");
        return node.ToJsonString(Options) + "\n";
    }
}
