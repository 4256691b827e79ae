namespace Lifecycle.Activities.Prediction;

/// <summary>A predicted quantity: the point (a median, which minimizes the absolute error) and an interval around it.</summary>
/// <param name="Point">The single best guess.</param>
/// <param name="Low">The interval's lower end (the 10% quantile of what the history shows).</param>
/// <param name="High">The interval's upper end (the 90% quantile).</param>
public sealed record Estimate(double Point, double Low, double High)
{
    /// <summary>True when <paramref name="actual"/> lies in the interval (ends included).</summary>
    public bool Covers(double actual) => actual >= Low && actual <= High;

    /// <summary>The estimate rounded to whole units, for display and JSON.</summary>
    public Estimate Rounded() => new(Math.Round(Point), Math.Round(Low), Math.Round(High));
}
