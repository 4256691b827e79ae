namespace Lifecycle.Server.Reports;

/// <summary>The report across the closed sessions that started between two dates: <c>lifecycle report --all</c>.</summary>
/// <param name="GeneratedAt">When the report was made.</param>
/// <param name="TimeZone">The zone of its dates, weekdays and hours.</param>
/// <param name="Since">The first day (local) included; null for no limit.</param>
/// <param name="Until">The last day (local) included; null for no limit.</param>
/// <param name="Totals">The sessions added up.</param>
/// <param name="Sessions">Each session's figures, oldest first.</param>
/// <param name="Trend">The score's moving average and least-squares slope.</param>
/// <param name="ByWeekday">Session time per weekday, Monday first.</param>
/// <param name="ByHour">Session time per hour of the day.</param>
/// <param name="Week">The week of the last day against the one before.</param>
/// <param name="Streaks">Runs of days with a session.</param>
/// <param name="BestHours">The hours of the day with the best mean score, best first (at most three).</param>
/// <param name="Goals">The goals checked across the sessions.</param>
/// <param name="Suggestions">The optimization suggestions from these sessions, with their evidence.</param>
public sealed record AcrossSessionsReport(
    DateTimeOffset GeneratedAt,
    string TimeZone,
    DateOnly? Since,
    DateOnly? Until,
    ReportTotals Totals,
    IReadOnlyList<SessionFigures> Sessions,
    ScoreTrend Trend,
    IReadOnlyList<TimeBucket> ByWeekday,
    IReadOnlyList<TimeBucket> ByHour,
    WeekComparison Week,
    Streaks Streaks,
    IReadOnlyList<BestHour> BestHours,
    IReadOnlyList<GoalCheck> Goals,
    Suggestions.SuggestionReport? Suggestions = null);
