using System.Globalization;
using Lifecycle.Server.Reports;
using MathNet.Numerics.Statistics;

namespace Lifecycle.Server.Suggestions;

/// <summary>
/// The suggestions that compare scores (<see cref="SessionFigures"/>, as the reports compute them):
/// best hours, best session lengths, interruptions, setup time. Each compares the mean and median
/// score of one group of sessions with the others', and suggests nothing below
/// <see cref="MinimumSessions"/> scored sessions, with fewer than <see cref="MinimumGroup"/> on
/// either side, or for a difference under <see cref="MinimumDifference"/>.
/// </summary>
public static class ScoreSuggestions
{
    /// <summary>Scored sessions needed before any score is compared.</summary>
    public const int MinimumSessions = 6;

    /// <summary>Sessions needed on each side of a comparison.</summary>
    public const int MinimumGroup = 3;

    /// <summary>The smallest difference of mean scores (0 to 1) worth a change of habit: five points of the score.</summary>
    public const double MinimumDifference = 0.05;

    /// <summary>The rank correlation (in absolute value) from which interruptions are said to go with the score.</summary>
    public const double MinimumCorrelation = 0.3;

    /// <summary>The spec's setup time above which initialization needs work (its insight "Setup took N min").</summary>
    public const double SetupLimitMinutes = 15;

    /// <summary>The session lengths compared, in minutes of working time: [from, to).</summary>
    public static readonly IReadOnlyList<(int From, int To)> Lengths = [(0, 45), (45, 90), (90, 150), (150, int.MaxValue)];

    /// <summary>The hours of the day compared: blocks of this many hours of the local start time.</summary>
    public const int HourBlock = 3;

    /// <summary>The hours of day (local start, in blocks of <see cref="HourBlock"/>) whose sessions scored best.</summary>
    public static (Suggestion? Suggestion, string? Withheld) BestHours(IReadOnlyList<SessionFigures> figures, TimeZoneInfo zone)
    {
        var scored = Scored(figures);
        if (TooFew(scored, "hours of the day") is { } few)
        {
            return (null, few);
        }

        var best = BestGroup(scored, f => TimeZoneInfo.ConvertTime(f.StartTime, zone).Hour / HourBlock);
        if (best is not { } b)
        {
            return (null, $"hours of the day: no block of {HourBlock} hours has {MinimumGroup} scored sessions with {MinimumGroup} others to compare with.");
        }

        var label = $"{b.Key * HourBlock:00}:00-{(b.Key + 1) * HourBlock % 24:00}:00";
        if (b.Difference < MinimumDifference)
        {
            return (null, $"hours of the day: the best, {label}, scores only {Signed(b.Difference)} against the other hours (under {MinimumDifference:0.00}).");
        }

        var hoursP = Chance(scored, f => TimeZoneInfo.ConvertTime(f.StartTime, zone).Hour / HourBlock);
        if (hoursP > PermutationTest.Threshold)
        {
            return (null, $"hours of the day: the best, {label}, scores {Signed(b.Difference)} against the other hours, but chance gives as much (permutation p {hoursP:0.000}, needs {PermutationTest.Threshold:0.00} or below).");
        }

        return (new Suggestion(SuggestionKinds.BestHours,
            $"Start your demanding sessions between {label} ({Zone(zone)}): they score best.",
            $"{b.Group.Count} sessions started {label} scored a mean {b.Group.Mean:0.000} (median {b.Group.Median:0.000}) against {b.Rest.Mean:0.000} (median {b.Rest.Median:0.000}) for the other {b.Rest.Count}: {Signed(b.Difference)}; permutation p {hoursP:0.000}.",
            scored.Count, MinimumSessions, Figures(b, ("fromHour", b.Key * HourBlock), ("toHour", (b.Key + 1) * HourBlock), ("permutationP", hoursP))), null);
    }

