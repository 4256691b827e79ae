using System.Runtime.CompilerServices;
using System.Text.Json;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// Follows the current session live: its snapshot whenever it changes (state, counts, tasks) and
/// each event it records after a sequence, in order, replay and live in one loop so that a client
/// that resumes from its last event neither misses nor repeats one. When a new session starts, its
/// snapshot comes first and then its events.
/// </summary>
/// <remarks>
/// Woken at once by this process's commits (<see cref="SessionChangeSignal"/>) and otherwise every
/// <see cref="SessionStreamOptions.PollInterval"/>, for task changes and what other processes write.
/// </remarks>
public sealed class SessionWatcher(ISessionStore sessions, SessionChangeSignal changes, TimeProvider time, SessionStreamOptions options)
{
    /// <summary>The stream's items from <paramref name="afterSequence"/> on (null: from now on), forever.</summary>
    public async IAsyncEnumerable<SessionStreamItem> FollowAsync(long? afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? shown = null;
        var last = afterSequence;
        var quietSince = time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            // Taken before the reads: a commit during them wakes the next wait instead of being missed.
            var committed = changes.NextAsync();
            var any = false;
            var session = await sessions.GetLatestAsync(cancellationToken);
            var snapshot = SessionSnapshot.Of(session);
            var text = JsonSerializer.Serialize(snapshot);
            if (text != shown)
            {
                shown = text;
                any = true;
                yield return new SessionStreamItem(snapshot, null);
            }

            if (session is not null)
            {
                last ??= await LatestSequenceAsync(session.SessionId, cancellationToken);
                var page = await sessions.QueryEventsAsync(
                    new SessionEventQuery(session.SessionId, Limit: options.EventsPerRead, AfterSequence: last), cancellationToken);
                foreach (var recorded in page.Items)
                {
                    any = true;
                    last = recorded.Sequence;
                    yield return new SessionStreamItem(null, recorded);
                }

                if (page.Total > page.Items.Count)
                {
                    continue;
                }
            }

            if (any)
            {
                quietSince = time.GetTimestamp();
            }
            else if (time.GetElapsedTime(quietSince) >= options.Heartbeat)
            {
                quietSince = time.GetTimestamp();
                yield return SessionStreamItem.Heartbeat;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(committed, Task.Delay(options.PollInterval, time, wait.Token));
            await wait.CancelAsync();
        }
    }

    /// <summary>The sequence of the session's newest event (0 when it has none): a stream without a resume point starts after it.</summary>
    private async Task<long> LatestSequenceAsync(string sessionId, CancellationToken cancellationToken)
    {
        var count = await sessions.QueryEventsAsync(new SessionEventQuery(sessionId, Limit: 1), cancellationToken);
        if (count.Total == 0)
        {
            return 0;
        }

        var newest = await sessions.QueryEventsAsync(new SessionEventQuery(sessionId, Offset: count.Total - 1, Limit: 1), cancellationToken);
        return newest.Items.Count > 0 ? newest.Items[0].Sequence : 0;
    }
}
