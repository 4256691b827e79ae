using System.Text.Json.Nodes;
using Lifecycle.Workflows.Bookmarks;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Bookmarks;

public class DelayTests
{
    private static string Delayed(string duration) => TestEngine.Workflow($$"""
        { "type": "Log", "message": "before" },
        { "id": "pause", "type": "Delay", "duration": {{duration}} },
        { "type": "Log", "message": "after" }
        """);

    [Fact]
    public async Task Delay_IsoDuration_SuspendsWithATimerUntilItIsDue()
    {
        await using var test = new TestEngine();
        var start = test.Time.GetUtcNow();

        var run = await test.RunAsync(Delayed("\"PT5M\""));

        Assert.Equal(WorkflowStatus.Suspended, run.Status);
        var timer = Assert.Single(run.Bookmarks);
        Assert.Equal(Bookmark.TimerEvent, timer.Event);
        Assert.Equal("pause", timer.ActivityId);
        Assert.Equal(start + TimeSpan.FromMinutes(5), timer.DueAt);
        Assert.Equal(["before"], await test.LogsAsync(run.InstanceId));

        test.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Empty(await test.Engine.FireDueTimersAsync());

        test.Time.Advance(TimeSpan.FromMinutes(1));
        var fired = Assert.Single(await test.Engine.FireDueTimersAsync());

        Assert.Equal(run.InstanceId, fired.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, fired.Status);
        Assert.Equal(["before", "after"], await test.LogsAsync(run.InstanceId));
        Assert.Empty(await test.Engine.FireDueTimersAsync());
    }

    [Theory]
    [InlineData("90", 90)]
    [InlineData("\"90\"", 90)]
    [InlineData("1.5", 1.5)]
    [InlineData("\"P1DT2H\"", 26 * 3600)]
    [InlineData("{ \"js\": \"60 * 2\" }", 120)]
    [InlineData("{ \"js\": \"'PT' + 3 + 'M'\" }", 180)]
    public async Task Delay_Duration_SetsTheTimerThatFarAhead(string duration, double seconds)
    {
        await using var test = new TestEngine();
        var start = test.Time.GetUtcNow();

        var run = await test.RunAsync(Delayed(duration));

        Assert.Equal(WorkflowStatus.Suspended, run.Status);
        Assert.Equal(start + TimeSpan.FromSeconds(seconds), Assert.Single(run.Bookmarks).DueAt);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("\"PT0S\"")]
    [InlineData("{ \"js\": \"0\" }")]
    public async Task Delay_Zero_DoesNotSuspend(string duration)
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Delayed(duration));

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(["before", "after"], await test.LogsAsync(run.InstanceId));
    }

    [Fact]
    public async Task Delay_TimerDueWhenANewEngineStarts_IsFiredByItsStart()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(Delayed("\"PT1M\""));

        await using var other = new TestEngine(folder: test.Folder);
        Assert.Empty(other.Startup.TimersFired);
        other.Time.Advance(TimeSpan.FromMinutes(1));
        var report = await other.Engine.StartAsync();

        Assert.Equal(run.InstanceId, Assert.Single(report.TimersFired).InstanceId);
        Assert.Equal(WorkflowStatus.Finished, (await other.Engine.Store.GetInstanceAsync(run.InstanceId, default))!.Status);
    }

    [Fact]
    public async Task Delay_InParallelBranches_EachTimerFiresOnItsOwn()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "Parallel", "branches": [
              { "type": "Sequence", "activities": [ { "type": "Delay", "duration": 10 }, { "type": "Log", "message": "short" } ] },
              { "type": "Sequence", "activities": [ { "type": "Delay", "duration": 60 }, { "type": "Log", "message": "long" } ] } ] }
            """));
        Assert.Equal(2, run.Bookmarks.Count);

        test.Time.Advance(TimeSpan.FromSeconds(30));
        var first = Assert.Single(await test.Engine.FireDueTimersAsync());
        Assert.Equal(WorkflowStatus.Suspended, first.Status);
        Assert.Equal(["short"], await test.LogsAsync(run.InstanceId));

        test.Time.Advance(TimeSpan.FromSeconds(30));
        var second = Assert.Single(await test.Engine.FireDueTimersAsync());
        Assert.Equal(WorkflowStatus.Finished, second.Status);
        Assert.Equal(["short", "long"], await test.LogsAsync(run.InstanceId));
    }

    [Fact]
    public async Task Delay_StimulusBorrowingTheTimerEventName_DoesNotFireTheTimer()
    {
        await using var test = new TestEngine();
        await test.RunAsync(TestEngine.Workflow("""{ "type": "Delay", "duration": "PT1H" }"""));

        var result = await test.Engine.ResumeAsync(new Stimulus(Bookmark.TimerEvent));

        Assert.Empty(result.Resumed);
    }

    [Theory]
    [InlineData("\"five minutes\"")]
    [InlineData("-1")]
    [InlineData("\"-PT1M\"")]
    [InlineData("true")]
    [InlineData("null")]
    public async Task Delay_BadLiteralDuration_IsRejectedAtLoad(string duration)
    {
        await using var test = new TestEngine();

        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => test.PublishAsync(Delayed(duration)));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("$.root.activities[1].duration", problem.Path);
        Assert.Contains("ISO 8601", problem.Message);
    }

    [Theory]
    [InlineData("\"P99999999D\"")]
    [InlineData("\"P36501D\"")]
    [InlineData("\"1e300\"")]
    [InlineData("1e300")]
    public async Task Delay_LiteralDurationBeyondAHundredYears_IsRejectedAtLoad(string duration)
    {
        await using var test = new TestEngine();

        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => test.PublishAsync(Delayed(duration)));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("$.root.activities[1].duration", problem.Path);
        Assert.Contains("longer than the 100 years a delay may last", problem.Message);
    }

    [Fact]
    public async Task Delay_ExpressionBeyondAHundredYears_FaultsWithTheLimit()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Delayed("""{ "js": "1e12" }"""));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Contains("longer than the 100 years", run.Error);
    }

    [Fact]
    public async Task Delay_BadDurationFromAnExpression_Faults()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(Delayed("""{ "js": "'soon'" }"""));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.StartsWith("Delay 'pause': Duration \"soon\" is not an ISO 8601 duration", run.Error);
    }

    [Theory]
    [InlineData("\"PT5M\"", 300)]
    [InlineData("\"P1D\"", 86400)]
    [InlineData("\"PT0.5S\"", 0.5)]
    [InlineData("45", 45)]
    [InlineData("\"45\"", 45)]
    public void Parse_ValidDuration_ReturnsIt(string json, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Delay.Parse(JsonNode.Parse(json), out var error));
        Assert.Null(error);
    }
}
