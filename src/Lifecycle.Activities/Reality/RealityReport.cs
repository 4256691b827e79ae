namespace Lifecycle.Activities.Reality;

/// <summary>The outcome of a reality check: each agent's health and their weighted consensus.</summary>
public sealed record RealityReport
{
    /// <summary>The consensus below which the default start workflow refuses to start a session.</summary>
    public const double StartThreshold = 0.8;

    /// <summary>Combines agent reports into a report.</summary>
    /// <param name="agents">The agents that ran, in the order they were configured.</param>
    /// <param name="quick">Whether this was a quick check.</param>
    public RealityReport(IReadOnlyList<AgentReport> agents, bool quick = false)
    {
        Agents = agents;
        Quick = quick;
        Consensus = ConsensusOf(agents);
        AgentHealth = agents
            .GroupBy(a => a.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Health, StringComparer.Ordinal);
    }

    /// <summary>The weighted mean of the agents' health: Σ(weight·health) / Σweight, from 0 to 1.</summary>
    /// <remarks>
    /// With no agents, or only agents of weight 0, nothing contradicts the repository's state, so
    /// the consensus is 1.0: turning every check off must not block every session.
    /// </remarks>
    public double Consensus { get; }

    /// <summary>Each agent that ran, in configuration order (built-ins first).</summary>
    public IReadOnlyList<AgentReport> Agents { get; }

    /// <summary>Whether only the built-ins and the agents marked <c>quick</c> ran.</summary>
    public bool Quick { get; }

    /// <summary>Agent name to health, as the session context records it (<c>agentHealth</c>).</summary>
    public IReadOnlyDictionary<string, double> AgentHealth { get; }

    /// <summary>Whether the consensus reaches <paramref name="threshold"/> (by default <see cref="StartThreshold"/>).</summary>
    public bool Passes(double threshold = StartThreshold) => Consensus >= threshold;

    private static double ConsensusOf(IReadOnlyList<AgentReport> agents)
    {
        var totalWeight = agents.Sum(a => a.Weight);
        return totalWeight > 0 ? agents.Sum(a => a.Weight * a.Health) / totalWeight : 1.0;
    }
}
