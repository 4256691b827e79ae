namespace Lifecycle.Activities.Configuration;

/// <summary>The <c>realityChecks</c> section: which built-in agents run and which commands join them.</summary>
public sealed record RealityChecksConfig
{
    /// <summary>The default free space the disk-space agent asks for: 500 MB, room for a build and its logs.</summary>
    public const long DefaultMinimumFreeDiskMegabytes = 500;

    /// <summary>The built-in agents, each enabled with weight 1 by default.</summary>
    public BuiltinChecksConfig Builtins { get; init; } = new();

    /// <summary>Free space, in megabytes, below which the disk-space agent reports less than full health.</summary>
    public long MinimumFreeDiskMegabytes { get; init; } = DefaultMinimumFreeDiskMegabytes;

    /// <summary>Command agents, in the order written. Empty by default.</summary>
    public IReadOnlyList<RealityAgentConfig> Agents { get; init; } = [];
}
