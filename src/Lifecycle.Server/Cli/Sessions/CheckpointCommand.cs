using System.CommandLine;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary><c>checkpoint</c>: persists the current session now (database and <c>.lifecycle/state.json</c>).</summary>
public static class CheckpointCommand
{
    public static Command Build(TextWriter output, TextWriter error) =>
        new Command("checkpoint", "Persist the current session now (.lifecycle/state.json, checksummed, with backups)").Handle(output, error, async (context, ct) =>
        {
            var store = CurrentSession.Store(context);
            var session = await CurrentSession.LatestAsync(context, store, ct);
            var file = SessionStateFile.For(context);
            await file.WriteAsync(session, ct);
            await store.SaveAsync(session, ct);
            if (context.Json)
            {
                context.WriteJson(new { sessionId = session.SessionId, state = session.State, path = file.Path });
            }
            else
            {
                context.Out.WriteLine($"Checkpoint of session {session.SessionId} ({session.State.ToString().ToUpperInvariant()}) written to {file.Path}.");
            }

            return ExitCodes.Ok;
        });
}
