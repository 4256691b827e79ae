namespace Lifecycle.Activities.Metrics;

/// <summary>A line-coverage measurement, or why there is none.</summary>
/// <param name="LineRate">Covered lines as a fraction 0-1; <see langword="null"/> when unavailable.</param>
/// <param name="UnavailableReason">Why there is no measurement; <see langword="null"/> when there is one.</param>
public sealed record CoverageReading(double? LineRate, string? UnavailableReason)
{
    /// <summary>A measured line rate.</summary>
    public static CoverageReading Of(double lineRate) => new(lineRate, null);

    /// <summary>No measurement, with the reason to show the user.</summary>
    public static CoverageReading Unavailable(string reason) => new(null, reason);
}
