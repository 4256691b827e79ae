using System.CommandLine;
using System.Runtime.InteropServices;

namespace Lifecycle.Server.Cli;

/// <summary>Wires a handler to a command with the CLI's error reporting and signal handling around it.</summary>
public static class CommandExtensions
{
    public static Command Handle(this Command command, TextWriter output, TextWriter error, Func<CommandContext, CancellationToken, Task<int>> handler)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = new CommandContext(parse, output, error);
            using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var interrupt = SignalHandlers(context, abort);
            try
            {
                return await handler(context, abort.Token);
            }
            catch (Exception ex)
            {
                return ErrorReporter.Report(context, ex);
            }
        });
        return command;
    }

    /// <summary>
    /// Ctrl-C or SIGTERM once: workflows stop at their next persisted point and the command says
    /// what state it left. Twice: the command is cancelled where it stands (what was persisted is
    /// finished by the next command). A third time ends the process.
    /// </summary>
    private static IDisposable SignalHandlers(CommandContext context, CancellationTokenSource abort)
    {
        var received = 0;
        void OnSignal(PosixSignalContext signal)
        {
            switch (Interlocked.Increment(ref received))
            {
                case 1:
                    signal.Cancel = true;
                    context.RequestStop();
                    if (!Console.IsErrorRedirected)
                    {
                        // Scripts get the one line saying what was left; a person is told at once that the key was heard.
                        context.Error.WriteLine("stopping at the next safe point (Ctrl-C again to cancel now)...");
                    }

                    break;
                case 2:
                    signal.Cancel = true;
                    abort.Cancel();
                    break;
            }
        }

        return new Registrations(
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
    }

    private sealed class Registrations(params IDisposable[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
