using Lifecycle.Server.Hosting;

namespace Lifecycle.Server.Cli.Terminal;

/// <summary>Progress when output is redirected: silent, except one line for a step that runs longer than <see cref="StepProgress.QuietFor"/>.</summary>
internal static class PlainProgress
{
    public static async Task<T> RunAsync<T>(StepObserver steps, TextWriter error, Func<Task<T>> work)
    {
        var current = "";
        var since = Environment.TickCount64;
        var named = "";
        steps.StepStarted = step =>
        {
            Volatile.Write(ref current, step);
            Interlocked.Exchange(ref since, Environment.TickCount64);
        };
        using var stop = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
                    var step = Volatile.Read(ref current);
                    if (step != named && Environment.TickCount64 - Interlocked.Read(ref since) > StepProgress.QuietFor.TotalMilliseconds)
                    {
                        named = step;
                        await error.WriteLineAsync($"note: still working: {step.ToLowerInvariant()} ({StepProgress.QuietFor.TotalSeconds:0} s so far)…");
                        await error.FlushAsync();
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The command finished.
            }
        });
        try
        {
            return await work();
        }
        finally
        {
            steps.StepStarted = null;
            await stop.CancelAsync();
            await watch;
        }
    }
}
