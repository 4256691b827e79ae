namespace Lifecycle.Activities.Tracking;

/// <summary>
/// The events of one claim of the spool (<see cref="EventSpool.ClaimAsync"/>). Record them, then
/// call <see cref="Complete"/>; disposing without it leaves them for the next claim, so a crash
/// while recording loses no event (and may deliver some twice: <see cref="SpooledEvent.Id"/> tells).
/// </summary>
/// <remarks>Holds the spool's lock until disposed: record promptly, another ingester waits.</remarks>
public sealed class SpoolBatch : IDisposable
{
    private readonly FileStream? _lock;
    private readonly IReadOnlyList<SpoolProgress> _progress;
    private readonly SpoolClock? _clock;
    private bool _closed;

    internal SpoolBatch(FileStream? heldLock, IReadOnlyList<SpooledEvent> events, int skipped, IReadOnlyList<SpoolProgress> progress, SpoolClock? clock)
    {
        _lock = heldLock;
        Events = events;
        Skipped = skipped;
        _progress = progress;
        _clock = clock;
    }

    /// <summary>A batch with nothing in it and no lock.</summary>
    internal static SpoolBatch Empty => new(null, [], 0, [], null);

    /// <summary>The events, in the order the hooks appended them.</summary>
    public IReadOnlyList<SpooledEvent> Events { get; }

    /// <summary>Lines that were not a hook's (malformed or cut short by a crash): skipped, and not delivered again.</summary>
    public int Skipped { get; }

    /// <summary>Marks every event as recorded: none is delivered again. Releases the lock.</summary>
    /// <exception cref="InvalidOperationException">The batch was already completed or disposed.</exception>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        try
        {
            foreach (var progress in _progress)
            {
                progress.Save();
            }

            _clock?.ForgetOtherBoots();
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>Releases the lock; events not completed are delivered again by the next claim.</summary>
    public void Dispose()
    {
        _closed = true;
        _lock?.Dispose();
    }
}
