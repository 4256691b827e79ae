using Lifecycle.Activities;
using Lifecycle.Activities.Git;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// When a session last showed signs of life: its newest recorded event, the newest write to a
/// file it has uncommitted (edits made without a commit or a running watcher still count), or
/// when it became active.
/// </summary>
public static class LastActivity
{
    public static async Task<DateTimeOffset> OfAsync(SessionContext session, ISessionStore sessions, string root, CancellationToken cancellationToken)
    {
        var latest = session.ActiveSince ?? session.StartTime;
        foreach (var recorded in await sessions.GetEventsAsync(session.SessionId, cancellationToken))
        {
            latest = recorded.Timestamp > latest ? recorded.Timestamp : latest;
        }

        try
        {
            using var git = GitWorkspace.Open(root, readOnly: true);
            foreach (var path in git.Status.UncommittedFiles())
            {
                var info = new FileInfo(Path.Combine(root, path));
                if (info.Exists && new DateTimeOffset(info.LastWriteTimeUtc) > latest)
                {
                    latest = new DateTimeOffset(info.LastWriteTimeUtc);
                }
            }
        }
        catch (SessionException)
        {
            // A repository git cannot read now: the recorded times alone decide.
        }

        return latest;
    }
}
