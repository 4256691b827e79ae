namespace Lifecycle.Server.Reports;

/// <summary>
/// The comparisons time trackers show, as pure functions of the sessions' figures: this week
/// against last, streaks of days, the best hours. Dates, weeks (Monday first) and hours are taken
/// in <c>zone</c>, the user's local time.
/// </summary>
public static class ReportComparisons
{
    /// <summary>The week holding <paramref name="day"/> against the week before it.</summary>
    public static WeekComparison Week(IReadOnlyList<SessionFigures> sessions, DateOnly day, TimeZoneInfo zone)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new WeekComparison(WeekOf(sessions, monday, zone), WeekOf(sessions, monday.AddDays(-7), zone));
    }

    private static WeekFigures WeekOf(IReadOnlyList<SessionFigures> sessions, DateOnly monday, TimeZoneInfo zone)
    {
        var inWeek = sessions.Where(s => LocalDate(s.StartTime, zone) is var d && d >= monday && d < monday.AddDays(7)).ToList();
        var scores = inWeek.Where(s => s.Score is not null).Select(s => s.Score!.Value).ToList();
        return new WeekFigures(
            monday,
            inWeek.Count,
            ReportNumbers.Round(inWeek.Sum(s => (s.EndTime - s.StartTime).TotalHours), 2),
            inWeek.Sum(s => s.Commits),
            scores.Count == 0 ? null : ReportNumbers.Round(scores.Average(), 3));
    }

    /// <summary>
    /// The current run (ending on <paramref name="day"/>, or on the day before when
    /// <paramref name="day"/> has no session yet: a streak is not broken before the day is over)
    /// and the longest run of consecutive days with a session.
    /// </summary>
    public static Streaks Streaks(IReadOnlyList<SessionFigures> sessions, DateOnly day, TimeZoneInfo zone)
    {
        var days = sessions.Select(s => LocalDate(s.StartTime, zone)).ToHashSet();
        if (days.Count == 0)
        {
            return new Streaks(0, 0, null, null);
        }

        var current = 0;
        var at = days.Contains(day) ? day : day.AddDays(-1);
        while (days.Contains(at))
        {
            current++;
            at = at.AddDays(-1);
        }

        int longest = 0, run = 0;
        DateOnly from = default, to = default, runFrom = default;
        DateOnly? previous = null;
        foreach (var d in days.Order())
        {
            run = previous is { } p && p.AddDays(1) == d ? run + 1 : 1;
            runFrom = run == 1 ? d : runFrom;
            if (run > longest)
            {
                (longest, from, to) = (run, runFrom, d);
            }

            previous = d;
        }

        return new Streaks(current, longest, from, to);
    }

    /// <summary>The hours of the day (local start hour) with the best mean score, best first; ties go to the hour with more sessions.</summary>
    public static IReadOnlyList<BestHour> BestHours(IReadOnlyList<SessionFigures> sessions, TimeZoneInfo zone, int count = 3) =>
        [.. sessions.Where(s => s.Score is not null)
            .GroupBy(s => TimeZoneInfo.ConvertTime(s.StartTime, zone).Hour)
            .Select(g => new BestHour(g.Key, ReportNumbers.Round(g.Average(s => s.Score!.Value), 3), g.Count()))
            .OrderByDescending(h => h.MeanScore).ThenByDescending(h => h.Sessions).ThenBy(h => h.Hour)
            .Take(count)];

    /// <summary>The local date of a moment.</summary>
    public static DateOnly LocalDate(DateTimeOffset time, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, zone).DateTime);
}
