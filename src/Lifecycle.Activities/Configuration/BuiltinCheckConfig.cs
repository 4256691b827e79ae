using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Lifecycle.Activities.Configuration;

/// <summary>Whether a built-in agent runs and how much its health counts.</summary>
public sealed record BuiltinCheckConfig
{
    /// <summary>Whether the agent runs. Default true.</summary>
    [Description("Whether the agent runs.")]
    public bool Enabled { get; init; } = true;

    /// <summary>The agent's weight in the consensus, 0 or more. Default 1.</summary>
    [Description("The agent's share in the consensus; 0 reports it without counting it.")]
    [Range(0d, double.MaxValue)]
    public double Weight { get; init; } = 1;
}
