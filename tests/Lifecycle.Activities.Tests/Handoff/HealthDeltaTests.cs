using Lifecycle.Activities.Handoff;

namespace Lifecycle.Activities.Tests.Handoff;

public class HealthDeltaTests
{
    private static HealthReading Reading(double consensus, params (string Name, double Health)[] agents) =>
        new(consensus, agents.ToDictionary(a => a.Name, a => a.Health));

    [Theory]
    [InlineData(0.97, 0.97, HealthStatus.Stable)]
    [InlineData(0.97, 0.95, HealthStatus.Stable)]
    [InlineData(0.97, 0.99, HealthStatus.Stable)]
    [InlineData(0.97, 0.9499, HealthStatus.Degraded)]
    [InlineData(0.90, 0.9201, HealthStatus.Improved)]
    [InlineData(0.5, 1.0, HealthStatus.Improved)]
    public void Compare_AppliesTheTwoPointTolerance(double start, double end, HealthStatus expected) =>
        Assert.Equal(expected, HealthDelta.Compare(Reading(start), Reading(end)).Status);

    [Fact]
    public void Compare_WithoutACheckAtClose_IsUnchecked()
    {
        var delta = HealthDelta.Compare(Reading(0.9), null);

        Assert.Equal(HealthStatus.Unchecked, delta.Status);
        Assert.Null(delta.EndConsensus);
        Assert.Empty(delta.AgentsAtClose);
    }

    [Fact]
    public void Compare_WhenAnAgentDroppedButTheConsensusHeld_IsDegraded()
    {
        var delta = HealthDelta.Compare(Reading(0.9, ("tests", 1), ("lint", 0.5)), Reading(0.9, ("tests", 0.5), ("lint", 1)));

        Assert.Equal(HealthStatus.Degraded, delta.Status);
    }

    [Fact]
    public void Compare_IgnoresAgentsTheQuickCheckDidNotRun()
    {
        var delta = HealthDelta.Compare(Reading(0.9, ("tests", 1), ("slow-e2e", 0.2)), Reading(0.95, ("tests", 1)));

        Assert.Equal(HealthStatus.Improved, delta.Status);
    }
}
