using Lifecycle.Server.Hosting;
using Spectre.Console;

namespace Lifecycle.Server.Cli.Terminal;

/// <summary>
/// A Spectre.Console status spinner on stderr naming the current step (terminals only). It appears
/// once the protocol's questions are behind (Require asks on the same terminal), at the first
/// other step.
/// </summary>
internal static class SpinnerProgress
{
    private static readonly HashSet<string> Protocol = ["Require", "Block", "Warn"];

    public static async Task<T> RunAsync<T>(StepObserver steps, string title, Func<Task<T>> work)
    {
        var current = "";
        StatusContext? display = null;
        var pastQuestions = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        steps.StepStarted = step =>
        {
            Volatile.Write(ref current, step);
            if (!Protocol.Contains(step))
            {
                pastQuestions.TrySetResult();
            }

            Volatile.Read(ref display)?.Status(Text(title, step));
        };
        try
        {
            var running = work();
            await Task.WhenAny(running, pastQuestions.Task);
            if (running.IsCompleted)
            {
                return await running;
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            return await console.Status().Spinner(Spinner.Known.Dots).StartAsync(Text(title, Volatile.Read(ref current)), async status =>
            {
                Volatile.Write(ref display, status);
                return await running;
            });
        }
        finally
        {
            steps.StepStarted = null;
        }
    }

    private static string Text(string title, string step) =>
        step.Length == 0 ? Markup.Escape(title) : $"{Markup.Escape(title)}: [grey]{Markup.Escape(step.ToLowerInvariant())}[/]";
}
