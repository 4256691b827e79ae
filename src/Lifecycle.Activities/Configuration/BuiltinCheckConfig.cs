namespace Lifecycle.Activities.Configuration;

/// <summary>Whether a built-in agent runs and how much its health counts.</summary>
public sealed record BuiltinCheckConfig
{
    /// <summary>Whether the agent runs. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The agent's weight in the consensus, 0 or more. Default 1.</summary>
    public double Weight { get; init; } = 1;
}
