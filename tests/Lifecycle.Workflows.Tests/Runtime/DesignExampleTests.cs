using System.Text.Json.Nodes;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Runtime;

public class DesignExampleTests
{
    public const string Greet = """
    {
      "$schema": "../schemas/workflow.schema.json",
      "id": "greet",
      "name": "Greet",
      "description": "Says hello, counts, waits for a go signal.",
      "inputs": { "name": { "type": "string", "default": "world" } },
      "variables": { "count": 0 },
      "triggers": [ { "type": "Event", "event": "greet_requested" } ],
      "root": {
        "type": "Sequence",
        "activities": [
          { "id": "hello", "type": "SetVariable", "variable": "greeting", "value": { "js": "'hello ' + input.name" } },
          { "type": "ForEach", "items": [1, 2, 3], "variable": "item",
            "body": { "type": "SetVariable", "variable": "count", "value": { "js": "vars.count + vars.item" } } },
          { "type": "If", "condition": { "js": "vars.count > 5" },
            "then": { "type": "Log", "message": { "js": "vars.greeting" } },
            "else": { "type": "Fail", "message": "count too small" } },
          { "id": "go", "type": "WaitForEvent", "event": "go" },
          { "type": "SetOutput", "name": "total", "value": { "js": "vars.count + outputs.go.payload.extra" } }
        ]
      }
    }
    """;

    [Fact]
    public async Task Greet_RunsToTheEventThenFinishesWithThePayload()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Greet, new JsonObject { ["name"] = "Ada" });

        Assert.Equal(WorkflowStatus.Suspended, run.Status);
        Assert.Equal("go", Assert.Single(run.Bookmarks).Event);

        var resumed = await test.Engine.ResumeAsync(new Stimulus("go", new JsonObject { ["extra"] = 10 }));

        var result = Assert.Single(resumed.Resumed);
        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(16, result.Outputs["total"]!.GetValue<int>());
        var journal = await test.Engine.Store.GetJournalAsync(run.InstanceId, 0, default);
        Assert.Contains(journal, e => e.ActivityType == "Log" && e.Message == "hello Ada");
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(e => e.Sequence));
    }
}
