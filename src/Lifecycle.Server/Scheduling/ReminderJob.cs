using Lifecycle.Server.Timing;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Lifecycle.Server.Scheduling;

/// <summary>
/// The reminders of the ACTIVE session (time left, timebox ended, take a break: <see cref="ReminderSchedule"/>),
/// each recorded once as a <c>reminder</c> event when it falls due, so that it reaches the live
/// stream, the session log, <c>status</c> and the dashboard.
/// </summary>
/// <remarks>
/// The check runs every <see cref="SchedulingOptions.ReminderCheckInterval"/>, so a reminder arrives at
/// most that long after it fell due. What was fired is read back from the session's events, not
/// kept in memory: a server restarted (or a second check) never fires one twice, and a reminder
/// that fell due while no server ran is fired by the next check if it is still due.
/// </remarks>
[DisallowConcurrentExecution]
internal sealed partial class ReminderJob(SessionReminders reminders, ILogger<ReminderJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        foreach (var fired in await reminders.FireDueAsync(cancellationToken))
        {
            LogFired(logger, fired.Kind, fired.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {Kind}: {Message}")]
    private static partial void LogFired(ILogger logger, string kind, string message);
}
