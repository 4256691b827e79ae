using System.Threading.Channels;
using Lifecycle.Activities;
using Lifecycle.Activities.Documents;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// Stores session events with group commit: events recorded concurrently (HTTP requests, the
/// watcher, the spool) are written in one transaction, and each caller returns only once the
/// transaction holding its event is committed. Heartbeats are merged as <see cref="HeartbeatPulse"/> says.
/// The batch's lines are then appended to each session's log in one write (a merged heartbeat
/// adds none: its pulse has its line).
/// </summary>
/// <remarks>
/// <para>
/// A write-behind queue with one writer: callers put their event in a channel and wait; the writer
/// takes everything queued (up to <see cref="MaxBatch"/>), writes it in one transaction, and
/// releases each caller. Events that arrive while a transaction runs go in the next one, so batches
/// grow with the load and a lone event (a CLI command) is written at once, without waiting for a
/// timer. The writer starts with the first event and then waits on the channel for more.
/// </para>
/// <para>
/// A caller cancelled before the writer took its event withdraws it; an event the writer took is
/// committed (or fails) with its batch, and its caller gets that outcome.
/// </para>
/// </remarks>
public sealed class EventWriter(ISessionStore sessions, SessionLogWriter log, ISessionNotifier notifier, SessionChangeSignal? changes = null)
{
    /// <summary>The most events one transaction writes.</summary>
    public const int MaxBatch = 1024;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private Task? _writer;
    private long _transactions;

    /// <summary>How many transactions this writer committed (or tried to): fewer than events under load.</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>Stores <paramref name="sessionEvent"/> (merged into the session's heartbeat pulse when it extends one) once it is durable.</summary>
    public async Task<AppendedEvent> AppendAsync(SessionEvent sessionEvent, CancellationToken cancellationToken)
    {
        var pending = new Pending(sessionEvent);
        lock (_gate)
        {
            if (_writer is null)
            {
                // Not in the first caller's context: the writer outlives its request, and what it
                // notes or logs belongs to no request.
                using (ExecutionContext.SuppressFlow())
                {
                    _writer = Task.Run(WriteAllAsync, CancellationToken.None);
                }
            }
        }

        _queue.Writer.TryWrite(pending);
        await using (cancellationToken.Register(() =>
        {
            // Withdrawn unless the writer took it already: then its outcome is the batch's.
            if (pending.Claim())
            {
                pending.Outcome.TrySetCanceled(cancellationToken);
            }
        }))
        {
            return await pending.Outcome.Task;
        }
    }

    private async Task WriteAllAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                // A caller that gave up before its turn has claimed (withdrawn) its own event.
                if (next.Claim())
                {
                    batch.Add(next);
                }
            }

            if (batch.Count > 0)
            {
                await WriteBatchAsync(batch);
                batch.Clear();
            }
        }
    }

    // Never throws: a failed transaction fails its callers, and the writer goes on with the next batch.
    private async Task WriteBatchAsync(List<Pending> batch)
    {
        var merged = new HashSet<SessionEvent>(ReferenceEqualityComparer.Instance);
        try
        {
            Interlocked.Increment(ref _transactions);
            // The batch is other callers' too: one caller's cancellation does not abandon it.
            var stored = await sessions.AppendEventsAsync([.. batch.Select(p => p.Event)], (previous, next) =>
            {
                var pulse = HeartbeatPulse.Merge(previous, next);
                if (pulse is not null)
                {
                    merged.Add(next);
                }

                return pulse;
            }, CancellationToken.None);
            changes?.Notify();
            var appended = batch.Select((pending, i) => new AppendedEvent(stored[i], merged.Contains(pending.Event))).ToList();
            await LogAsync(appended);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Outcome.TrySetResult(appended[i]);
            }
        }
        catch (Exception error)
        {
            foreach (var pending in batch)
            {
                pending.Outcome.TrySetException(error);
            }
        }
    }

    // One read of each session and one write of its log per batch, rather than per event.
    private async Task LogAsync(IReadOnlyList<AppendedEvent> appended)
    {
        foreach (var events in appended.Where(a => !a.Merged).Select(a => a.Stored).GroupBy(e => e.SessionId, StringComparer.Ordinal))
        {
            try
            {
                if (await sessions.GetAsync(events.Key, CancellationToken.None) is { } session)
                {
                    SessionLogs.Append(log, notifier, session, [.. events.Select(SessionLogEntries.Event)]);
                }
            }
            catch (Exception unreadable) when (unreadable is SessionException or IOException or Microsoft.Data.Sqlite.SqliteException)
            {
                // The events are stored; only their log lines are missing, and the log is a record, not the session.
                notifier.Note($"The session log was not written: {unreadable.Message}");
            }
        }
    }

    private sealed class Pending(SessionEvent sessionEvent)
    {
        private int _claimed;

        public SessionEvent Event { get; } = sessionEvent;

        public TaskCompletionSource<AppendedEvent> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>True for the first claimant only: a batch that writes it, or its caller withdrawing it.</summary>
        public bool Claim() => Interlocked.Exchange(ref _claimed, 1) == 0;
    }
}
