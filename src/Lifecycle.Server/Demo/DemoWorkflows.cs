using System.Text.Json.Nodes;
using Lifecycle.Workflows.Hosting;

namespace Lifecycle.Server.Demo;

/// <summary>
/// Two small workflows that <c>demo --serve</c> publishes and runs on the demo repository, so the
/// dashboard has an instance of each kind a user meets: one waiting for an event (send it from
/// its page) and one faulted by a missing file (create the file, then retry it from its page).
/// </summary>
public static class DemoWorkflows
{
    /// <summary>Waits for the event 'approved' and outputs who approved.</summary>
    public const string Review = """
        {
          "id": "demo-review",
          "name": "Review before release",
          "inputs": { "change": { "type": "string", "default": "Greetings.Shout" } },
          "root": {
            "type": "Sequence",
            "activities": [
              { "id": "announce", "type": "Log", "message": { "js": "'review requested for ' + input.change" } },
              { "id": "approval", "type": "WaitForEvent", "event": "approved" },
              { "id": "approver", "type": "SetOutput", "name": "approvedBy", "value": { "js": "(outputs.approval.payload && outputs.approval.payload.by) || 'someone'" } }
            ]
          }
        }
        """;

    /// <summary>Faults until the repository has a RELEASE-NOTES.md, then finishes on retry.</summary>
    public const string ReleaseCheck = """
        {
          "id": "demo-release-check",
          "name": "Release check",
          "root": {
            "type": "Sequence",
            "activities": [
              { "id": "notes", "type": "RunCommand", "run": "test -f RELEASE-NOTES.md || { echo 'RELEASE-NOTES.md is missing: write it, then retry' >&2; exit 1; }" },
              { "id": "ready", "type": "SetOutput", "name": "ready", "value": true }
            ]
          }
        }
        """;

    /// <summary>Publishes both and runs each once: the review suspends, the release check faults.</summary>
    public static async Task<IReadOnlyList<RunResult>> RunAsync(WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var runs = new List<RunResult>();
        foreach (var (json, input) in new[] { (Review, new JsonObject { ["change"] = "Greetings.Shout" }), (ReleaseCheck, new JsonObject()) })
        {
            var (definition, _) = await engine.PublishAsync(await engine.ReadAsync(json, "demo", cancellationToken), cancellationToken);
            runs.Add(await engine.RunAsync(definition, input, cancellationToken));
        }

        return runs;
    }
}