    /// <summary>The lengths of session (working minutes, in <see cref="Lengths"/>) that scored best, with the rank correlation of length and score.</summary>
    public static (Suggestion? Suggestion, string? Withheld) SessionLength(IReadOnlyList<SessionFigures> figures)
    {
        var scored = Scored(figures);
        if (TooFew(scored, "session lengths") is { } few)
        {
            return (null, few);
        }

        int LengthOf(SessionFigures f) => Lengths.Select((l, i) => (l, i)).First(x => f.WorkingMinutes >= x.l.From && f.WorkingMinutes < x.l.To).i;
        var best = BestGroup(scored, LengthOf);
        if (best is not { } b)
        {
            return (null, $"session lengths: no length has {MinimumGroup} scored sessions with {MinimumGroup} others to compare with.");
        }

        var (from, to) = Lengths[b.Key];
        var label = to == int.MaxValue ? $"{from} minutes or more" : from == 0 ? $"under {to} minutes" : $"{from} to {to} minutes";
        if (b.Difference < MinimumDifference)
        {
            return (null, $"session lengths: the best, {label}, scores only {Signed(b.Difference)} against the other lengths (under {MinimumDifference:0.00}).");
        }

        var lengthP = Chance(scored, LengthOf);
        if (lengthP > PermutationTest.Threshold)
        {
            return (null, $"session lengths: the best, {label}, scores {Signed(b.Difference)} against the other lengths, but chance gives as much (permutation p {lengthP:0.000}, needs {PermutationTest.Threshold:0.00} or below).");
        }

        var rho = ScoreSample.Spearman([.. scored.Select(f => f.WorkingMinutes)], [.. scored.Select(f => f.Score!.Value)]);
        var timebox = to == int.MaxValue ? "" : $" (lifecycle start --timebox {to}m)";
        return (new Suggestion(SuggestionKinds.SessionLength,
            $"Plan sessions of {label}{timebox}: that length scores best.",
            $"{b.Group.Count} sessions of {label} of working time scored a mean {b.Group.Mean:0.000} (median {b.Group.Median:0.000}) against {b.Rest.Mean:0.000} (median {b.Rest.Median:0.000}) for the other {b.Rest.Count}: {Signed(b.Difference)}" +
            (rho is { } r ? $"; rank correlation of length and score {r:0.000}" : "") + $"; permutation p {lengthP:0.000}.",
            scored.Count, MinimumSessions, Figures(b, ("fromMinutes", from), ("toMinutes", to == int.MaxValue ? -1 : to), ("spearmanRho", rho ?? double.NaN), ("permutationP", lengthP))), null);
    }

    /// <summary>Interruptions (recorded errors) against the score: the rank correlation, and sessions without against sessions with.</summary>
    public static (Suggestion? Suggestion, string? Withheld) Interruptions(IReadOnlyList<SessionFigures> figures)
    {
        var scored = Scored(figures);
        if (TooFew(scored, "interruptions") is { } few)
        {
            return (null, few);
        }

        var calm = ScoreSample.Of(scored.Where(f => f.Errors == 0).Select(f => f.Score!.Value));
        var interrupted = ScoreSample.Of(scored.Where(f => f.Errors > 0).Select(f => f.Score!.Value));
        if (calm.Count < MinimumGroup || interrupted.Count < MinimumGroup)
        {
            return (null, $"interruptions: {interrupted.Count} scored sessions had errors and {calm.Count} had none; {MinimumGroup} of each are needed.");
        }

        var rho = ScoreSample.Spearman([.. scored.Select(f => (double)f.Errors)], [.. scored.Select(f => f.Score!.Value)]);
        var difference = ScoreSample.Round(calm.Mean - interrupted.Mean);
        if (rho is not { } r || r > -MinimumCorrelation || difference < MinimumDifference)
        {
            return (null, $"interruptions: rank correlation of errors and score {(rho is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "undefined")}, sessions without errors {Signed(difference)}: no clear cost (needs {-MinimumCorrelation:0.0} or below and {MinimumDifference:0.00}).");
        }

        var errors = scored.Where(f => f.Errors > 0).Select(f => (double)f.Errors).Median();
        return (new Suggestion(SuggestionKinds.Interruptions,
            "Interruptions cost you: fix the errors that keep recurring before new work (the report's timeline shows them), and record the rest as tasks.",
            $"{interrupted.Count} sessions with errors (median {errors:0.#}) scored a mean {interrupted.Mean:0.000} (median {interrupted.Median:0.000}) against {calm.Mean:0.000} (median {calm.Median:0.000}) for the {calm.Count} without: {Signed(-difference)}; rank correlation of errors and score {r:0.000} over {scored.Count} sessions.",
            scored.Count, MinimumSessions,
            [new("sessionsWithErrors", interrupted.Count), new("meanScoreWithErrors", interrupted.Mean), new("medianScoreWithErrors", interrupted.Median),
             new("sessionsWithoutErrors", calm.Count), new("meanScoreWithoutErrors", calm.Mean), new("medianScoreWithoutErrors", calm.Median),
             new("difference", difference), new("spearmanRho", r)]), null);
    }

