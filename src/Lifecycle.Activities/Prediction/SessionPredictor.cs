namespace Lifecycle.Activities.Prediction;

/// <summary>
/// Predicts the next session from the past ones: for each quantity, the recency-weighted median of
/// the past sessions, pulled towards the median of the same author's sessions as that author's
/// history grows (shrinkage), with the 10-90% quantile band as the interval.
/// </summary>
/// <remarks>
/// <para>
/// The median because the goal is the smallest absolute error, and the median minimizes it; it also
/// shrugs off the heavy tails of the lines changed (one session that imports a library changes
/// 20,000 lines) that wreck a mean. Weights halve every <see cref="HalfLife"/> sessions back, so a
/// team's current habits count more than its habits of years ago, without forgetting them.
/// </para>
/// <para>
/// One author's own median gets the weight n / (n + <see cref="Shrinkage"/>) after n of their
/// sessions: a newcomer's first sessions say little, a regular's hundred say a lot. The interval is
/// blended the same way. Backtested on four public histories in docs/PREDICTION.md.
/// </para>
/// </remarks>
public static class SessionPredictor
{
    /// <summary>Sessions back after which a session's weight has halved.</summary>
    public const double HalfLife = 50;

    /// <summary>How many of an author's sessions give their own median half the say.</summary>
    public const double Shrinkage = 5;

    /// <summary>The interval's lower quantile.</summary>
    public const double LowQuantile = 0.1;

    /// <summary>The interval's upper quantile.</summary>
    public const double HighQuantile = 0.9;

    /// <summary>
    /// Past sessions needed for a prediction: with fewer, a median and its 10-90% band are one or two
    /// sessions' values (two 16-hour stretches of commits would predict a 16-hour session), so no
    /// figure is better than that one.
    /// </summary>
    public const int MinimumSamples = 5;

    /// <summary>
    /// The next session of <paramref name="author"/> predicted from <paramref name="past"/> (oldest
    /// first); null with fewer than <see cref="MinimumSamples"/> past sessions.
    /// </summary>
    public static SessionForecast? Predict(IReadOnlyList<WorkSample> past, string? author, PredictionSource source)
    {
        ArgumentNullException.ThrowIfNull(past);
        if (past.Count < MinimumSamples)
        {
            return null;
        }

        var weights = new double[past.Count];
        for (var i = 0; i < past.Count; i++)
        {
            weights[i] = Math.Pow(0.5, (past.Count - 1 - i) / HalfLife);
        }

        var own = author is null ? [] : Enumerable.Range(0, past.Count).Where(i => string.Equals(past[i].Author, author, StringComparison.OrdinalIgnoreCase)).ToArray();
        return new SessionForecast(
            Quantity(past, weights, own, s => s.Minutes),
            Quantity(past, weights, own, s => s.Commits),
            Quantity(past, weights, own, s => s.Lines),
            source, past.Count, own.Length);
    }

    private static Estimate Quantity(IReadOnlyList<WorkSample> past, double[] weights, int[] own, Func<WorkSample, double> value)
    {
        var all = WeightedQuantile.Band([.. past.Select((s, i) => (value(s), weights[i]))]);
        if (own.Length == 0)
        {
            return all;
        }

        var mine = WeightedQuantile.Band([.. own.Select(i => (value(past[i]), weights[i]))]);
        var share = own.Length / (own.Length + Shrinkage);
        return new Estimate(Blend(mine.Point, all.Point, share), Blend(mine.Low, all.Low, share), Blend(mine.High, all.High, share));
    }

    private static double Blend(double mine, double all, double share) => (share * mine) + ((1 - share) * all);
}
