using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Server.Tests.Scheduling;

/// <summary>Workflows and journal counts the scheduling tests share.</summary>
internal static class DelayWorkflows
{
    /// <summary>A workflow that waits <paramref name="duration"/> then finishes.</summary>
    public static string Delay(string id, string duration) => $$"""
    {
      "id": "{{id}}",
      "root": {
        "type": "Sequence",
        "activities": [
          { "id": "wait", "type": "Delay", "duration": "{{duration}}" },
          { "id": "done", "type": "SetOutput", "name": "done", "value": true }
        ]
      }
    }
    """;

    public static async Task<WorkflowDefinition> PublishAsync(WorkflowEngine engine, string json) =>
        (await engine.PublishAsync(await engine.ReadAsync(json, "test.json"))).Definition;

    public static async Task<WorkflowStatus?> StatusAsync(WorkflowEngine engine, string instanceId) =>
        (await engine.Store.GetInstanceAsync(instanceId, CancellationToken.None))?.Status;

    /// <summary>How many times the instance was resumed, as its journal says.</summary>
    public static async Task<int> ResumedCountAsync(WorkflowEngine engine, string instanceId) =>
        (await engine.Store.GetJournalAsync(instanceId, 0, CancellationToken.None)).Count(e => e.Event == JournalEvent.Resumed);
}
