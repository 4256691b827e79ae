using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// What a live view of the current session shows, sent again whenever any of it changes: its
/// state, counts, tasks and blockers. Null <see cref="SessionId"/> when no session ever started.
/// </summary>
public sealed record SessionSnapshot(
    string? SessionId,
    SessionState State,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    string? Branch,
    int Commits,
    int FilesModified,
    int Interruptions,
    IReadOnlyList<SessionTask> Tasks,
    IReadOnlyList<string> Blockers,
    string? LastError)
{
    public static SessionSnapshot Of(SessionContext? session) => session is null
        ? new SessionSnapshot(null, SessionState.Dormant, null, null, null, 0, 0, 0, [], [], null)
        : new SessionSnapshot(session.SessionId, session.State, session.StartTime, session.EndTime, session.ActiveBranch, session.Commits,
            session.FilesModified, session.Interruptions, [.. session.Tasks], [.. session.Blockers], session.LastError);
}
