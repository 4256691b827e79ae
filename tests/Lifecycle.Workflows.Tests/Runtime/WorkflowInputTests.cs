using System.Text.Json.Nodes;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Runtime;

public class WorkflowInputTests
{
    private const string Typed = """
        {
          "id": "typed",
          "inputs": {
            "name": { "type": "string", "required": true },
            "count": { "type": "integer", "default": 3 },
            "ratio": { "type": "number" },
            "flag": { "type": "boolean" },
            "options": { "type": "object" },
            "items": { "type": "array" },
            "anything": { }
          },
          "root": { "type": "SetOutput", "name": "input", "value": { "js": "input" } }
        }
        """;

    [Fact]
    public async Task Run_ValidInput_AppliesDefaultsForWhatIsMissing()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Typed, new JsonObject
        {
            ["name"] = "n", ["ratio"] = 0.5, ["flag"] = false, ["options"] = new JsonObject(), ["items"] = new JsonArray(), ["anything"] = null,
        });

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal("""{"name":"n","ratio":0.5,"flag":false,"options":{},"items":[],"anything":null,"count":3}""", run.Outputs["input"]!.ToJsonString());
    }

    [Fact]
    public async Task Run_GivenValue_OverridesTheDefault()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Typed, new JsonObject { ["name"] = "n", ["count"] = 7 });

        Assert.Equal(7, run.Outputs["input"]!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Run_BadInput_ThrowsWithEveryProblemAndStartsNothing()
    {
        await using var test = new TestEngine();
        var definition = await test.PublishAsync(Typed);

        var error = await Assert.ThrowsAsync<WorkflowInputException>(() => test.Engine.RunAsync(definition, new JsonObject
        {
            ["count"] = 1.5,
            ["ratio"] = "half",
            ["flag"] = "yes",
            ["options"] = new JsonArray(),
            ["items"] = new JsonObject(),
            ["colour"] = "red",
        }));

        Assert.Equal(
            [
                "'colour' is not an input of this workflow (its inputs: name, count, ratio, flag, options, items, anything)",
                "'name' is required (string)",
                "'count' must be of type integer; got 1.5",
                "'ratio' must be of type number; got \"half\"",
                "'flag' must be of type boolean; got \"yes\"",
                "'options' must be of type object; got []",
                "'items' must be of type array; got {}",
            ],
            error.Problems);
        Assert.StartsWith("Input for workflow 'typed' is not valid: ", error.Message);
        Assert.Empty(await test.Engine.Store.ListInstancesAsync(null, null, 10, default));
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(-4)]
    public async Task Run_IntegerInput_AcceptsWholeNumbers(double count)
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Typed, new JsonObject { ["name"] = "n", ["count"] = count });

        Assert.Equal(WorkflowStatus.Finished, run.Status);
    }

    [Fact]
    public async Task Run_WorkflowWithoutDeclaredInputs_AcceptsAnyInput()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync("""{ "id": "open", "root": { "type": "SetOutput", "name": "x", "value": { "js": "input.whatever" } } }""",
            new JsonObject { ["whatever"] = "fine" });

        Assert.Equal("fine", run.Outputs["x"]!.GetValue<string>());
    }
}
