using Lifecycle.Activities.State;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Sessions;

/// <summary>Writes the session as stored to <c>.lifecycle/state.json</c> (atomic, checksummed, with backups).</summary>
/// <remarks>
/// It does not save the session back to the store: it changes nothing there, and writing back a
/// copy read a moment ago could undo what another process (a git hook's event) saved meanwhile.
/// </remarks>
[Activity("Session", "Writes the session as stored to .lifecycle/state.json (atomic write, SHA-256, rotated backups); outputs 'path'.", Outputs = ["path"])]
public sealed class Checkpoint(ISessionStore sessions, RepositoryContext repository, TimeProvider time) : SessionActivityBase(sessions)
{
    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var session = await LoadAsync(context);
        var file = new StateFile<SessionContext>(repository.Paths.StateFile, time);
        await file.WriteAsync(session, context.CancellationToken);
        context.SetOutput("path", file.Path);
        context.Complete($"Checkpoint of session {session.SessionId} ({session.State.ToString().ToUpperInvariant()}).");
    }
}
