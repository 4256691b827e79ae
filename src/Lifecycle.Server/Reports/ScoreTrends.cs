namespace Lifecycle.Server.Reports;

/// <summary>The score's trend across sessions: a moving average and a least-squares line.</summary>
public static class ScoreTrends
{
    /// <summary>Sessions in each moving average.</summary>
    public const int DefaultWindow = 5;

    /// <summary>The trend of <paramref name="scores"/> (in session order; null for a session without a score).</summary>
    public static ScoreTrend Of(IReadOnlyList<double?> scores, int window = DefaultWindow)
    {
        var average = new List<double?>(scores.Count);
        var recent = new Queue<double>();
        foreach (var score in scores)
        {
            if (score is { } s)
            {
                recent.Enqueue(s);
                if (recent.Count > window)
                {
                    recent.Dequeue();
                }
            }

            average.Add(recent.Count == 0 ? null : ReportNumbers.Round(recent.Average(), 3));
        }

        var points = scores.Select((s, i) => (X: (double)i, Y: s)).Where(p => p.Y is not null).Select(p => (p.X, Y: p.Y!.Value)).ToList();
        return new ScoreTrend(window, average, ReportNumbers.Round(Slope(points), 4));
    }

    /// <summary>The least-squares slope of the points; null with fewer than two distinct x.</summary>
    public static double? Slope(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2)
        {
            return null;
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var spread = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return spread == 0 ? null : points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / spread;
    }
}
