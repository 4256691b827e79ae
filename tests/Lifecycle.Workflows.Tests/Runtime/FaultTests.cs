using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Runtime;

public class FaultTests
{
    [Fact]
    public async Task Fault_MarksTheInstanceFaultedWithAnErrorNamingTheActivity()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "Log", "message": "ok" },
            { "id": "check", "type": "Fail", "message": "tests are red" }
            """));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal("Fail 'check': tests are red", run.Error);
        Assert.Empty(run.Bookmarks);
        var summary = await test.Engine.Store.GetInstanceAsync(run.InstanceId, default);
        Assert.Equal(WorkflowStatus.Faulted, summary!.Status);
        Assert.Equal(run.Error, summary.Error);
        Assert.NotNull(summary.FinishedAt);
        var stored = await test.Engine.Store.LoadAsync(run.InstanceId, default);
        Assert.Equal("check", stored!.FaultActivityId);
        Assert.Null(stored.Owner);
    }

    [Fact]
    public async Task Fault_JournalHasFaultedEntriesFromTheActivityUpToTheRoot()
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow("""
            { "id": "branch", "type": "If", "condition": true, "then": { "id": "check", "type": "Fail", "message": "no" } }
            """));

        var faulted = (await test.JournalAsync(run.InstanceId)).Where(e => e.Event == JournalEvent.Faulted).ToList();
        Assert.Equal(["check", "branch", "$.root"], faulted.Select(e => e.ActivityId));
        Assert.Equal(["Fail", "If", "Sequence"], faulted.Select(e => e.ActivityType));
        Assert.All(faulted, e => Assert.Equal("Fail 'check': no", e.Message));
    }

    [Fact]
    public async Task Fault_AfterAResume_IsStoredAndTheInstanceCannotBeResumedAgain()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "WaitForEvent", "event": "go" },
            { "id": "check", "type": "Fail", "message": { "js": "'bad ' + 1" } },
            { "type": "WaitForEvent", "event": "go" }
            """));

        var resumed = await test.ResumeOneAsync("go");

        Assert.Equal(WorkflowStatus.Faulted, resumed.Status);
        Assert.Equal("Fail 'check': bad 1", resumed.Error);
        Assert.Empty((await test.Engine.ResumeAsync(new Stimulus("go"))).Resumed);
        Assert.Single(await test.Engine.Store.ListInstancesAsync(WorkflowStatus.Faulted, null, 10, default));
    }

    [Fact]
    public async Task Fault_FromAnUnexpectedException_UsesItsMessage()
    {
        await using var test = new TestEngine(configureRegistry: r => r.AddAssembly(typeof(Crash).Assembly));

        var run = await test.RunAsync(TestEngine.Workflow("""{ "id": "boom", "type": "Crash" }"""));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal("Crash 'boom': the disk is on fire", run.Error);
    }

    [Fact]
    public async Task Fault_FromAnExceptionThatCarriesAFaultCode_KeepsTheCode()
    {
        await using var test = new TestEngine(configureRegistry: r => r.AddAssembly(typeof(Crash).Assembly));

        var run = await test.RunAsync(TestEngine.Workflow("""{ "id": "busy", "type": "ConflictingCrash" }"""));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal("ConflictingCrash 'busy': someone else holds the lock", run.Error);
        Assert.Equal(Lifecycle.Workflows.Activities.FaultCodes.Conflict, run.ErrorCode);
    }

    [Fact]
    public async Task ActivityThatNeitherCompletesNorWaits_FaultsTheInstance()
    {
        await using var test = new TestEngine(configureRegistry: r => r.AddAssembly(typeof(Stall).Assembly));

        var run = await test.RunAsync(TestEngine.Workflow("""{ "id": "stuck", "type": "Stall" }"""));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal("Stall 'stuck' neither completed nor waits on anything; the workflow cannot go on.", run.Error);
        Assert.Equal("stuck", (await test.Engine.Store.LoadAsync(run.InstanceId, default))!.FaultActivityId);
        var journal = await test.JournalAsync(run.InstanceId);
        Assert.Contains(journal, e => e.ActivityId == "stuck" && e.Event == JournalEvent.Faulted && e.Message == run.Error);
    }
}
