using System.Text.Json.Nodes;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Control;

public class IfTests
{
    private static string Branching(string condition) => TestEngine.Workflow($$"""
        { "type": "If", "condition": {{condition}},
          "then": { "type": "SetOutput", "name": "branch", "value": "then" },
          "else": { "type": "SetOutput", "name": "branch", "value": "else" } }
        """);

    [Theory]
    [InlineData("true", "then")]
    [InlineData("false", "else")]
    [InlineData("""{ "js": "1 + 1 === 2" }""", "then")]
    [InlineData("""{ "js": "input.n > 5" }""", "else")]
    public async Task If_Condition_RunsTheMatchingBranch(string condition, string expected)
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Branching(condition), new JsonObject { ["n"] = 3 });

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(expected, run.Outputs["branch"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("'text'", "then")]
    [InlineData("''", "else")]
    [InlineData("0", "else")]
    [InlineData("[]", "then")]
    [InlineData("null", "else")]
    [InlineData("undefined", "else")]
    public async Task If_ExpressionCondition_UsesJavaScriptTruthiness(string js, string expected)
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Branching($$"""{ "js": "{{js}}" }"""));

        Assert.Equal(expected, run.Outputs["branch"]!.GetValue<string>());
    }

    [Fact]
    public async Task If_FalseWithoutElse_CompletesAndGoesOn()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "If", "condition": false, "then": { "type": "Log", "message": "then" } },
            { "type": "Log", "message": "next" }
            """));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(["next"], await test.LogsAsync(run.InstanceId));
    }

    [Fact]
    public async Task If_TrueWithoutElse_RunsThen()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "If", "condition": true, "then": { "type": "Log", "message": "then" } }
            """));

        Assert.Equal(["then"], await test.LogsAsync(run.InstanceId));
    }
}
