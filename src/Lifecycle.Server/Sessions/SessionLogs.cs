using Lifecycle.Activities.Documents;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Server.Sessions;

/// <summary>Appends to the session log as the use cases record things; a log that cannot be written is a note, never a failed command.</summary>
internal static class SessionLogs
{
    public static void Append(SessionLogWriter log, ISessionNotifier notifier, SessionContext session, params IReadOnlyList<SessionLogEntry> entries)
    {
        var written = log.Append(session, entries);
        if (written.Status == SessionLogWriteStatus.Failed)
        {
            notifier.Note(written.ToString());
        }
    }
}
