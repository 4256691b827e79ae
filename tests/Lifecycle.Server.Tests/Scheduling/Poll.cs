namespace Lifecycle.Server.Tests.Scheduling;

/// <summary>Waits for a condition by looking again every few milliseconds, up to a deadline: never a fixed sleep.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan deadline, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > deadline)
            {
                Assert.Fail($"Not true after {deadline.TotalSeconds:0.#} s: {what}");
            }

            await Task.Delay(25);
        }
    }
}
