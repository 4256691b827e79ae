using Lifecycle.Activities.Configuration;

namespace Lifecycle.Activities.Tests.Reality;

/// <summary>Configurations for reality-check tests.</summary>
internal static class RealityConfigs
{
    /// <summary>Built-ins off, so only the given command agents vote.</summary>
    public static LifecycleConfig CommandsOnly(params RealityAgentConfig[] agents) => new()
    {
        RealityChecks = new RealityChecksConfig
        {
            Builtins = new BuiltinChecksConfig
            {
                GitIntegrity = new BuiltinCheckConfig { Enabled = false },
                NoMergeConflicts = new BuiltinCheckConfig { Enabled = false },
                DiskSpace = new BuiltinCheckConfig { Enabled = false },
            },
            Agents = agents,
        },
    };

    /// <summary>The built-ins only, with a disk minimum of 0 so free space never varies the result.</summary>
    public static LifecycleConfig BuiltinsOnly(long minimumFreeDiskMegabytes = 0) => new()
    {
        RealityChecks = new RealityChecksConfig { MinimumFreeDiskMegabytes = minimumFreeDiskMegabytes },
    };

    public static RealityAgentConfig Agent(string name, string run, double weight = 1, int timeoutSeconds = 60, bool quick = false) =>
        new() { Name = name, Run = run, Weight = weight, TimeoutSeconds = timeoutSeconds, Quick = quick };
}
