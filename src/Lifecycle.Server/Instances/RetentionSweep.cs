using Lifecycle.Activities.Configuration;
using Lifecycle.Activities.Setup;
using Lifecycle.Workflows.Persistence;
using Microsoft.Extensions.Logging;

namespace Lifecycle.Server.Instances;

/// <summary>
/// Deletes the workflow instances that ended more than <see cref="LifecycleConfig.RetentionDays"/>
/// ago, with their journal and bookmarks, <see cref="BatchSize"/> per transaction: each batch is a
/// short write, so runs, events and the CLI never wait long for the database while it works.
/// </summary>
/// <remarks>The scheduler calls <see cref="RunAsync"/> every hour (<c>Scheduling/RetentionJob</c>); the server also runs it once at start.</remarks>
public sealed partial class RetentionSweep(IWorkflowStore store, LifecyclePaths paths, TimeProvider time, ILogger<RetentionSweep> logger)
{
    /// <summary>Instances deleted per transaction.</summary>
    public const int BatchSize = 500;

    /// <summary>Deletes every instance past retention, a batch at a time; returns how many went.</summary>
    /// <remarks>Reads the config each time, so a changed <c>retentionDays</c> applies at the next sweep.</remarks>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var days = LifecycleConfigLoader.Load(paths.Root).RetentionDays;
        return days == 0 ? 0 : await DeleteEndedBeforeAsync(time.GetUtcNow() - TimeSpan.FromDays(days), cancellationToken);
    }

    /// <summary>Deletes the instances that ended before <paramref name="cutoff"/>, a batch per transaction.</summary>
    public async Task<int> DeleteEndedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        var total = 0;
        int deleted;
        do
        {
            deleted = await store.DeleteEndedBeforeAsync(cutoff, BatchSize, cancellationToken);
            total += deleted;

            // Between two batches, other writers of this process take their turn.
            await Task.Yield();
        }
        while (deleted == BatchSize);

        if (total > 0)
        {
            LogSwept(logger, total, cutoff);
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Count} workflow instances that ended before {Cutoff}")]
    private static partial void LogSwept(ILogger logger, int count, DateTimeOffset cutoff);
}
