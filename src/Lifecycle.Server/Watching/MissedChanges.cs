namespace Lifecycle.Server.Watching;

/// <summary>
/// Since when the watcher may have missed changes, and why: what the next status scan must cover.
/// A reason is news once; a watch that cannot be made again at every check is logged once.
/// </summary>
internal sealed class MissedChanges(WatchingOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _since;
    private string? _reason;

    /// <summary>True while a scan is due.</summary>
    public bool Any
    {
        get
        {
            lock (_gate)
            {
                return _since is not null;
            }
        }
    }

    /// <summary>Notes that track was lost now; true when <paramref name="reason"/> is news to log.</summary>
    public bool Lose(string reason)
    {
        lock (_gate)
        {
            // Writes just before the loss may be among the events that never came.
            _since ??= time.GetUtcNow() - options.MaxDelay;
            if (reason == _reason)
            {
                return false;
            }

            _reason = reason;
            return true;
        }
    }

    /// <summary>
    /// The time a scan must cover from, or null when none is due. While the watch is still down
    /// (<paramref name="watching"/> false) the next scan stays due and covers from now.
    /// </summary>
    public DateTimeOffset? Take(bool watching)
    {
        lock (_gate)
        {
            var since = _since;
            _since = since is null || watching ? null : time.GetUtcNow();
            _reason = watching ? null : _reason;
            return since;
        }
    }

    /// <summary>Gives a scan that failed back: the next one covers its time too.</summary>
    public void Restore(DateTimeOffset since)
    {
        lock (_gate)
        {
            _since = _since is { } later && later < since ? later : since;
        }
    }

    /// <summary>The watch is made again: its next loss is news.</summary>
    public void Resumed()
    {
        lock (_gate)
        {
            _reason = null;
        }
    }
}
