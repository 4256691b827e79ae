namespace Lifecycle.Server.Reports;

/// <summary>Runs of consecutive days (local dates) with at least one session.</summary>
/// <param name="Current">The run ending on the report's last day, or the day before when that day has none yet.</param>
/// <param name="Longest">The longest run.</param>
/// <param name="LongestFrom">Its first day; null without sessions.</param>
/// <param name="LongestTo">Its last day; null without sessions.</param>
public sealed record Streaks(int Current, int Longest, DateOnly? LongestFrom, DateOnly? LongestTo);
