using Lifecycle.Server.Hosting;

namespace Lifecycle.Server.Cli.Terminal;

/// <summary>
/// Shows which step a long command (start, end) is on. On a terminal: a spinner on stderr with
/// the step's name, gone when the command ends. Redirected (scripts, agents): nothing, unless a
/// step runs for more than <see cref="QuietFor"/>, which then gets one plain line on stderr.
/// </summary>
public static class StepProgress
{
    /// <summary>How long a step may run, output redirected, before it is named.</summary>
    public static readonly TimeSpan QuietFor = TimeSpan.FromSeconds(10);

    public static async Task<T> RunAsync<T>(CommandContext context, string title, Func<Task<T>> work)
    {
        if (context.Sessions is not null && context.IsRemote)
        {
            // The server runs the workflow: no step of it passes through this process.
            return await work();
        }

        var steps = context.Host.Get<StepObserver>();
        if (!context.Json && !Console.IsErrorRedirected && !Console.IsInputRedirected)
        {
            return await SpinnerProgress.RunAsync(steps, title, work);
        }

        return await PlainProgress.RunAsync(steps, context.Error, work);
    }
}
