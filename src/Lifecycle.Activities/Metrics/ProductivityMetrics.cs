namespace Lifecycle.Activities.Metrics;

/// <summary>
/// How productive a session was: the spec's <c>ProductivityMetrics</c>, one property per field,
/// plus <see cref="Score"/>. Times are in minutes, rates per hour of working time.
/// </summary>
/// <remarks>
/// Build one with <see cref="ProductivityCalculator"/> from a session's recorded facts. The spec's
/// names come first in the JSON (<c>setupTime</c>, <c>activeTime</c>, <c>idleTime</c>); the same
/// values follow under names that carry their unit (<c>setupMinutes</c>, <c>activeMinutes</c>,
/// <c>idleMinutes</c>, <c>workingMinutes</c>), written but never read back. A session shorter than
/// the calculator's minimum working time has no rates and no score: they are null and
/// <see cref="ScoreUnavailableReason"/> says why.
/// </remarks>
public sealed record ProductivityMetrics
{
    /// <summary>Minutes from the session's start until it became ACTIVE.</summary>
    public required double SetupTime { get; init; }

    /// <summary>Minutes of working time with activity no further apart than the idle threshold.</summary>
    public required double ActiveTime { get; init; }

    /// <summary>Minutes of working time in gaps between activity longer than the idle threshold.</summary>
    public required double IdleTime { get; init; }

    /// <summary>Commits per hour of working time (active plus idle); null when the session is too short to score.</summary>
    public required double? CommitsPerHour { get; init; }

    /// <summary>Changed lines (added plus deleted, committed and put away) per hour of working time; null when too short to score.</summary>
    public required double? LinesPerHour { get; init; }

    /// <summary>Completed tasks per hour of working time; null when too short to score.</summary>
    public required double? TasksPerHour { get; init; }

    /// <summary>
    /// Change in line coverage as a fraction (0.05 is five points up), or <see langword="null"/> when
    /// it could not be measured; <see cref="TestCoverageUnavailableReason"/> then says why.
    /// </summary>
    public required double? TestCoverageDelta { get; init; }

    /// <summary>Why <see cref="TestCoverageDelta"/> is unavailable; <see langword="null"/> when it is available.</summary>
    public string? TestCoverageUnavailableReason { get; init; }

    /// <summary>Share (0-1) of changed lines that are in documentation files; 0 when nothing changed.</summary>
    public required double DocumentationRatio { get; init; }

    /// <summary>Technical-debt markers at the end minus those at the start (negative is debt paid off).</summary>
    public required double TechnicalDebtDelta { get; init; }

    /// <summary>Errors recorded during the session.</summary>
    public required int InterruptionCount { get; init; }

    /// <summary>Branch switches plus task switches.</summary>
    public required int ContextSwitches { get; init; }

    /// <summary>0-1 from interruptions: <c>1 / (1 + interruptions × 0.1)</c>, the score's flow term.</summary>
    public required double FocusScore { get; init; }

    /// <summary>
    /// The overall score, 0-1, by the spec's <c>calculate_score</c>: efficiency 30%
    /// (<c>active / (active + idle)</c>, 0 when both are 0), output 40% (<c>min(1, commitsPerHour / 2)</c>),
    /// quality 20% (<c>min(1, max(0, coverageDelta) + documentationRatio)</c>, an unavailable coverage
    /// delta counting as 0) and flow 10% (<c>1 / (1 + interruptions × 0.1)</c>); null when
    /// <see cref="ScoreUnavailableReason"/> says why there is none.
    /// </summary>
    public double? Score
    {
        get
        {
            if (ScoreUnavailableReason is not null)
            {
                return null;
            }

            var working = ActiveTime + IdleTime;
            var efficiency = working == 0 ? 0 : ActiveTime / working;
            var output = Math.Min(1.0, (CommitsPerHour ?? 0) / 2.0);
            var quality = Math.Max(0, TestCoverageDelta ?? 0) + DocumentationRatio;
            var flow = 1.0 / (1.0 + InterruptionCount * 0.1);
            return efficiency * 0.3 + output * 0.4 + Math.Min(1.0, quality) * 0.2 + flow * 0.1;
        }
    }

    /// <summary>
    /// Why there are no rates and no <see cref="Score"/>, e.g. <c>too short to score: 0.3 minutes of
    /// working time, under the 15-minute minimum</c>; null when the session is scored.
    /// </summary>
    public string? ScoreUnavailableReason { get; init; }

    /// <summary><see cref="SetupTime"/> under a name that carries its unit.</summary>
    public double SetupMinutes => SetupTime;

    /// <summary><see cref="ActiveTime"/> under a name that carries its unit.</summary>
    public double ActiveMinutes => ActiveTime;

    /// <summary><see cref="IdleTime"/> under a name that carries its unit.</summary>
    public double IdleMinutes => IdleTime;

    /// <summary>Working time: active plus idle minutes, the time the rates are over.</summary>
    public double WorkingMinutes => ActiveTime + IdleTime;
}
