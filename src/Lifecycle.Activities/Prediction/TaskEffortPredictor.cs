namespace Lifecycle.Activities.Prediction;

/// <summary>
/// Predicts a task's effort from the done tasks' recorded times: the recency-weighted median and
/// 10-90% band of all of them, pulled towards those of the same priority as their number grows,
/// the way <see cref="SessionPredictor"/> treats authors.
/// </summary>
/// <remarks>
/// Below <see cref="MinimumSamples"/> done tasks there is nothing to learn from, and the forecast
/// says so: <see cref="Assumed"/>, an hour with a 15-minute to 4-hour band, marked
/// <see cref="PredictionSource.Assumed"/> so no one mistakes it for a measurement.
/// </remarks>
public static class TaskEffortPredictor
{
    /// <summary>Done tasks needed before their times are used.</summary>
    public const int MinimumSamples = 3;

    /// <summary>Done tasks back after which one's weight has halved.</summary>
    public const double HalfLife = 20;

    /// <summary>How many done tasks of a priority give that priority's median half the say.</summary>
    public const double Shrinkage = 3;

    /// <summary>The effort assumed with no history: 60 minutes, 15 to 240.</summary>
    public static readonly Estimate Assumed = new(60, 15, 240);

    /// <summary>The least measured activity a done task needs to count as a sample of effort, in minutes.</summary>
    public const double MinimumMinutes = 1;

    /// <summary>The effort of a task of <paramref name="priority"/>, from <paramref name="done"/> (in the order done).</summary>
    public static TaskEffortForecast Predict(IReadOnlyList<TaskEffortSample> done, int priority)
    {
        ArgumentNullException.ThrowIfNull(done);
        // Under a minute of measured activity is no measurement (without 'serve' nothing records the
        // edits between a task's add and done, so the whole window reads idle): such tasks are left out.
        done = [.. done.Where(s => s.Minutes >= MinimumMinutes)];
        if (done.Count < MinimumSamples)
        {
            return new TaskEffortForecast(Assumed, PredictionSource.Assumed, 0);
        }

        var weighted = done.Select((s, i) => (s, Weight: Math.Pow(0.5, (done.Count - 1 - i) / HalfLife))).ToList();
        var all = WeightedQuantile.Band([.. weighted.Select(w => (w.s.Minutes, w.Weight))]);
        var same = weighted.Where(w => w.s.Priority == priority).Select(w => (w.s.Minutes, w.Weight)).ToList();
        if (same.Count == 0)
        {
            return new TaskEffortForecast(all, PredictionSource.Sessions, done.Count);
        }

        var mine = WeightedQuantile.Band(same);
        var share = same.Count / (same.Count + Shrinkage);
        return new TaskEffortForecast(
            new Estimate(Blend(mine.Point, all.Point, share), Blend(mine.Low, all.Low, share), Blend(mine.High, all.High, share)),
            PredictionSource.Sessions, done.Count);
    }

    private static double Blend(double mine, double all, double share) => (share * mine) + ((1 - share) * all);
}
