using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Lifecycle.Activities.Configuration;

/// <summary>A command agent: a shell command whose exit code (and optionally last line) is its health.</summary>
public sealed record RealityAgentConfig
{
    /// <summary>The default time a command agent may take: one minute.</summary>
    public const int DefaultTimeoutSeconds = 60;

    /// <summary>The agent's name, unique in the file and distinct from the built-in names.</summary>
    [Description("The agent's name in reports: unique in the file, and none of git-integrity, no-merge-conflicts, disk-space.")]
    [RegularExpression(ConfigLimits.NotBlankPattern)]
    public required string Name { get; init; }

    /// <summary>The command, run with <c>/bin/sh -c</c> in the repository root.</summary>
    [Description("The command, run with /bin/sh -c in the repository root: exit 0 is full health, or the number from 0 to 1 on its last line of output; any other exit scores 0.")]
    [RegularExpression(ConfigLimits.NotBlankPattern)]
    public required string Run { get; init; }

    /// <summary>The agent's weight in the consensus, 0 or more. Default 1.</summary>
    [Description("The agent's share in the consensus; 0 reports it without counting it.")]
    [Range(0d, double.MaxValue)]
    public double Weight { get; init; } = 1;

    /// <summary>Seconds the command may run before it is killed and scored 0. Default 60.</summary>
    [Description("Seconds the command may run before its process tree is killed and it scores 0.")]
    [Range(1, ConfigLimits.MaxTimeoutSeconds)]
    public int TimeoutSeconds { get; init; } = DefaultTimeoutSeconds;

    /// <summary>Whether the agent also runs in a quick check (the one at session end). Default false.</summary>
    [Description("Whether the agent also runs in the quick check at session end (the full check runs every agent).")]
    public bool Quick { get; init; }
}
