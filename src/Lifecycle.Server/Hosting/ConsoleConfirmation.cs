using Lifecycle.Activities.Git;
using Lifecycle.Activities.Protocol;
using Lifecycle.Workflows.Hosting;

namespace Lifecycle.Server.Hosting;

/// <summary>
/// Asks on the terminal (y/N on stderr); nobody is asked when input or output is redirected.
/// Ctrl-C (or SIGTERM) while it waits answers no: the protocol rule then refuses the command,
/// which changes nothing. A question asked drops the git status <c>end</c> took ahead
/// (<see cref="StatusPrefetch"/>): while it waits, the user may well change the work tree.
/// </summary>
internal sealed class ConsoleConfirmation(WorkflowStopSignal stop, StatusPrefetch prefetch) : IConfirmation
{
    public async Task<bool?> ConfirmAsync(string question, CancellationToken cancellationToken)
    {
        if (Console.IsInputRedirected || Console.IsErrorRedirected)
        {
            return null;
        }

        prefetch.Discard();
        await Console.Error.WriteAsync($"{question} [y/N] ");
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stop.Token);
        try
        {
            // The console's read ignores its token: the wait for it is what gets cancelled.
            var answer = await Console.In.ReadLineAsync(CancellationToken.None).AsTask().WaitAsync(either.Token);
            return answer?.Trim().ToLowerInvariant() is "y" or "yes";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync();
            return false;
        }
    }
}
