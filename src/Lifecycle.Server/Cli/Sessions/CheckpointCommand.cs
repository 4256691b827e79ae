using System.CommandLine;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary><c>checkpoint</c>: writes the current session to <c>.lifecycle/state.json</c> now.</summary>
public static class CheckpointCommand
{
    public static Command Build(TextWriter output, TextWriter error) =>
        new Command("checkpoint", "Persist the current session now (.lifecycle/state.json, checksummed, with backups)").Handle(output, error, async (context, ct) =>
        {
            var written = await context.Sessions.CheckpointAsync(ct);
            if (context.Json)
            {
                context.WriteJson(new { sessionId = written.SessionId, state = written.State, path = written.Path });
            }
            else
            {
                context.Out.WriteLine($"Checkpoint of session {written.SessionId} ({written.State.ToString().ToUpperInvariant()}) written to {written.Path}.");
            }

            return ExitCodes.Ok;
        });
}
