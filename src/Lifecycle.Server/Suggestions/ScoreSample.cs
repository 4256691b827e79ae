using MathNet.Numerics.Statistics;

namespace Lifecycle.Server.Suggestions;

/// <summary>Some sessions' scores summed up: how many, their mean and median (three decimals).</summary>
public sealed record ScoreSample(int Count, double Mean, double Median)
{
    public static ScoreSample Of(IEnumerable<double> scores)
    {
        var list = scores.ToList();
        return list.Count == 0 ? new ScoreSample(0, 0, 0) : new ScoreSample(list.Count, Round(list.Average()), Round(list.Median()));
    }

    /// <summary>A score (or a difference of scores) to three decimals.</summary>
    public static double Round(double value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);

    /// <summary>Spearman's rank correlation of two series, three decimals; null when either is constant (no ranks to compare).</summary>
    public static double? Spearman(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        if (first.Count < 2 || first.Distinct().Count() < 2 || second.Distinct().Count() < 2)
        {
            return null;
        }

        var rho = Correlation.Spearman(first, second);
        return double.IsFinite(rho) ? Round(rho) : null;
    }
}
