using Lifecycle.Workflows.Control;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Control;

public class WhileTests
{
    private static string Counting(string condition, string max = "") => TestEngine.Workflow($$"""
        { "id": "loop", "type": "While", "condition": {{condition}}, {{max}}
          "body": { "id": "step", "type": "SetVariable", "variable": "i", "value": { "js": "vars.i + 1" } } },
        { "type": "SetOutput", "name": "i", "value": { "js": "vars.i" } }
        """, extra: """ "variables": { "i": 0 }, """);

    [Fact]
    public async Task While_RunsTheBodyWhileTheConditionHolds()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Counting("""{ "js": "vars.i < 5" }"""));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(5, run.Outputs["i"]!.GetValue<int>());
        var journal = await test.JournalAsync(run.InstanceId);
        Assert.Contains(journal, e => e.ActivityId == "loop" && e.Event == JournalEvent.Completed && e.Message == "Ran 5 iterations.");
    }

    [Fact]
    public async Task While_FalseAtTheStart_NeverRunsTheBody()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Counting("false"));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(0, run.Outputs["i"]!.GetValue<int>());
    }

    [Fact]
    public async Task While_ExactlyMaxIterations_Finishes()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Counting("""{ "js": "vars.i < 3" }""", """ "maxIterations": 3, """));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(3, run.Outputs["i"]!.GetValue<int>());
    }

    [Fact]
    public async Task While_ExceedsExplicitMaxIterations_FaultsNamingTheActivity()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Counting("true", """ "maxIterations": 3, """));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.StartsWith("While 'loop': ", run.Error);
        Assert.Contains("maxIterations (3)", run.Error);
        Assert.Equal(3, (await test.StartsAsync(run.InstanceId))["step"]);
    }

    [Fact]
    public async Task While_MaxIterationsFromAnExpression_IsHonoured()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Counting("true", """ "maxIterations": { "js": "1 + 1" }, """));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Contains("maxIterations (2)", run.Error);
    }

    [Fact]
    public async Task While_WithoutMaxIterations_FaultsAfterTenThousand()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Counting("true"));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Contains($"maxIterations ({While.DefaultMaxIterations})", run.Error);
        Assert.Equal(10_000, While.DefaultMaxIterations);
        Assert.Equal(10_000, (await test.StartsAsync(run.InstanceId))["step"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public async Task While_MaxIterationsBelowOne_IsRejectedAtLoad(string max)
    {
        await using var test = new TestEngine();

        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() =>
            test.PublishAsync(Counting("true", $$""" "maxIterations": {{max}}, """)));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("$.root.activities[0].maxIterations", problem.Path);
        Assert.Contains($"found {max}", problem.Message);
    }
}