    /// <summary>Setup time (start to ACTIVE): a median above the spec's 15 minutes.</summary>
    public static (Suggestion? Suggestion, string? Withheld) SetupTime(IReadOnlyList<SessionFigures> figures)
    {
        if (figures.Count < MinimumSessions)
        {
            return (null, $"setup time: {figures.Count} closed sessions, {MinimumSessions} needed.");
        }

        var setups = figures.Select(f => f.SetupMinutes).ToList();
        var median = Math.Round(setups.Median(), 1);
        var over = setups.Count(s => s > SetupLimitMinutes);
        if (median <= SetupLimitMinutes)
        {
            return (null, $"setup time: median {median:0.#} minutes over {figures.Count} sessions, within the spec's {SetupLimitMinutes:0} minutes.");
        }

        var slow = ScoreSample.Of(figures.Where(f => f.SetupMinutes > SetupLimitMinutes && f.Score is not null).Select(f => f.Score!.Value));
        var quick = ScoreSample.Of(figures.Where(f => f.SetupMinutes <= SetupLimitMinutes && f.Score is not null).Select(f => f.Score!.Value));
        var compared = slow.Count >= MinimumGroup && quick.Count >= MinimumGroup
            ? $"; sessions with a longer setup scored a mean {slow.Mean:0.000} against {quick.Mean:0.000}"
            : "";
        return (new Suggestion(SuggestionKinds.SetupTime,
            "Shorten the start: make the slow reality-check agents quicker or lighter (realityChecks in .lifecycle/config.json) and keep the work tree ready to start.",
            $"Setup (start to ACTIVE) took a median {median:0.#} minutes (mean {setups.Average():0.#}) over {figures.Count} sessions, {over} of them over the spec's {SetupLimitMinutes:0}{compared}.",
            figures.Count, MinimumSessions,
            [new("medianSetupMinutes", median), new("meanSetupMinutes", Math.Round(setups.Average(), 1)), new("sessionsOverLimit", over), new("limitMinutes", SetupLimitMinutes)]), null);
    }

    private static List<SessionFigures> Scored(IReadOnlyList<SessionFigures> figures) => [.. figures.Where(f => f.Score is not null)];

    private static string? TooFew(List<SessionFigures> scored, string what) =>
        scored.Count < MinimumSessions ? $"{what}: {scored.Count} scored sessions, {MinimumSessions} needed." : null;

    /// <summary>The group (by <paramref name="keyOf"/>) whose mean score is furthest above the rest's, among those with enough sessions on both sides.</summary>
    private static Comparison? BestGroup(List<SessionFigures> scored, Func<SessionFigures, int> keyOf) =>
        scored.GroupBy(keyOf)
            .Select(g => new Comparison(g.Key, ScoreSample.Of(g.Select(f => f.Score!.Value)), ScoreSample.Of(scored.Where(f => keyOf(f) != g.Key).Select(f => f.Score!.Value))))
            .Where(c => c.Group.Count >= MinimumGroup && c.Rest.Count >= MinimumGroup)
            .OrderByDescending(c => c.Difference).ThenByDescending(c => c.Group.Count).ThenBy(c => c.Key)
            .Cast<Comparison?>()
            .FirstOrDefault();

    /// <summary>The permutation p-value of the best group's lead (<see cref="PermutationTest"/>), rounded as the figures are.</summary>
    private static double Chance(List<SessionFigures> scored, Func<SessionFigures, int> keyOf)
    {
        var keys = scored.Select(keyOf).ToList();
        var scores = scored.Select(f => f.Score!.Value).ToList();
        return ScoreSample.Round(PermutationTest.BestLead(keys, scores, MinimumGroup, PermutationTest.Lead(keys, scores, MinimumGroup)));
    }

    private static IReadOnlyList<SuggestionFigure> Figures(Comparison c, params (string Name, double Value)[] more) =>
    [
        new("sessions", c.Group.Count), new("meanScore", c.Group.Mean), new("medianScore", c.Group.Median),
        new("otherSessions", c.Rest.Count), new("otherMeanScore", c.Rest.Mean), new("otherMedianScore", c.Rest.Median),
        new("difference", c.Difference), .. more.Where(m => double.IsFinite(m.Value)).Select(m => new SuggestionFigure(m.Name, m.Value)),
    ];

    private static string Signed(double difference) => (difference >= 0 ? "+" : "") + difference.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Zone(TimeZoneInfo zone) => zone == TimeZoneInfo.Utc ? "UTC" : zone.Id;

    private sealed record Comparison(int Key, ScoreSample Group, ScoreSample Rest)
    {
        public double Difference => ScoreSample.Round(Group.Mean - Rest.Mean);
    }
}
