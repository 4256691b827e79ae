namespace Lifecycle.Activities.Handoff;

/// <summary>The repository's health at the session's start and at its close, and how it moved.</summary>
/// <remarks>
/// The rule, with <see cref="Tolerance"/> = 0.02 (two points) so that noise in a fractional agent
/// does not flip the status:
/// <list type="bullet">
/// <item><see cref="HealthStatus.Unchecked"/> when no check ran at close;</item>
/// <item><see cref="HealthStatus.Degraded"/> when the consensus dropped by more than the tolerance, or
/// any agent checked at both ends did (the quick check at close runs a subset, so agents missing at
/// close are not compared);</item>
/// <item><see cref="HealthStatus.Improved"/> when the consensus rose by more than the tolerance;</item>
/// <item><see cref="HealthStatus.Stable"/> otherwise.</item>
/// </list>
/// </remarks>
public sealed record HealthDelta
{
    /// <summary>The largest move, up or down, that still counts as no move.</summary>
    public const double Tolerance = 0.02;

    /// <summary>Consensus of the full check at the start.</summary>
    public required double StartConsensus { get; init; }

    /// <summary>Consensus of the quick check at close; null when none ran.</summary>
    public double? EndConsensus { get; init; }

    /// <summary>How health moved, by the rule above.</summary>
    public required HealthStatus Status { get; init; }

    /// <summary>Agent name to health at the start.</summary>
    public IReadOnlyDictionary<string, double> AgentsAtStart { get; init; } = new Dictionary<string, double>();

    /// <summary>Agent name to health at close (the checks at close); empty when none ran.</summary>
    public IReadOnlyDictionary<string, double> AgentsAtClose { get; init; } = new Dictionary<string, double>();

    /// <summary>Compares the reading at the start with the one at close.</summary>
    public static HealthDelta Compare(HealthReading start, HealthReading? close)
    {
        ArgumentNullException.ThrowIfNull(start);
        return new HealthDelta
        {
            StartConsensus = start.Consensus,
            EndConsensus = close?.Consensus,
            Status = StatusOf(start, close),
            AgentsAtStart = Sorted(start.Agents),
            AgentsAtClose = close is null ? new Dictionary<string, double>() : Sorted(close.Agents),
        };
    }

    private static HealthStatus StatusOf(HealthReading start, HealthReading? close)
    {
        if (close is null)
        {
            return HealthStatus.Unchecked;
        }

        var agentDropped = close.Agents.Any(agent =>
            start.Agents.TryGetValue(agent.Key, out var before) && Move(before, agent.Value) < -Tolerance);
        var move = Move(start.Consensus, close.Consensus);
        return move < -Tolerance || agentDropped ? HealthStatus.Degraded
            : move > Tolerance ? HealthStatus.Improved
            : HealthStatus.Stable;
    }

    // Rounded so that 0.97 to 0.95 is exactly the tolerance, not a hair more in binary floating point.
    private static double Move(double before, double after) => Math.Round(after - before, 9);

    // Sorted so the JSON and the documents list agents in the same order on every run.
    private static SortedDictionary<string, double> Sorted(IReadOnlyDictionary<string, double> agents) =>
        new(agents.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal), StringComparer.Ordinal);
}
