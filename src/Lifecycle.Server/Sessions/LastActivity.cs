using Lifecycle.Activities;
using Lifecycle.Activities.Git;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// When a session last showed signs of life: its newest recorded event (reminders aside: the server wrote them), the newest write to a
/// file it has uncommitted (edits made without a commit or a running watcher still count), or
/// when it became active.
/// </summary>
public static class LastActivity
{
    /// <param name="session">The session.</param>
    /// <param name="sessions">Its store.</param>
    /// <param name="root">The work tree.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <param name="events">The session's events when the caller has read them already.</param>
    /// <param name="uncommitted">The files uncommitted now when the caller has taken git status already (it costs as much as git status).</param>
    public static async Task<DateTimeOffset> OfAsync(SessionContext session, ISessionStore sessions, string root, CancellationToken cancellationToken,
        IReadOnlyList<SessionEvent>? events = null, IReadOnlyList<string>? uncommitted = null)
    {
        var latest = session.ActiveSince ?? session.StartTime;
        foreach (var recorded in (events ?? await sessions.GetEventsAsync(session.SessionId, cancellationToken)).Where(e => SessionEventTypes.ShowsActivity(e.Type)))
        {
            // A merged heartbeat lasted until its pulse's last beat.
            var end = HeartbeatPulse.EndOf(recorded);
            latest = end > latest ? end : latest;
        }

        try
        {
            IReadOnlyList<string> paths;
            if (uncommitted is null)
            {
                using var git = GitWorkspace.Open(root, readOnly: true);
                paths = git.Status.UncommittedFiles();
            }
            else
            {
                paths = uncommitted;
            }

            foreach (var path in paths)
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
