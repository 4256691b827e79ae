namespace Lifecycle.Server.Watching;

/// <summary>
/// Calls back once per path after the path has been quiet for <see cref="WatchingOptions.Quiet"/>
/// (or written for <see cref="WatchingOptions.MaxDelay"/> without pause): fifty saves in a burst
/// are one call. Timers come from the <see cref="TimeProvider"/>, so tests can drive them.
/// </summary>
internal sealed class PathDebouncer(WatchingOptions options, TimeProvider time, Action<string> flush) : IDisposable
{
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>Paths waiting for their quiet window.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Notes a write to <paramref name="path"/>: its call is (re)scheduled after the quiet window.</summary>
    public void Touch(string path)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = time.GetUtcNow();
            if (_pending.TryGetValue(path, out var pending))
            {
                // Past the longest delay the call stays where it is, so a steady writer is still recorded.
                if (now - pending.First < options.MaxDelay)
                {
                    pending.Timer.Change(options.Quiet, Timeout.InfiniteTimeSpan);
                }

                return;
            }

            _pending[path] = new Pending(time.CreateTimer(Due, path, options.Quiet, Timeout.InfiniteTimeSpan), now);
        }
    }

    /// <summary>Removes every waiting path and returns them, for a last call when the watcher stops.</summary>
    public IReadOnlyList<string> Drain()
    {
        lock (_gate)
        {
            var paths = _pending.Keys.ToList();
            foreach (var pending in _pending.Values)
            {
                pending.Timer.Dispose();
            }

            _pending.Clear();
            return paths;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        Drain();
    }

    private void Due(object? state)
    {
        var path = (string)state!;
        lock (_gate)
        {
            if (!_pending.Remove(path, out var pending))
            {
                return;
            }

            pending.Timer.Dispose();
        }

        flush(path);
    }

    private sealed record Pending(ITimer Timer, DateTimeOffset First);
}
