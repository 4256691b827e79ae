using System.Globalization;
using Lifecycle.Activities.Configuration;

namespace Lifecycle.Activities.Reality;

/// <summary>Free space on the repository's drive against the configured minimum: 1 at or above it, scaled below.</summary>
internal sealed class DiskSpaceAgent(double weight, long minimumFreeMegabytes) : IRealityAgent
{
    private const long BytesPerMegabyte = 1024 * 1024;

    public string Name => BuiltinChecksConfig.DiskSpaceName;

    public double Weight => weight;

    public Task<AgentVerdict> CheckAsync(string repositoryRoot, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                if (!Directory.Exists(repositoryRoot))
                {
                    return AgentVerdict.Broken($"'{repositoryRoot}' does not exist, so its free space is unknown.");
                }

                var drive = new DriveInfo(Path.GetFullPath(repositoryRoot));
                return Score(drive.AvailableFreeSpace, minimumFreeMegabytes);
            },
            cancellationToken);

    /// <summary>Health is free / minimum, capped at 1; a minimum of 0 is always healthy.</summary>
    internal static AgentVerdict Score(long freeBytes, long minimumFreeMegabytes)
    {
        var freeMegabytes = freeBytes / BytesPerMegabyte;
        if (minimumFreeMegabytes <= 0 || freeBytes >= minimumFreeMegabytes * BytesPerMegabyte)
        {
            return new AgentVerdict(1, string.Create(CultureInfo.InvariantCulture, $"{freeMegabytes} MB free (minimum {minimumFreeMegabytes} MB)."));
        }

        var health = (double)freeBytes / (minimumFreeMegabytes * BytesPerMegabyte);
        return new AgentVerdict(
            health,
            string.Create(CultureInfo.InvariantCulture, $"Only {freeMegabytes} MB free, below the minimum of {minimumFreeMegabytes} MB; free some space or lower realityChecks.minimumFreeDiskMegabytes."));
    }
}
