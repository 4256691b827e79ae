using Lifecycle.Activities.Configuration;

namespace Lifecycle.Server.Reports;

/// <summary>
/// Checks the goals of <c>.lifecycle/config.json</c> against figures: one session's own, or across
/// sessions the overall figure (commits over all working hours, active over all working time, the
/// mean score) plus how many sessions met each goal alone. A goal with no bound is left out.
/// </summary>
public static class ReportGoals
{
    /// <summary>The goals checked across <paramref name="sessions"/> (one session's report passes just it).</summary>
    public static IReadOnlyList<GoalCheck> Check(GoalsConfig goals, IReadOnlyList<SessionFigures> sessions)
    {
        var checks = new List<GoalCheck>();
        var working = sessions.Sum(s => s.ActiveMinutes + s.IdleMinutes);
        var rated = sessions.Where(s => s.CommitsPerHour is not null).ToList();
        var ratedMinutes = rated.Sum(s => s.ActiveMinutes + s.IdleMinutes);
        Add(checks, "commitsPerHour", "Commits per hour of working time", goals.CommitsPerHour,
            ratedMinutes > 0 ? rated.Sum(s => s.Commits) / (ratedMinutes / 60) : null, sessions.Select(s => s.CommitsPerHour));
        Add(checks, "activeShare", "Share of working time active (0 to 1)", goals.ActiveShare,
            working > 0 ? sessions.Sum(s => s.ActiveMinutes) / working : null, sessions.Select(s => s.ActiveShare));
        var scores = sessions.Where(s => s.Score is not null).Select(s => s.Score!.Value).ToList();
        Add(checks, "score", "Productivity score (0 to 1)", goals.Score, scores.Count > 0 ? scores.Average() : null, sessions.Select(s => s.Score));
        return checks;
    }

    private static void Add(List<GoalCheck> checks, string goal, string label, GoalRange range, double? actual, IEnumerable<double?> each)
    {
        if (!range.IsSet)
        {
            return;
        }

        var measured = each.Where(v => v is not null).Select(v => v!.Value).ToList();
        var rounded = ReportNumbers.Round(actual, 3);
        checks.Add(new GoalCheck(goal, label, range.Min, range.Max, rounded, rounded is { } a ? range.Meets(a) : null,
            measured.Count(range.Meets), measured.Count));
    }
}
