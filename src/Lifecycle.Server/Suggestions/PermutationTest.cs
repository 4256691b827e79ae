namespace Lifecycle.Server.Suggestions;

/// <summary>
/// How likely chance alone gives a "best group" as far ahead as the one seen: the sessions' scores
/// are shuffled over their groups (hours of the day, lengths) many times, the best group's lead
/// taken each time, and the share of shuffles that lead as much or more is the p-value.
/// </summary>
/// <remarks>
/// The best of several groups always leads by something: comparing only the best against the rest
/// would find an effect in noise. Shuffling and taking the best each time counts that choice in
/// (a max-statistic permutation test, with no assumption on the scores' distribution). The seed is
/// fixed, so the same history gives the same figures.
/// </remarks>
public static class PermutationTest
{
    /// <summary>The p-value at or below which a lead counts as more than chance.</summary>
    public const double Threshold = 0.05;

    /// <summary>Shuffles made.</summary>
    public const int Shuffles = 1999;

    private const int Seed = 20261207;

    /// <summary>
    /// The p-value of <paramref name="observed"/>, the best group's lead (its mean score minus the
    /// others'), for sessions in groups <paramref name="keys"/> with <paramref name="scores"/>; only
    /// groups with <paramref name="minimumGroup"/> sessions on both sides compete, as for the lead seen.
    /// </summary>
    public static double BestLead(IReadOnlyList<int> keys, IReadOnlyList<double> scores, int minimumGroup, double observed)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(scores);
        var shuffled = scores.ToArray();
        var random = new Random(Seed);
        var asLarge = 0;
        for (var i = 0; i < Shuffles; i++)
        {
            random.Shuffle(shuffled);
            if (Lead(keys, shuffled, minimumGroup) >= observed - 1e-9)
            {
                asLarge++;
            }
        }

        return (asLarge + 1.0) / (Shuffles + 1.0);
    }

    /// <summary>The best group's lead over the rest; negative infinity when no group has enough sessions on both sides.</summary>
    public static double Lead(IReadOnlyList<int> keys, IReadOnlyList<double> scores, int minimumGroup)
    {
        var total = 0.0;
        var sums = new Dictionary<int, (double Sum, int Count)>();
        for (var i = 0; i < keys.Count; i++)
        {
            total += scores[i];
            var (sum, count) = sums.GetValueOrDefault(keys[i]);
            sums[keys[i]] = (sum + scores[i], count + 1);
        }

        var best = double.NegativeInfinity;
        foreach (var (sum, count) in sums.Values)
        {
            var rest = keys.Count - count;
            if (count >= minimumGroup && rest >= minimumGroup)
            {
                best = Math.Max(best, sum / count - (total - sum) / rest);
            }
        }

        return best;
    }
}
