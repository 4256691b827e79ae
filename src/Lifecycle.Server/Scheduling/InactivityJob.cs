using Lifecycle.Activities;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Sessions;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Lifecycle.Server.Scheduling;

/// <summary>
/// The inactivity auto-close: an ACTIVE session with no activity (a recorded event, a write to an
/// uncommitted file; reads do not count) for <c>inactivityAutoCloseMinutes</c> is ended as
/// <c>end --yes</c> would end it, its work put away, with reason <c>inactivity</c> in the handoff.
/// </summary>
/// <remarks>
/// The check runs every <see cref="SchedulingOptions.InactivityCheckInterval"/>, so a session closes
/// at most that long after its limit. A command holding the session lock at that moment (a CLI
/// <c>end</c>, a <c>start</c>) wins; the next check looks again.
/// </remarks>
[DisallowConcurrentExecution]
internal sealed partial class InactivityJob(SessionService sessions, ISessionStore store, RepositoryContext repository, TimeProvider time, ILogger<InactivityJob> logger) : IJob
{
    public const string Reason = "inactivity";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var limit = TimeSpan.FromMinutes(repository.Config.InactivityAutoCloseMinutes);
        if (limit <= TimeSpan.Zero || await store.GetLatestAsync(cancellationToken) is not { State: SessionState.Active } active)
        {
            return;
        }

        var idle = time.GetUtcNow() - await LastActivity.OfAsync(active, store, repository.Root, cancellationToken);
        if (idle < limit)
        {
            return;
        }

        LogClosing(logger, active.SessionId, idle, limit);
        try
        {
            var closed = await sessions.EndAsync(new EndRequest(Yes: true, Reason: Reason), cancellationToken);
            LogClosed(logger, closed.SessionId);
        }
        catch (SessionException ex)
        {
            LogNotClosed(logger, active.SessionId, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} had no activity for {Idle} (auto-close after {Limit}); closing it")]
    private static partial void LogClosing(ILogger logger, string sessionId, TimeSpan idle, TimeSpan limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} closed for inactivity")]
    private static partial void LogClosed(ILogger logger, string sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The inactivity auto-close of session {SessionId} did not happen: {Reason}; the next check tries again")]
    private static partial void LogNotClosed(ILogger logger, string sessionId, string reason);
}
