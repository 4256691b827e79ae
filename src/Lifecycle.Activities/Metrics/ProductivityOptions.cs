namespace Lifecycle.Activities.Metrics;

/// <summary>Settings for <see cref="ProductivityCalculator"/>.</summary>
public sealed record ProductivityOptions
{
    /// <summary>
    /// The longest gap between two consecutive moments of activity that still counts as active
    /// time; a longer gap counts whole as idle time. Default 15 minutes; must be positive.
    /// </summary>
    public TimeSpan IdleThreshold { get; init; } = TimeSpan.FromMinutes(15);

    internal void Validate()
    {
        if (IdleThreshold <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(IdleThreshold), IdleThreshold, $"IdleThreshold {IdleThreshold} must be positive, e.g. 00:15:00.");
        }
    }
}
