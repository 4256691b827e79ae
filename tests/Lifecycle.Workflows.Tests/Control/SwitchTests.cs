using System.Text.Json.Nodes;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Control;

public class SwitchTests
{
    private const string Colors = """
        {
          "id": "colors",
          "inputs": { "color": { "type": "string" } },
          "root": {
            "id": "switch",
            "type": "Switch",
            "cases": [
              { "when": { "js": "input.color === 'red'" }, "do": { "type": "SetOutput", "name": "picked", "value": "red case" } },
              { "when": { "js": "input.color.startsWith('r')" }, "do": { "type": "SetOutput", "name": "picked", "value": "r case" } },
              { "when": false, "do": { "type": "SetOutput", "name": "picked", "value": "never" } }
            ],
            "default": { "type": "SetOutput", "name": "picked", "value": "default" }
          }
        }
        """;

    [Theory]
    [InlineData("red", "red case")]
    [InlineData("rose", "r case")]
    [InlineData("blue", "default")]
    public async Task Switch_RunsTheFirstMatchingCaseOrTheDefault(string color, string expected)
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Colors, new JsonObject { ["color"] = color });

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(expected, run.Outputs["picked"]!.GetValue<string>());
    }

    [Fact]
    public async Task Switch_NoMatchAndNoDefault_CompletesWithoutRunningAnything()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "switch", "type": "Switch", "cases": [ { "when": false, "do": { "type": "Log", "message": "no" } } ] },
            { "type": "Log", "message": "after" }
            """));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(["after"], await test.LogsAsync(run.InstanceId));
        var journal = await test.JournalAsync(run.InstanceId);
        Assert.Contains(journal, e => e.ActivityId == "switch" && e.Event == JournalEvent.Completed && e.Message == "No case matched.");
    }

    [Fact]
    public async Task Switch_OnlyTheFirstOfSeveralTrueCasesRuns()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "Switch", "cases": [
              { "when": true, "do": { "type": "Log", "message": "first" } },
              { "when": true, "do": { "type": "Log", "message": "second" } } ] }
            """));

        Assert.Equal(["first"], await test.LogsAsync(run.InstanceId));
    }

    [Fact]
    public async Task Switch_EmptyCases_RunsTheDefault()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "Switch", "cases": [], "default": { "type": "Log", "message": "default" } }
            """));

        Assert.Equal(["default"], await test.LogsAsync(run.InstanceId));
    }
}
