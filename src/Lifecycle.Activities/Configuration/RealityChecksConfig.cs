using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Lifecycle.Activities.Configuration;

/// <summary>The <c>realityChecks</c> section: which built-in agents run and which commands join them.</summary>
public sealed record RealityChecksConfig
{
    /// <summary>The default free space the disk-space agent asks for: 500 MB, room for a build and its logs.</summary>
    public const long DefaultMinimumFreeDiskMegabytes = 500;

    /// <summary>The built-in agents, each enabled with weight 1 by default.</summary>
    [Description("The built-in agents, each on with weight 1 unless set here.")]
    public BuiltinChecksConfig Builtins { get; init; } = new();

    /// <summary>Free space, in megabytes, below which the disk-space agent reports less than full health.</summary>
    [Description("Free space, in megabytes, on the repository's drive below which the disk-space agent reports less than full health.")]
    [Range(0d, ConfigLimits.MaxMegabytes)]
    public long MinimumFreeDiskMegabytes { get; init; } = DefaultMinimumFreeDiskMegabytes;

    /// <summary>Command agents, in the order written. Empty by default.</summary>
    [Description("Your own agents: shell commands whose exit code (and optionally last line) is their health, run in the order written.")]
    public IReadOnlyList<RealityAgentConfig> Agents { get; init; } = [];
}
