using Lifecycle.Activities.Protocol;

namespace Lifecycle.Server.Hosting;

/// <summary>Asks on the terminal (y/N on stderr); nobody is asked when input or output is redirected.</summary>
internal sealed class ConsoleConfirmation : IConfirmation
{
    public async Task<bool?> ConfirmAsync(string question, CancellationToken cancellationToken)
    {
        if (Console.IsInputRedirected || Console.IsErrorRedirected)
        {
            return null;
        }

        await Console.Error.WriteAsync($"{question} [y/N] ");
        var answer = await Console.In.ReadLineAsync(cancellationToken);
        return answer?.Trim().ToLowerInvariant() is "y" or "yes";
    }
}
