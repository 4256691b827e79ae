using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Lifecycle.Activities.State;

/// <summary>
/// Runs many fsyncs at once, on a few threads of their own, and returns when all are done.
/// </summary>
/// <remarks>
/// An fsync waits for the disk (a journal commit and a cache flush, 2–8 ms on the benchmark's
/// virtual disk); one after another, the 100 files and 100 folders of a stash or a restore took
/// 200–770 ms. Issued together, the file system commits them in one journal transaction and one
/// flush: 25–40 ms for the same 200 (docs/PERFORMANCE.md §3). Each item is still flushed on its
/// own, so what is durable when this returns is exactly what it was with one fsync after another.
/// Threads of their own rather than the thread pool's: they spend their time blocked in the kernel,
/// and the pool adds threads for blocked work only slowly.
/// </remarks>
internal static class ConcurrentFlush
{
    /// <summary>How many fsyncs wait for the disk at once; more gain nothing measurable.</summary>
    private const int Width = 8;

    /// <summary>Calls <paramref name="flush"/> on every item, up to <see cref="Width"/> at once; returns how many returned true.</summary>
    /// <exception cref="Exception">The first exception a flush threw, after every thread finished.</exception>
    public static int Run<T>(IReadOnlyList<T> items, Func<T, bool> flush)
    {
        if (items.Count <= 1)
        {
            return items.Count(flush);
        }

        var queue = new ConcurrentQueue<T>(items);
        var flushed = 0;
        ExceptionDispatchInfo? failure = null;
        void Drain()
        {
            while (Volatile.Read(ref failure) is null && queue.TryDequeue(out var item))
            {
                try
                {
                    if (flush(item))
                    {
                        Interlocked.Increment(ref flushed);
                    }
                }
                catch (Exception error)
                {
                    Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(error), null);
                }
            }
        }

        var threads = Enumerable.Range(0, Math.Min(Width, items.Count) - 1)
            .Select(_ => new Thread(Drain) { IsBackground = true, Name = "fsync" })
            .ToList();
        threads.ForEach(t => t.Start());
        Drain();
        threads.ForEach(t => t.Join());
        failure?.Throw();
        return flushed;
    }
}
