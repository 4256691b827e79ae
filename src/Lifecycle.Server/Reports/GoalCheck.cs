namespace Lifecycle.Server.Reports;

/// <summary>One goal of <c>.lifecycle/config.json</c> checked against a report's figures.</summary>
/// <param name="Goal">The goal's key: <c>commitsPerHour</c>, <c>activeShare</c> or <c>score</c>.</param>
/// <param name="Label">What the figure is, for people.</param>
/// <param name="Min">The lowest value that meets it; null for none.</param>
/// <param name="Max">The highest value that meets it; null for none.</param>
/// <param name="Actual">
/// The figure: the session's own, or across sessions the overall one (commits over working hours,
/// active over working time, the mean score); null when not measured (too short to score).
/// </param>
/// <param name="Met">Whether <paramref name="Actual"/> meets it; null when not measured.</param>
/// <param name="SessionsMet">How many of the measured sessions met it on their own.</param>
/// <param name="SessionsMeasured">How many sessions had the figure.</param>
public sealed record GoalCheck(string Goal, string Label, double? Min, double? Max, double? Actual, bool? Met, int SessionsMet, int SessionsMeasured)
{
    /// <summary><c>met</c>, <c>not met</c> or <c>not measured</c>.</summary>
    public string Verdict => Met switch { true => "met", false => "not met", null => "not measured" };

    /// <summary>The range as people read it: <c>1 to 3</c>, <c>at least 0.8</c>, <c>at most 2</c>.</summary>
    public string Range => (Min, Max) switch
    {
        ({ } min, { } max) => $"{ReportNumbers.Text(min)} to {ReportNumbers.Text(max)}",
        ({ } min, null) => $"at least {ReportNumbers.Text(min)}",
        (null, { } max) => $"at most {ReportNumbers.Text(max)}",
        _ => "none",
    };
}
