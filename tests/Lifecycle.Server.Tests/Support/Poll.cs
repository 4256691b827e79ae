using System.Diagnostics;

namespace Lifecycle.Server.Tests.Support;

/// <summary>Waits for something that happens in the background, checking often, up to a deadline (never a fixed sleep).</summary>
public static class Poll
{
    /// <summary>The last value of <paramref name="read"/>: the first that satisfies <paramref name="done"/>, or the one at the deadline.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        while (true)
        {
            var value = await read();
            if (done(value) || clock.Elapsed > limit)
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
