using Lifecycle.Activities.Reality;

namespace Lifecycle.Activities.Handoff;

/// <summary>A reality check's outcome as the handoff keeps it: the consensus and each agent's health.</summary>
/// <param name="Consensus">Weighted consensus, 0 to 1.</param>
/// <param name="Agents">Agent name to health, 0 to 1.</param>
public sealed record HealthReading(double Consensus, IReadOnlyDictionary<string, double> Agents)
{
    /// <summary>The reading of a <see cref="RealityReport"/>.</summary>
    public static HealthReading From(RealityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new HealthReading(report.Consensus, report.AgentHealth);
    }
}
