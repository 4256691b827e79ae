using Lifecycle.Activities.Continuity;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Documents;

/// <summary>Writes the session log's header (<c>SESSION-NNNNN-LOG.md</c>) in the docs folder.</summary>
/// <remarks>
/// A log that already exists is left as it is: entries may have been appended to it, and a re-run
/// after a crash must not wipe them.
/// </remarks>
[Activity("Session", "Writes <docsFolder>/SESSION-NNNNN-LOG.md (mission, open tasks, blockers, warnings), creating folders; an existing log is kept; outputs 'path'.",
    Outputs = ["path"])]
public sealed class CreateSessionLog(ISessionStore sessions, RepositoryContext repository) : SessionActivityBase(sessions)
{
    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var session = await LoadAsync(context);
        var path = SessionDocuments.For(repository, session.SessionId).Log;
        context.SetOutput("path", path);
        if (File.Exists(path))
        {
            context.Complete($"Session log {System.IO.Path.GetFileName(path)} already exists.");
            return;
        }

        var log = SessionLog.Start(session, ContinuationStrategy.Determine(session), session.Warnings);
        await SessionDocuments.WriteAsync(path, log, context.CancellationToken);
        context.Complete($"Session log {System.IO.Path.GetFileName(path)} created.");
    }
}
