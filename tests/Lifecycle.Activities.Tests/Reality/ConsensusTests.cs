using Lifecycle.Activities.Reality;
using Lifecycle.Activities.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Lifecycle.Activities.Tests.Reality.RealityConfigs;

namespace Lifecycle.Activities.Tests.Reality;

public class ConsensusTests
{
    [Fact]
    public async Task RunAsync_WeightedAgents_ConsensusIsTheWeightedMean()
    {
        using var repo = new TempRepository();
        var config = CommandsOnly(
            Agent("tests", "true", weight: 2),
            Agent("lint", "false", weight: 1),
            Agent("coverage", "echo 0.5", weight: 1));

        var report = await new RealityChecker(new FakeTimeProvider()).RunAsync(repo.Path, config, quick: false, CancellationToken.None);

        // (2·1 + 1·0 + 1·0.5) / 4
        Assert.Equal(0.625, report.Consensus);
        Assert.False(report.Passes());
        Assert.Equal(new Dictionary<string, double> { ["tests"] = 1, ["lint"] = 0, ["coverage"] = 0.5 }, report.AgentHealth);
    }

    [Fact]
    public async Task RunAsync_BuiltinsAndAgentsTogether_AllVoteByWeight()
    {
        using var repo = new TempRepository();
        var config = BuiltinsOnly() with
        {
            RealityChecks = BuiltinsOnly().RealityChecks with { Agents = [Agent("broken", "exit 1", weight: 1)] },
        };

        var report = await new RealityChecker(new FakeTimeProvider()).RunAsync(repo.Path, config, quick: false, CancellationToken.None);

        // Three healthy built-ins of weight 1 and one broken agent: 3 / 4.
        Assert.Equal(0.75, report.Consensus);
        Assert.False(report.Passes());
        Assert.True(report.Passes(0.75));
    }

    [Fact]
    public async Task RunAsync_QuickMode_RunsBuiltinsAndQuickAgentsOnly()
    {
        using var repo = new TempRepository();
        var config = BuiltinsOnly() with
        {
            RealityChecks = BuiltinsOnly().RealityChecks with
            {
                Agents = [Agent("slow-tests", "exit 1"), Agent("fast-lint", "echo 0.5", quick: true)],
            },
        };
        var checker = new RealityChecker(new FakeTimeProvider());

        var quick = await checker.RunAsync(repo.Path, config, quick: true, CancellationToken.None);
        var full = await checker.RunAsync(repo.Path, config, quick: false, CancellationToken.None);

        Assert.True(quick.Quick);
        Assert.Equal(["git-integrity", "no-merge-conflicts", "disk-space", "fast-lint"], quick.Agents.Select(a => a.Name));
        Assert.Equal(3.5 / 4, quick.Consensus);
        Assert.False(full.Quick);
        Assert.Equal(["git-integrity", "no-merge-conflicts", "disk-space", "slow-tests", "fast-lint"], full.Agents.Select(a => a.Name));
        Assert.Equal(3.5 / 5, full.Consensus);
    }

    [Fact]
    public void Consensus_NoAgents_IsOne()
    {
        Assert.Equal(1.0, new RealityReport([]).Consensus);
    }

    [Fact]
    public void Consensus_OnlyZeroWeights_IsOne()
    {
        var report = new RealityReport([new AgentReport("a", 0, 0, "broken", TimeSpan.Zero)]);

        Assert.Equal(1.0, report.Consensus);
        Assert.Equal(0, report.AgentHealth["a"]);
    }

    [Fact]
    public void Consensus_ZeroWeightAgent_IsReportedButNotCounted()
    {
        var report = new RealityReport(
        [
            new AgentReport("counted", 0.5, 2, null, TimeSpan.Zero),
            new AgentReport("ignored", 0, 0, "broken", TimeSpan.Zero),
        ]);

        Assert.Equal(0.5, report.Consensus);
        Assert.Equal(2, report.AgentHealth.Count);
    }

    [Theory]
    [InlineData(0.8, true)]
    [InlineData(0.79, false)]
    public void Passes_DefaultThreshold_IsEightyPercent(double health, bool passes)
    {
        var report = new RealityReport([new AgentReport("a", health, 1, null, TimeSpan.Zero)]);

        Assert.Equal(passes, report.Passes());
        Assert.Equal(0.8, RealityReport.StartThreshold);
    }
}
