namespace Lifecycle.Activities.Metrics;

/// <summary>Settings for <see cref="ProductivityCalculator"/>.</summary>
public sealed record ProductivityOptions
{
    /// <summary>The shortest working time that is scored, unless told otherwise: 15 minutes.</summary>
    public static readonly TimeSpan DefaultMinimumWorkingTime = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The longest gap between two consecutive moments of activity that still counts as active
    /// time; a longer gap counts whole as idle time. Default 15 minutes; must be positive.
    /// </summary>
    public TimeSpan IdleThreshold { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The shortest working time (from becoming ACTIVE to the end: active plus idle time) for which
    /// per-hour rates and the score are computed. Default 15 minutes; zero scores every session.
    /// </summary>
    /// <remarks>
    /// Rates are counts divided by working time, so a short session extrapolates wildly: 2 commits in
    /// 18 seconds read as 400 commits per hour. At 15 minutes a single commit is 4 per hour, the top
    /// of the spec's normal band (0.5 to 4), so one commit alone never reads as "High commit
    /// frequency"; it is also one idle threshold and the spec's own bound for setup time.
    /// </remarks>
    public TimeSpan MinimumWorkingTime { get; init; } = DefaultMinimumWorkingTime;

    internal void Validate()
    {
        var problems = new List<string>();
        if (IdleThreshold <= TimeSpan.Zero)
        {
            problems.Add($"IdleThreshold {IdleThreshold} must be positive, e.g. 00:15:00.");
        }

        if (MinimumWorkingTime < TimeSpan.Zero)
        {
            problems.Add($"MinimumWorkingTime {MinimumWorkingTime} cannot be negative; use 00:00:00 to score every session.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ProductivityOptions), string.Join(" ", problems));
        }
    }
}
