using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Sessions;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Lifecycle.Server.Scheduling;

/// <summary>
/// The periodic checkpoint of an ACTIVE session (every <c>checkpointIntervalMinutes</c>): writes
/// <c>.lifecycle/state.json</c> and the live score even when nothing changed, so a crash loses at
/// most one interval and the checkpoint's time says the server was alive. When the file watcher
/// lost track of the work tree since the last one (overflow, inotify limit), a status scan records
/// what it missed first, so the checkpoint counts it.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class CheckpointJob(SessionService sessions, ISessionStore store, Lifecycle.Server.Watching.WorkTreeWatcher watcher, ILogger<CheckpointJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (await store.GetLatestAsync(cancellationToken) is not { State: SessionState.Active })
        {
            return;
        }

        await watcher.ScanIfNeededAsync(cancellationToken);
        var written = await sessions.CheckpointAsync(cancellationToken);
        LogCheckpoint(logger, written.SessionId, written.Path);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Checkpoint of session {SessionId} written to {Path}")]
    private static partial void LogCheckpoint(ILogger logger, string sessionId, string path);
}
