using System.ComponentModel;

namespace Lifecycle.Activities.Configuration;

/// <summary>
/// One goal of the reports: a figure should be at least <see cref="Min"/> and at most
/// <see cref="Max"/>. Either bound may be left out; a goal with neither (<c>{}</c>) is off.
/// </summary>
public sealed record GoalRange
{
    /// <summary>The lowest value that meets the goal; null for no lower bound.</summary>
    [Description("The lowest value that meets the goal; null (or left out) for no lower bound.")]
    public double? Min { get; init; }

    /// <summary>The highest value that meets the goal; null for no upper bound.</summary>
    [Description("The highest value that meets the goal; null (or left out) for no upper bound.")]
    public double? Max { get; init; }

    /// <summary>True when the goal has a bound, so it is checked and drawn.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsSet => Min is not null || Max is not null;

    /// <summary>Whether <paramref name="value"/> lies within the bounds (inclusive).</summary>
    public bool Meets(double value) => (Min is not { } min || value >= min) && (Max is not { } max || value <= max);
}
