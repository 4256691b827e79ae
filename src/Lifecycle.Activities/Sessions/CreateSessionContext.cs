using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Sessions;

/// <summary>
/// Creates the next session (DORMANT → INITIALIZING) linked to the previous one (the last that
/// became active; aborted starts are skipped). Run again by the
/// same workflow instance (after a crash) it returns the session it created instead of a new one.
/// </summary>
[Activity("Session", "Creates the next session (00001, 00002, …) in state INITIALIZING, linked to the previous one, with its timebox; outputs 'sessionId' and 'previousSession'.",
    Outputs = ["sessionId", "previousSession"])]
public sealed class CreateSessionContext(ISessionStore sessions, RepositoryContext repository) : Activity
{
    [Input("The session's timebox in minutes (start --timebox); 0 or absent for none.")]
    public Input<int>? Timebox { get; init; }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var latest = await sessions.GetLatestAsync(context.CancellationToken);
        if (latest is null && CommittedHandoff.Read(repository.Root, repository.Config.DocsFolder) is { } committed)
        {
            // A new store in a repository with session history: continue from its last handoff.
            MarkStashesFromAnotherClone(committed);
            await sessions.SaveAsync(committed, context.CancellationToken);
            latest = committed;
        }

        if (latest is not null && latest.StartedBy == context.InstanceId)
        {
            Done(context, latest, "Session already created by this run.");
            return;
        }

        if (latest is not null)
        {
            // Only checks that the latest session is DORMANT: a new session follows it.
            var state = latest.State;
            new SessionStateMachine(() => state, s => state = s).Fire(SessionTrigger.Start);
        }

        var previous = await LastBegunSession.FindAsync(sessions, latest, context.CancellationToken);

        var session = new SessionContext
        {
            SessionId = NextId(latest),
            StartTime = context.Time.GetUtcNow(),
            State = SessionState.Dormant,
            StartedBy = context.InstanceId,
            PreviousSession = previous?.SessionId,
            TimeboxMinutes = context.Get(Timebox, 0) is > 0 and var minutes ? minutes : null,
        };
        (session.UserName, session.UserEmail) = Collaboration.GitIdentity.Read(repository.Root);
        SessionStateMachine.Fire(session, SessionTrigger.Start);
        await sessions.SaveAsync(session, context.CancellationToken);
        if (previous is not null)
        {
            previous.NextSession = session.SessionId;
            await sessions.SaveAsync(previous, context.CancellationToken);
        }

        Done(context, session, $"Session {session.SessionId} created.");
    }

    private static void Done(ActivityContext context, SessionContext session, string message)
    {
        context.SetOutput("sessionId", session.SessionId);
        context.SetOutput("previousSession", session.PreviousSession);
        context.Complete(message);
    }

    /// <summary>
    /// The id after the latest session's, and after every committed handoff's (a store behind the
    /// committed documents, or one whose newest handoff does not read): committed documents are
    /// never written over.
    /// </summary>
    private string NextId(SessionContext? latest)
    {
        var id = latest is null ? SessionId.First : SessionId.Next(latest.SessionId);
        return CommittedHandoff.HighestId(repository.Root, repository.Config.DocsFolder) is { } committed
               && string.CompareOrdinal(committed, id) >= 0
            ? SessionId.Next(committed)
            : id;
    }

    /// <summary>
    /// Blockers about stashes this repository does not have (the handoff was written in another
    /// clone) say so, and are never cleared as if the stash had been taken.
    /// </summary>
    private void MarkStashesFromAnotherClone(SessionContext committed)
    {
        if (!committed.Blockers.Any(b => Git.StashBlockers.StashNamed(b) is not null))
        {
            return;
        }

        try
        {
            using var git = Git.GitWorkspace.Open(repository.Root, readOnly: true);
            committed.Blockers = [.. committed.Blockers.Select(b =>
                Git.StashBlockers.StashNamed(b) is { } name && !git.Stashes.HasNamed(name) ? Git.StashBlockers.OtherClonePrefix + b : b)];
        }
        catch (SessionException)
        {
            // Not a repository git can open: the blockers stay as written.
        }
    }
}
