using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Metrics;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Server.Reports;

/// <summary>
/// A closed session's <see cref="SessionFigures"/>: from its handoff (what its close computed), or,
/// without one at hand, computed again from its record and events the way the close computes them.
/// </summary>
public static class SessionFigureReader
{
    /// <summary>The figures its handoff holds.</summary>
    public static SessionFigures FromHandoff(Handoff handoff)
    {
        var m = handoff.Metrics;
        return new SessionFigures(
            handoff.SessionId, handoff.StartTime, handoff.EndTime, handoff.Branch,
            ReportNumbers.Round(m.SetupTime), ReportNumbers.Round(m.ActiveTime), ReportNumbers.Round(m.IdleTime),
            handoff.WorkCompleted.Commits.Count, handoff.WorkCompleted.LinesChanged, handoff.WorkCompleted.TasksCompleted,
            handoff.Errors.Count, ReportNumbers.Round(m.CommitsPerHour, 2), ReportNumbers.Round(handoff.ProductivityScore, 3), "handoff");
    }

    /// <summary>
    /// The figures computed from the session's record and events with <see cref="ProductivityCalculator"/>:
    /// its times, counts and rates as the close measures them; the score without the documentation
    /// ratio and coverage (only the close measured those), so it may be lower than the handoff's.
    /// </summary>
    public static SessionFigures FromRecord(SessionContext session, IReadOnlyList<SessionEvent> events, TimeSpan idleThreshold)
    {
        var end = session.EndTime ?? session.StartTime;
        var calculator = new ProductivityCalculator(new ProductivityOptions { IdleThreshold = idleThreshold });
        var metrics = calculator.Calculate(new SessionFacts
        {
            StartedAt = session.StartTime,
            ActiveAt = session.ActiveSince is { } active && active <= end ? active : null,
            EndedAt = end,
            ActivityTimestamps = [.. events.SelectMany(HeartbeatPulse.ActivityTimes)],
            TasksCompleted = session.CompletedTasks.Count,
            ErrorsRecorded = events.Count(e => e.Type == SessionEventTypes.ErrorOccurred),
        });
        var hours = (metrics.ActiveTime + metrics.IdleTime) / 60;
        if (metrics.ScoreUnavailableReason is null && hours > 0)
        {
            metrics = metrics with { CommitsPerHour = session.Commits / hours, LinesPerHour = session.LinesChanged / hours, TasksPerHour = session.CompletedTasks.Count / hours };
        }

        return new SessionFigures(
            session.SessionId, session.StartTime, end, session.ActiveBranch,
            ReportNumbers.Round(metrics.SetupTime), ReportNumbers.Round(metrics.ActiveTime), ReportNumbers.Round(metrics.IdleTime),
            session.Commits, session.LinesChanged, session.CompletedTasks.Count, metrics.InterruptionCount,
            ReportNumbers.Round(metrics.CommitsPerHour, 2), ReportNumbers.Round(metrics.Score, 3), "record");
    }
}
