using Lifecycle.Activities.Prediction;

/// <summary>
/// The walk-forward backtest: each session predicted from the sessions that had ended before it
/// began (never from itself or later ones), against two naive baselines: the session that ended
/// last, and the mean of all the earlier ones.
/// </summary>
internal sealed class WalkForward
{
    public static readonly (string Name, Func<WorkSample, double> Value, Func<SessionForecast, Estimate> Predicted)[] Quantities =
    [
        ("duration-minutes", s => s.Minutes, f => f.DurationMinutes),
        ("commits", s => s.Commits, f => f.Commits),
        ("lines", s => s.Lines, f => f.Lines),
    ];

    public int Predicted { get; private set; }

    public double[] Model { get; } = new double[3];

    public double[] Last { get; } = new double[3];

    public double[] Mean { get; } = new double[3];

    public int[] Covered { get; } = new int[3];

    public static WalkForward Run(IReadOnlyList<WorkSample> sessions)
    {
        var result = new WalkForward();
        var byEnd = sessions.Select((s, i) => (s, i)).OrderBy(p => p.s.End).ToArray();
        for (var i = 0; i < sessions.Count; i++)
        {
            var target = sessions[i];
            var known = sessions.Take(i).Where(s => s.End <= target.Start).ToList();
            if (known.Count == 0)
            {
                continue;
            }

            var last = known.MaxBy(s => s.End)!;
            // The product predicts nothing from fewer than SessionPredictor.MinimumSamples sessions: nor is it measured there.
            if (SessionPredictor.Predict(known, target.Author, PredictionSource.GitHistory) is not { } forecast)
            {
                continue;
            }

            result.Predicted++;
            for (var q = 0; q < Quantities.Length; q++)
            {
                var (_, value, predicted) = Quantities[q];
                var actual = value(target);
                var estimate = predicted(forecast);
                result.Model[q] += Math.Abs(estimate.Point - actual);
                result.Last[q] += Math.Abs(value(last) - actual);
                result.Mean[q] += Math.Abs(known.Average(value) - actual);
                result.Covered[q] += estimate.Covers(actual) ? 1 : 0;
            }
        }

        return result;
    }
}
