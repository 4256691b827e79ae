using System.ComponentModel;

namespace Lifecycle.Activities.Configuration;

/// <summary>
/// What a good session looks like, for the reports (<c>lifecycle report</c>): each goal is drawn on
/// its chart as a band or a line and reported as met or not.
/// </summary>
/// <remarks>
/// The defaults are the ones time trackers and the spec's score suggest: one to three commits per
/// hour of working time (small steps, not a flood of fix-ups), at least 80% of the working time
/// active, and a productivity score of at least 0.6. Write <c>{}</c> for a goal to turn it off.
/// </remarks>
public sealed record GoalsConfig
{
    /// <summary>Commits per hour of working time. Default 1 to 3.</summary>
    [Description("Commits per hour of working time (active plus idle); default 1 to 3. {} turns the goal off.")]
    public GoalRange CommitsPerHour { get; init; } = new() { Min = 1, Max = 3 };

    /// <summary>Active time over working time, 0 to 1. Default at least 0.8.</summary>
    [Description("Share of the working time that was active, 0 to 1; default at least 0.8. {} turns the goal off.")]
    public GoalRange ActiveShare { get; init; } = new() { Min = 0.8 };

    /// <summary>The productivity score, 0 to 1. Default at least 0.6.</summary>
    [Description("The productivity score, 0 to 1; default at least 0.6. {} turns the goal off.")]
    public GoalRange Score { get; init; } = new() { Min = 0.6 };
}
