namespace Lifecycle.Server.Tests.Watching;

/// <summary>Waits for something another thread or process does, by asking again until a deadline: never a fixed sleep.</summary>
internal static class Polling
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan deadline, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"Not within {deadline.TotalSeconds:0} s: {what}.");
            }

            await Task.Delay(50);
        }
    }
}
