namespace Lifecycle.Activities.Prediction;

/// <summary>
/// Quantiles of weighted samples: the smallest value whose cumulative weight reaches the share
/// asked for. Used with recency weights, so recent sessions count more without the old ones being
/// thrown away.
/// </summary>
public static class WeightedQuantile
{
    /// <summary>The <paramref name="quantile"/> (0..1) of <paramref name="samples"/>; NaN when there are none.</summary>
    public static double Of(IReadOnlyList<(double Value, double Weight)> samples, double quantile)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.OrderBy(s => s.Value).ToArray();
        var total = sorted.Sum(s => s.Weight);
        var reach = quantile * total;
        var cumulative = 0.0;
        foreach (var (value, weight) in sorted)
        {
            cumulative += weight;
            if (cumulative >= reach)
            {
                return value;
            }
        }

        return sorted[^1].Value;
    }

    /// <summary>The point (median) and the 10-90% band of <paramref name="samples"/>.</summary>
    public static Estimate Band(IReadOnlyList<(double Value, double Weight)> samples) =>
        new(Of(samples, 0.5), Of(samples, SessionPredictor.LowQuantile), Of(samples, SessionPredictor.HighQuantile));
}
