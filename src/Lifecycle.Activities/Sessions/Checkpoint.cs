using Lifecycle.Activities.State;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Sessions;

/// <summary>Persists the session now: the store, and <c>.lifecycle/state.json</c> (atomic, checksummed, with backups).</summary>
[Activity("Session", "Persists the session: the database and .lifecycle/state.json (atomic write, SHA-256, rotated backups); outputs 'path'.", Outputs = ["path"])]
public sealed class Checkpoint(ISessionStore sessions, RepositoryContext repository, TimeProvider time) : SessionActivityBase(sessions)
{
    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var session = await LoadAsync(context);
        var file = new StateFile<SessionContext>(System.IO.Path.Combine(repository.StateFolder, "state.json"), time);
        await file.WriteAsync(session, context.CancellationToken);
        await Sessions.SaveAsync(session, context.CancellationToken);
        context.SetOutput("path", file.Path);
        context.Complete($"Checkpoint of session {session.SessionId} ({session.State.ToString().ToUpperInvariant()}).");
    }
}
