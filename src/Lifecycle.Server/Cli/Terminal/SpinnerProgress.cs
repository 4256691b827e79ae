using Lifecycle.Server.Hosting;
using Spectre.Console;

namespace Lifecycle.Server.Cli.Terminal;

/// <summary>
/// A Spectre.Console status spinner on stderr naming the current step (terminals only). It is
/// shown while ordinary steps run and taken down whenever a protocol step (Require, Block, Warn)
/// starts, since that step may ask on the same terminal; the next ordinary step shows it again.
/// </summary>
internal static class SpinnerProgress
{
    private static readonly HashSet<string> Protocol = ["Require", "Block", "Warn"];

    /// <summary>How long a protocol step waits for the spinner to be taken down before it goes on anyway.</summary>
    private static readonly TimeSpan TakeDownWait = TimeSpan.FromSeconds(2);

    public static async Task<T> RunAsync<T>(StepObserver steps, string title, Func<Task<T>> work)
    {
        var gate = new object();
        var current = "";
        var wantShown = false;
        var shown = false;
        StatusContext? display = null;
        var changed = NewSignal();
        var takenDown = NewSignal();
        takenDown.TrySetResult();

        steps.StepStarted = step =>
        {
            TaskCompletionSource? wait = null;
            lock (gate)
            {
                current = step;
                wantShown = !Protocol.Contains(step);
                if (wantShown)
                {
                    display?.Status(Text(title, step));
                }
                else if (shown)
                {
                    wait = takenDown;
                }

                changed.TrySetResult();
            }

            // On the workflow's thread: a question this step asks is written once the spinner is off the terminal.
            wait?.Task.Wait(TakeDownWait);
        };
        try
        {
            var running = work();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            while (true)
            {
                Task? waitForStep = null;
                string text;
                lock (gate)
                {
                    text = Text(title, current);
                    if (wantShown)
                    {
                        shown = true;
                        takenDown = NewSignal();
                    }
                    else
                    {
                        changed = NewSignal();
                        waitForStep = changed.Task;
                    }
                }

                if (waitForStep is not null)
                {
                    await Task.WhenAny(running, waitForStep);
                }
                else
                {
                    await console.Status().Spinner(Spinner.Known.Dots).StartAsync(text, status => ShowWhileWantedAsync(status));
                    lock (gate)
                    {
                        shown = false;
                        takenDown.TrySetResult();
                    }
                }

                if (running.IsCompleted)
                {
                    return await running;
                }
            }

            async Task ShowWhileWantedAsync(StatusContext status)
            {
                while (true)
                {
                    Task next;
                    lock (gate)
                    {
                        if (!wantShown || running.IsCompleted)
                        {
                            display = null;
                            return;
                        }

                        display = status;
                        status.Status(Text(title, current));
                        changed = NewSignal();
                        next = changed.Task;
                    }

                    await Task.WhenAny(running, next);
                }
            }
        }
        finally
        {
            steps.StepStarted = null;
            lock (gate)
            {
                display = null;
                takenDown.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Text(string title, string step) =>
        step.Length == 0 ? Markup.Escape(title) : $"{Markup.Escape(title)}: [grey]{Markup.Escape(step.ToLowerInvariant())}[/]";
}
