using Lifecycle.Workflows.Expressions;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Expressions;

public class ExpressionErrorTests
{
    private static string Computing(string js) => TestEngine.Workflow($$"""
        { "id": "calc", "type": "SetVariable", "variable": "x", "value": { "js": "{{js}}" } }
        """);

    [Fact]
    public async Task RuntimeError_FaultsWithAMessageNamingTheActivityAndTheInput()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Computing("nothing.here"));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.StartsWith("SetVariable 'calc': expression $.root.activities[0].value failed: ", run.Error);
        Assert.Contains("nothing", run.Error);
        var journal = await test.JournalAsync(run.InstanceId);
        Assert.Contains(journal, e => e.ActivityId == "calc" && e.Event == JournalEvent.Faulted && e.Message == run.Error);
    }

    [Fact]
    public async Task ThrownError_CarriesItsMessage()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Computing("(() => { throw new Error('custom failure'); })()"));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Contains("custom failure", run.Error);
    }

    [Fact]
    public async Task StrictMode_AssignmentToAnUndeclaredName_Faults()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Computing("undeclared = 1"));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Contains("undeclared", run.Error);
    }

    [Fact]
    public async Task WrongResultType_FaultsNamingTheExpectedType()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "loop", "type": "While", "condition": true, "body": { "type": "Finish" }, "maxIterations": { "js": "2.5" } }
            """));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal("While 'loop': expression $.root.activities[0].maxIterations gave 2.5, which is not an integer", run.Error);
    }

    [Fact]
    public async Task InfiniteLoop_FaultsAtTheStatementLimit()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Computing("(() => { let i = 0; while (true) { i++; } })()"));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal("SetVariable 'calc': expression $.root.activities[0].value executed more than 100000 statements", run.Error);
    }

    [Fact]
    public async Task StatementLimit_AppliesToEachEvaluationOnItsOwn()
    {
        await using var test = new TestEngine(new WorkflowRunnerOptions { Expressions = new ExpressionLimits { MaxStatements = 50 } });

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "While", "condition": { "js": "vars.i < 200" },
              "body": { "type": "SetVariable", "variable": "i", "value": { "js": "vars.i + 1" } } },
            { "type": "SetOutput", "name": "i", "value": { "js": "vars.i" } }
            """, extra: """ "variables": { "i": 0 }, """));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(200, run.Outputs["i"]!.GetValue<int>());
    }

    [Fact]
    public async Task InfiniteLoop_FaultsAtTheTimeout()
    {
        var limits = new ExpressionLimits { Timeout = TimeSpan.FromMilliseconds(100), MaxStatements = int.MaxValue };
        await using var test = new TestEngine(new WorkflowRunnerOptions { Expressions = limits });

        var run = await test.RunAsync(Computing("(() => { while (true) { } })()"));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal("SetVariable 'calc': expression $.root.activities[0].value timed out after 0.1 s", run.Error);
    }

    [Fact]
    public async Task RunawayRecursion_FaultsAtTheRecursionLimit()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Computing("(function f(n) { return f(n + 1) + 1; })(0)"));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Contains("recursed deeper than 256 calls", run.Error);
    }

    [Fact]
    public async Task ExpressionFault_InsideTryCatch_IsCaught()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "guard", "type": "TryCatch",
              "try": { "type": "SetVariable", "variable": "x", "value": { "js": "(() => { while (true) { } })()" } } },
            { "type": "SetOutput", "name": "error", "value": { "js": "outputs.guard.error" } }
            """));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Contains("statements", run.Outputs["error"]!.GetValue<string>());
    }
}
