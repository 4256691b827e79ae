namespace Lifecycle.Server.Reports;

/// <summary>One closed session's figures, as the reports chart and tabulate them. Times in minutes.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="StartTime">When it started.</param>
/// <param name="EndTime">When it ended.</param>
/// <param name="Branch">The branch it worked on, when known.</param>
/// <param name="SetupMinutes">From its start until it became ACTIVE.</param>
/// <param name="ActiveMinutes">Working time with activity no further apart than the idle threshold.</param>
/// <param name="IdleMinutes">Working time in longer gaps.</param>
/// <param name="Commits">Commits made during it.</param>
/// <param name="LinesChanged">Lines added plus deleted.</param>
/// <param name="TasksCompleted">Tasks done during it.</param>
/// <param name="Errors">Errors recorded (the interruptions).</param>
/// <param name="CommitsPerHour">Commits per hour of working time; null when too short to score.</param>
/// <param name="Score">The productivity score, 0 to 1; null when too short to score.</param>
/// <param name="Source">
/// <c>handoff</c>: the figures its close computed (its handoff, in the work tree); <c>record</c>:
/// computed again from the database's record and events (no handoff at hand), without the
/// documentation ratio and coverage that only the close measured.
/// </param>
public sealed record SessionFigures(
    string SessionId,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    string? Branch,
    double SetupMinutes,
    double ActiveMinutes,
    double IdleMinutes,
    int Commits,
    int LinesChanged,
    int TasksCompleted,
    int Errors,
    double? CommitsPerHour,
    double? Score,
    string Source)
{
    /// <summary>Active plus idle minutes.</summary>
    public double WorkingMinutes => Math.Round(ActiveMinutes + IdleMinutes, 1);

    /// <summary>Active over working time, 0 to 1 (three decimals); null without working time.</summary>
    public double? ActiveShare => ActiveMinutes + IdleMinutes <= 0 ? null : Math.Round(ActiveMinutes / (ActiveMinutes + IdleMinutes), 3);
}
