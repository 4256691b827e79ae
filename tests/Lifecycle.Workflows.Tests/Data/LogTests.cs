using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Data;

public class LogTests
{
    [Fact]
    public async Task Log_DefaultLevel_JournalsThePlainMessage()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""{ "type": "Log", "message": "plain" }"""));

        Assert.Equal(["plain"], await test.LogsAsync(run.InstanceId));
    }

    [Theory]
    [InlineData("debug", "[debug] text")]
    [InlineData("info", "text")]
    [InlineData("warning", "[warning] text")]
    [InlineData("error", "[error] text")]
    public async Task Log_Level_PrefixesTheJournalMessage(string level, string expected)
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow($$"""{ "type": "Log", "message": "text", "level": "{{level}}" }"""));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal([expected], await test.LogsAsync(run.InstanceId));
    }

    [Fact]
    public async Task Log_BadLevel_IsRejectedAtLoad()
    {
        await using var test = new TestEngine();

        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() =>
            test.PublishAsync(TestEngine.Workflow("""{ "type": "Log", "message": "x", "level": "loud" }""")));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("$.root.activities[0].level", problem.Path);
        Assert.Contains("'loud'", problem.Message);
        Assert.Contains("debug, info, warning, error", problem.Message);
        Assert.Empty(await test.Engine.Store.ListDefinitionsAsync(default));
    }

    [Fact]
    public async Task Log_BadLevelFromAnExpression_FaultsAtRunTime()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""{ "id": "log", "type": "Log", "message": "x", "level": { "js": "'LOUD'.toLowerCase()" } }"""));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.StartsWith("Log 'log': unknown level 'loud'", run.Error);
    }

    [Fact]
    public async Task Log_WithId_ExposesTheMessageAsOutput()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "greeting", "type": "Log", "message": { "js": "'hi ' + 'there'" } },
            { "type": "SetOutput", "name": "said", "value": { "js": "outputs.greeting.message" } }
            """));

        Assert.Equal("hi there", run.Outputs["said"]!.GetValue<string>());
        var journal = await test.JournalAsync(run.InstanceId);
        var completed = Assert.Single(journal, e => e.ActivityId == "greeting" && e.Event == JournalEvent.Completed);
        Assert.Equal("""{"message":"hi there"}""", completed.Data!["outputs"]!.ToJsonString());
        Assert.Equal("hi there", completed.Data["inputs"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Log_ObjectMessage_IsWrittenAsJson()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""{ "type": "Log", "message": { "js": "({ a: 1 })" } }"""));

        Assert.Equal(["""{"a":1}"""], await test.LogsAsync(run.InstanceId));
    }
}
