using System.CommandLine;

namespace Lifecycle.Server.Cli;

/// <summary>Wires a handler to a command with the CLI's error reporting around it.</summary>
public static class CommandExtensions
{
    public static Command Handle(this Command command, TextWriter output, TextWriter error, Func<CommandContext, CancellationToken, Task<int>> handler)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = new CommandContext(parse, output, error);
            try
            {
                return await handler(context, cancellationToken);
            }
            catch (Exception ex)
            {
                return ErrorReporter.Report(context, ex);
            }
        });
        return command;
    }
}
