using Lifecycle.Activities.Reality;
using Lifecycle.Activities.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Lifecycle.Activities.Tests.Reality.ProcessProbe;
using static Lifecycle.Activities.Tests.Reality.RealityConfigs;

namespace Lifecycle.Activities.Tests.Reality;

public class CommandAgentTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task RunAsync_ExitZero_IsHealthy()
    {
        using var repo = new TempRepository();

        var report = await Run(repo, Agent("ok", "echo all good"));

        var agent = Assert.Single(report.Agents);
        Assert.Equal(new AgentReport("ok", 1, 1, null, TimeSpan.Zero), agent);
    }

    [Fact]
    public async Task RunAsync_NonZeroExit_IsZeroWithTheCodeAndLastStderrLine()
    {
        using var repo = new TempRepository();

        var report = await Run(repo, Agent("fails", "echo first >&2; echo 'boom: 2 tests failed' >&2; exit 3"));

        var agent = Assert.Single(report.Agents);
        Assert.Equal(0, agent.Health);
        Assert.Equal("exited with code 3: boom: 2 tests failed", agent.Reason);
    }

    [Fact]
    public async Task RunAsync_NonZeroExitWithoutStderr_SaysSo()
    {
        using var repo = new TempRepository();

        var report = await Run(repo, Agent("quiet", "exit 1"));

        Assert.Equal("exited with code 1 (nothing on stderr)", Assert.Single(report.Agents).Reason);
    }

    [Fact]
    public async Task RunAsync_LastStdoutLineIsAFraction_IsThatHealth()
    {
        using var repo = new TempRepository();

        var report = await Run(repo, Agent("coverage", "echo 'coverage computed'; echo 0.25; echo"));

        var agent = Assert.Single(report.Agents);
        Assert.Equal(0.25, agent.Health);
        Assert.Equal("reported health 0.25", agent.Reason);
    }

    [Fact]
    public async Task RunAsync_LastLineOutsideZeroToOne_IsHealthyWithAnExplanation()
    {
        using var repo = new TempRepository();

        var report = await Run(repo, Agent("count", "echo 42"));

        var agent = Assert.Single(report.Agents);
        Assert.Equal(1, agent.Health);
        Assert.Equal("exited 0; its last line '42' is outside 0..1, so it is not read as a health.", agent.Reason);
    }

    [Fact]
    public async Task RunAsync_Command_RunsInTheRepositoryRoot()
    {
        using var repo = new TempRepository();
        repo.Write("marker.txt", "here");

        var report = await Run(repo, Agent("where", "test -f marker.txt"));

        Assert.Equal(1, Assert.Single(report.Agents).Health);
    }

    [Fact]
    public async Task RunAsync_ChattyCommand_KeepsOnlyTheTailAndReadsItsLastLine()
    {
        using var repo = new TempRepository();

        var report = await Run(repo, Agent("chatty", "head -c 3000000 /dev/zero | tr '\\0' 'x'; echo; echo 0.5"));

        Assert.Equal(0.5, Assert.Single(report.Agents).Health);
    }

    [Fact]
    public async Task RunAsync_AgentPastItsTimeout_KillsTheProcessTreeAndScoresZero()
    {
        using var repo = new TempRepository();
        var ready = MakeFifo(repo.Path, "ready");
        var checker = new RealityChecker(_time);

        var run = checker.RunAsync(repo.Path, CommandsOnly(Agent("slow", "sleep 30 & echo $! > ready; wait", timeoutSeconds: 10)), quick: false, CancellationToken.None);
        var sleepPid = int.Parse((await ReadFifoAsync(ready)).Trim());
        Assert.True(IsRunning(sleepPid));
        _time.Advance(TimeSpan.FromSeconds(10));
        var report = await run.WaitAsync(Safety);

        var agent = Assert.Single(report.Agents);
        Assert.Equal(0, agent.Health);
        Assert.Equal("timed out after 10s; the process tree was killed.", agent.Reason);
        Assert.Equal(TimeSpan.FromSeconds(10), agent.Duration);
        Assert.True(Ends(sleepPid));
    }

    [Fact]
    public async Task RunAsync_BeforeItsTimeout_DoesNotTimeOut()
    {
        using var repo = new TempRepository();
        var go = MakeFifo(repo.Path, "go");
        var checker = new RealityChecker(_time);

        var run = checker.RunAsync(repo.Path, CommandsOnly(Agent("patient", "read line < go; echo 0.75", timeoutSeconds: 10)), quick: false, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(9));
        await Task.Run(() => File.WriteAllText(go, "go\n")).WaitAsync(Safety);
        var report = await run.WaitAsync(Safety);

        Assert.Equal(0.75, Assert.Single(report.Agents).Health);
        Assert.Equal(TimeSpan.FromSeconds(9), report.Agents[0].Duration);
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsTheCommandAndThrows()
    {
        using var repo = new TempRepository();
        var ready = MakeFifo(repo.Path, "ready");
        var checker = new RealityChecker(_time);
        using var cancellation = new CancellationTokenSource();

        var run = checker.RunAsync(repo.Path, CommandsOnly(Agent("slow", "sleep 30 & echo $! > ready; wait")), quick: false, cancellation.Token);
        var sleepPid = int.Parse((await ReadFifoAsync(ready)).Trim());
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Safety));
        Assert.True(Ends(sleepPid));
    }

    [Fact]
    public async Task RunAsync_TwoAgentsThatNeedEachOther_RunInParallel()
    {
        using var repo = new TempRepository();
        MakeFifo(repo.Path, "a-to-b");
        MakeFifo(repo.Path, "b-to-a");

        // Run one after the other, 'a' would block forever opening a-to-b with no reader.
        var report = await Run(
            repo,
            Agent("a", "echo hello > a-to-b; cat b-to-a"),
            Agent("b", "cat a-to-b > /dev/null; echo 0.5 > b-to-a; echo 0.25"));

        Assert.Equal([("a", 0.5), ("b", 0.25)], report.Agents.Select(a => (a.Name, a.Health)));
    }

    private Task<RealityReport> Run(TempRepository repo, params Lifecycle.Activities.Configuration.RealityAgentConfig[] agents) =>
        new RealityChecker(_time).RunAsync(repo.Path, CommandsOnly(agents), quick: false, CancellationToken.None).WaitAsync(Safety);
}
