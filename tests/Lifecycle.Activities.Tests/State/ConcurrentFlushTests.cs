using System.Collections.Concurrent;
using Lifecycle.Activities.State;

namespace Lifecycle.Activities.Tests.State;

public class ConcurrentFlushTests
{
    [Fact]
    public void Run_FlushesEveryFileOnce_AndCountsTheOnesThatWereFlushed()
    {
        var folder = Directory.CreateTempSubdirectory("lifecycle-flush-").FullName;
        try
        {
            var files = Enumerable.Range(0, 50).Select(i => Path.Combine(folder, $"f{i}.txt")).ToList();
            files.ForEach(f => File.WriteAllText(f, f));
            var seen = new ConcurrentBag<string>();

            var flushed = ConcurrentFlush.Run([.. files, Path.Combine(folder, "missing.txt")], full =>
            {
                seen.Add(full);
                if (!File.Exists(full))
                {
                    return false;
                }

                using var handle = File.OpenHandle(full, FileMode.Open, FileAccess.Read);
                RandomAccess.FlushToDisk(handle);
                return true;
            });

            Assert.Equal(50, flushed);
            Assert.Equal([.. files.Append(Path.Combine(folder, "missing.txt")).Order(StringComparer.Ordinal)], seen.Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Run_ThrowsTheFlushesError_AfterEveryThreadStopped()
    {
        var running = 0;
        var error = Assert.Throws<IOException>(() => ConcurrentFlush.Run(Enumerable.Range(0, 40).ToList(), i =>
        {
            Interlocked.Increment(ref running);
            try
            {
                return i == 7 ? throw new IOException("disk full") : true;
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }));

        Assert.Equal("disk full", error.Message);
        Assert.Equal(0, Volatile.Read(ref running));
    }
}
