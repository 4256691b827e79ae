using System.Runtime.CompilerServices;
using Lifecycle.Workflows.Journal;

namespace Lifecycle.Server.Instances;

/// <summary>
/// Follows the durable journal from a position: every committed entry after it, in position order,
/// then each new one as it commits. Replay and live are one loop over the store, so the switch
/// between them can neither skip nor repeat an entry.
/// </summary>
/// <remarks>
/// Woken at once by this process's commits (<see cref="JournalCommitSignal"/>), and otherwise every
/// <see cref="JournalStreamOptions.PollInterval"/> for what other processes write. A store that can
/// notify (PostgreSQL's LISTEN) would raise the same signal and poll rarely.
/// </remarks>
public sealed class JournalWatcher(IJournalFeed feed, JournalCommitSignal commits, TimeProvider time, JournalStreamOptions options)
{
    /// <summary>Entries after <paramref name="after"/> of the matching instances (null for any), forever; null items are heartbeats.</summary>
    public async IAsyncEnumerable<FeedEntry?> FollowAsync(JournalPosition after, string? instanceId, string? workflowId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = after;
        var quietSince = time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            // Taken before the read: a commit during the read wakes the next wait instead of being missed.
            var committed = commits.NextAsync();
            var entries = await feed.ReadAfterAsync(last, instanceId, workflowId, options.SegmentsPerRead, cancellationToken);
            foreach (var entry in entries)
            {
                yield return entry;
                last = entry.Position;
            }

            if (entries.Count > 0)
            {
                quietSince = time.GetTimestamp();
                continue;
            }

            if (time.GetElapsedTime(quietSince) >= options.Heartbeat)
            {
                yield return null;
                quietSince = time.GetTimestamp();
            }

            if (!await WaitAsync(committed, cancellationToken))
            {
                yield break;
            }
        }
    }

    /// <summary>Waits for a commit of this process or the poll interval; false when cancelled.</summary>
    private async Task<bool> WaitAsync(Task committed, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(options.PollInterval, time, wait.Token);
        await Task.WhenAny(committed, delay);
        await wait.CancelAsync();
        return !cancellationToken.IsCancellationRequested;
    }
}
